#!/usr/bin/env bash
# Benchmark: `shi scenarios` (issue 16). Targets: 10^6 paths x 20 years for
# one pair under 10 s on 2 cores; memory independent of the number of paths
# (streamed counts, never stored paths); time linear in paths; the rolling
# back-test under 60 s on 2 cores.
# Usage: bench/bench_scenarios.sh [path/to/shi] [threads]
set -euo pipefail
shi=${1:-build/shi}
threads=${2:-2}
t() { /usr/bin/env time -f "%e s wall, %U s user, %M KB peak" "$@" >/dev/null; }
for n in 1000 100000 1000000; do
  echo "== scenarios RUS CHN --paths $n --horizon 20 --threads $threads"
  t "$shi" scenarios RUS CHN --paths "$n" --horizon 20 --threads "$threads"
done
echo "== scenarios RUS CHN --paths 1000000 --threads 1"
t "$shi" scenarios RUS CHN --paths 1000000 --horizon 20 --threads 1
echo "== scenarios --backtest --threads $threads"
t "$shi" scenarios --backtest --threads "$threads"
echo "== load average"
uptime
