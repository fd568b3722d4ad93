#!/usr/bin/env bash
# The main job on the embedded data: the study's analysis of Russia and China,
# as a terminal summary and as one HTML report.
set -euo pipefail
shi=${1:-build/shi}
out=$(dirname "$shi")/report-RUS-CHN.html
echo "\$ shi report RUS CHN"
"$shi" report RUS CHN
echo
echo "\$ shi report RUS CHN -o $out"
"$shi" report RUS CHN -o "$out"
echo "wrote $out (self-contained HTML with inline SVG charts; open it in a browser)"
