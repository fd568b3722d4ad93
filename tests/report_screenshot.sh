#!/usr/bin/env bash
# Render `shi report RUS CHN -o report.html` in headless Chromium and check that
# the screenshot is not blank (many distinct colours: text, lines, heatmaps).
# Skips (77) when Chromium or ImageMagick is missing.
set -u
shi=$1
command -v chromium >/dev/null || { echo "skipped: no chromium"; exit 77; }
command -v identify >/dev/null || { echo "skipped: no ImageMagick"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$shi" report RUS CHN -o "$work/report.html" || exit 1
# Flags as the machine notes require: no network, no sandbox as root, a fresh profile.
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --window-size=900,3000 \
  --screenshot="$work/shot.png" "file://$work/report.html" >/dev/null 2>&1
[ -s "$work/shot.png" ] || { echo "no screenshot"; exit 1; }
colours=$(identify -format '%k' "$work/shot.png")
size=$(identify -format '%wx%h' "$work/shot.png")
echo "screenshot $size, $colours distinct colours"
# A blank page has 1 colour; text alone a few dozen; charts with heatmaps hundreds.
[ "$colours" -ge 200 ] || { echo "screenshot looks blank"; exit 1; }
echo ok
