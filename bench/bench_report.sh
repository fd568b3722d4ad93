#!/usr/bin/env bash
# Benchmark: the full RUS-CHN report from a cold start (a new process each run),
# terminal summary and HTML.
# Usage: bench/bench_report.sh [path/to/shi]
set -euo pipefail
shi=${1:-build/shi}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 2 --runs 15 --style basic \
    "$shi report RUS CHN" "$shi report RUS CHN -o $out/r.html" 2>&1 | grep -E "Benchmark|Time|Range"
else
  for i in 1 2 3; do /usr/bin/env time -f "%e s" "$shi" report RUS CHN -o "$out/r.html"; done
fi
/usr/bin/env time -f "peak RSS %M KB" "$shi" report RUS CHN -o "$out/r.html"
