#!/usr/bin/env bash
# Benchmark: directed dyad-years 1816-2016 to CSV, whole-process wall time,
# with growing sets of variables; peak memory of the largest run.
# Usage: bench/bench_dyads.sh [path/to/shi]
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
    "$shi" "$@" -q -o "$out/d.csv"
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" -v rows="$(($(wc -l <"$out/d.csv") - 1))" \
    '{a[NR]=$1} END {printf "%-44s rows %d  median %.3f s  min %.3f s (%d runs)\n", l, rows, a[int((NR+1)/2)], a[1], NR}'
}
run "bare" 7 dyads --directed
run "cinc,major,contiguity,distance,alliance" 5 dyads --directed --add cinc,major,contiguity,distance,alliance
run "threat (4 components and total)" 3 dyads --directed --add threat
run "all (with sim, ideal and threat)" 3 dyads --directed --add all
run "all, --threads 1" 3 dyads --directed --add all --threads 1
psci=cinc,major,contiguity,distance,alliance,nmc,mids,peaceyears,ucdp,trade
run "peace science ($psci)" 3 dyads --directed --add "$psci"
/usr/bin/env time -f "peak RSS %M KB, %e s, user %U s, sys %S s (peace science)" "$shi" dyads --directed --add "$psci" -q -o "$out/d.csv"
/usr/bin/env time -f "peak RSS %M KB, %e s (all families)" "$shi" dyads --directed --add all -q -o "$out/d.csv"
"$shi" dyads --directed --add all --threads 1 -q -o "$out/t1.csv"
"$shi" dyads --directed --add all --threads 2 -q -o "$out/t2.csv"
cmp "$out/t1.csv" "$out/t2.csv" && echo "threads 1 and 2: identical output"
