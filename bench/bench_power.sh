#!/usr/bin/env bash
# Benchmark: load NMC v7 and compute every yearly power measure, 1816-2022.
# Usage: bench/bench_power.sh [path/to/shi]   (bench_power is built beside it)
set -euo pipefail
shi=${1:-build/shi}
bin=$(dirname "$shi")/bench/bench_power
shared=$(cd "$(dirname "$0")/../.." && pwd)/shared/data
echo "== bench_power: official CSV files from $shared"
if [ -d "$shared" ]; then "$bin" "$shared" 15; else echo "(absent: skipped)"; fi
echo "== bench_power: embedded data"
"$bin" "" 15
if command -v hyperfine >/dev/null; then
  echo "== whole command: shi power --years 1816-2022 --majors (embedded data)"
  hyperfine -N --warmup 3 --runs 20 --style basic "$shi power --years 1816-2022 --majors" 2>&1 | grep -E "Time|Range"
  for m in gdp beckley; do
    echo "== whole command: shi power --measure $m --years 1816-2022 --majors (embedded data)"
    hyperfine -N --warmup 3 --runs 20 --style basic \
      "$shi power --measure $m --years 1816-2022 --majors" 2>&1 | grep -E "Time|Range"
  done
  if [ -d "$shared" ]; then
    echo "== whole command: shi --data $shared power --measure gdp --years 1816-2022 --majors"
    hyperfine -N --warmup 2 --runs 10 --style basic \
      "$shi --data $shared power --measure gdp --years 1816-2022 --majors" 2>&1 | grep -E "Time|Range"
  fi
fi
echo "== peak memory of the whole command (KB)"
/usr/bin/env time -f "%M" "$shi" power --years 1816-2022 --majors 2>&1 >/dev/null | tail -1 || true
echo "== peak memory of shi power --measure gdp (KB)"
/usr/bin/env time -f "%M" "$shi" power --measure gdp --years 1816-2022 --majors 2>&1 >/dev/null | tail -1 || true
