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
# Open MPI (when shi was built with it): 1 and 2 ranks of 1 thread each.
if command -v mpirun >/dev/null; then
  mpi=(mpirun --oversubscribe)
  [ "$(id -u)" = 0 ] && mpi+=(--allow-run-as-root)
  for np in 1 2; do
    echo "== mpirun -np $np scenarios RUS CHN --paths 1000000 --threads 1"
    t "${mpi[@]}" -np "$np" "$shi" scenarios RUS CHN --paths 1000000 --horizon 20 --threads 1
    echo "== mpirun -np $np scenarios --backtest --threads 1"
    t "${mpi[@]}" -np "$np" "$shi" scenarios --backtest --threads 1
  done
fi
echo "== load average"
uptime
