#!/usr/bin/env bash
# Benchmark: all member state-years 1816-2024 to CSV, whole-process wall time,
# per family and with every family; peak memory of the largest run.
# Usage: bench/bench_stateyears.sh [path/to/shi]
set -euo pipefail
shi=${1:-build/shi}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() { # label, runs, args...
  local label=$1 runs=$2; shift 2
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s.%N)
    "$shi" "$@" -o "$out/s.csv"
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" -v rows="$(($(wc -l <"$out/s.csv") - 1))" \
    '{a[NR]=$1} END {printf "%-28s rows %d  median %.3f s  min %.3f s (%d runs)\n", l, rows, a[int((NR+1)/2)], a[1], NR}'
}
run "bare" 9 stateyears
run "nmc" 9 stateyears --add nmc
run "major" 9 stateyears --add major
run "gdp" 9 stateyears --add gdp
run "nuclear" 9 stateyears --add nuclear
run "democracy" 9 stateyears --add democracy
run "all" 9 stateyears --add all
/usr/bin/env time -f "peak RSS %M KB, %e s (all families)" "$shi" stateyears --add all -o "$out/s.csv"
