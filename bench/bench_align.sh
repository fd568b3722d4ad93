#!/usr/bin/env bash
# Benchmark: `shi align` for one pair and 30 years (issue 22: target under
# 100 ms), split into what the data view costs to open (`shi states`, which
# loads only the capabilities, and `shi dyads ... --add vetoes`, which opens
# the relations too) and the scorecard itself.
# Usage: bench/bench_align.sh [path/to/shi]
set -euo pipefail
shi=${1:-build/shi}
if ! command -v hyperfine >/dev/null; then
  echo "hyperfine not found: skipped"
  exit 0
fi
for cmd in "$shi align RUS CHN --years 1993-2022" \
           "$shi align RUS CHN --years 1993-2022 --summary" \
           "$shi dyads --years 2022 --states RUS,CHN --both --add vetoes -q" \
           "$shi states RUS"; do
  echo "== $cmd"
  hyperfine -N --warmup 3 --runs 20 --style basic "$cmd" 2>&1 | grep -E "Time|Range"
done
echo "== peak memory of shi align RUS CHN --years 1993-2022 (KB)"
/usr/bin/env time -f "%M" "$shi" align RUS CHN --years 1993-2022 2>&1 >/dev/null | tail -1 || true
