#!/usr/bin/env bash
# Benchmark: the two large dyad-year frames of issues 11 and 14 written as
# CSV, at 1 and 2 threads (formatting of the rows is parallel since the
# block writer): wall, user and system time of the whole process, then a byte
# comparison of the output at 1 and 2 threads. On a shared machine compare
# the user + system (CPU) times; the wall times are upper bounds.
# Usage: bench/bench_fmt.sh [path/to/shi] [runs]
set -euo pipefail
shi=${1:-build/shi}
runs=${2:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
psci=cinc,major,contiguity,distance,alliance,mids,peaceyears,democracy,trade,nmc
run() { # label, threads, args...
  local label=$1 th=$2; shift 2
  for _ in $(seq "$runs"); do
    /usr/bin/env time -f "$label, --threads $th: %e s real, %U s user, %S s sys, %M KB" \
      "$shi" "$@" --threads "$th" -q -o "$out/t$th.csv"
  done
}
for th in 1 2; do
  run "issue 11: dyads --directed --add threat" "$th" dyads --directed --add threat
done
cmp "$out/t1.csv" "$out/t2.csv" && echo "threat: threads 1 and 2 identical"
for th in 1 2; do
  run "issue 14: dyads --directed --add $psci" "$th" dyads --directed --add "$psci"
done
cmp "$out/t1.csv" "$out/t2.csv" && echo "peace science: threads 1 and 2 identical"
