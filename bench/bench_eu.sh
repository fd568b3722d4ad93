#!/usr/bin/env bash
# Benchmark (issue 21): War Trap E(U) and War and Reason equilibria for every
# directed dyad-year 1816-2016 on 2 threads (targets: E(U) under 10 s, W&R
# under 20 s), written as CSV to /dev/null. The directed dyad-years alone,
# without variables, are timed too: the difference is the computation.
# Each command runs `runs` times (default 3); wall and user seconds of each.
# Usage: bench/bench_eu.sh [path/to/shi] [runs]
set -euo pipefail
shi=${1:-build/shi}
runs=${2:-3}
t() {
  local what=$1; shift
  for _ in $(seq "$runs"); do
    /usr/bin/env time -f "$what: wall %e s, user %U s, peak %M KB" "$@" >/dev/null
  done
}
t "directed dyad-years only" "$shi" dyads --directed --threads 2 --format csv -q
t "shi eu (E(U), both directions, parts)" "$shi" eu --threads 2 --format csv
t "shi eu --wr (E(U) and W&R)" "$shi" eu --wr --threads 2 --format csv
# Risk attitudes, steepest ascent, one early and one late year (the full
# 1816-2016 run is far too slow to time here: see bench/README.md).
t "shi risk --years 1900" "$shi" risk --years 1900 --threads 2 --format csv
t "shi risk --years 2000" "$shi" risk --years 2000 --threads 2 --format csv
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
