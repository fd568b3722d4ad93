#!/usr/bin/env bash
# Render `shi report RUS CHN -o report.html` in headless Chromium: the
# screenshot is not blank (many distinct colours: text, lines, heatmaps), and
# print-to-PDF (the print stylesheet, issue 13) gives pages of which the first
# and a middle one are not blank either (pdftoppm). Skips (77) when Chromium,
# ImageMagick or poppler-utils is missing (scripts/install-deps.sh installs them).
# SHI_REPORT_KEEP=dir keeps the HTML, screenshot, PDF and page images there.
set -u
shi=$1
command -v chromium >/dev/null || { echo "skipped: no chromium"; exit 77; }
command -v identify >/dev/null || { echo "skipped: no ImageMagick"; exit 77; }
command -v pdftoppm >/dev/null || { echo "skipped: no pdftoppm (poppler-utils)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$shi" report RUS CHN -o "$work/report.html" || exit 1
# Flags as the machine notes require: no network, no sandbox as root, a fresh profile.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$work/profile")
timeout 120 chromium "${flags[@]}" --window-size=900,3000 \
  --screenshot="$work/shot.png" "file://$work/report.html" >/dev/null 2>&1
[ -s "$work/shot.png" ] || { echo "no screenshot"; exit 1; }
colours=$(identify -format '%k' "$work/shot.png")
size=$(identify -format '%wx%h' "$work/shot.png")
echo "screenshot $size, $colours distinct colours"
# A blank page has 1 colour; text alone a few dozen; charts with heatmaps hundreds.
[ "$colours" -ge 200 ] || { echo "screenshot looks blank"; exit 1; }

timeout 120 chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$work/report.pdf" \
  "file://$work/report.html" >/dev/null 2>&1
[ -s "$work/report.pdf" ] || { echo "no PDF"; exit 1; }
head -c 5 "$work/report.pdf" | grep -q '%PDF-' || { echo "not a PDF"; exit 1; }
pages=$(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
echo "PDF: ${pages:-?} pages"
# One page per section at least (summary, 7 sections, missing data and sources).
[ "${pages:-0}" -ge 8 ] || { echo "the PDF has too few pages for its sections"; exit 1; }
mid=$(( (pages + 1) / 2 ))
for pg in 1 "$mid"; do
  pdftoppm -r 60 -png -f "$pg" -l "$pg" -singlefile "$work/report.pdf" "$work/page$pg" || exit 1
  c=$(identify -format '%k' "$work/page$pg.png")
  # Ink: the share of pixels that are not white (a blank page has none).
  ink=$(convert "$work/page$pg.png" -colorspace Gray -threshold 95% -format '%[fx:1-mean]' info:)
  echo "PDF page $pg: $c distinct colours, ink $ink"
  [ "$c" -ge 20 ] || { echo "PDF page $pg looks blank"; exit 1; }
  awk -v i="$ink" 'BEGIN { exit !(i > 0.01) }' || { echo "PDF page $pg has no ink"; exit 1; }
done
if [ -n "${SHI_REPORT_KEEP:-}" ]; then
  mkdir -p "$SHI_REPORT_KEEP" && cp "$work"/report.html "$work"/*.png "$work"/report.pdf "$SHI_REPORT_KEEP"/
fi
echo ok
