#!/usr/bin/env bash
# bench_coop.sh - time a round robin of 100 players (every strategy in the table
# plus parameterised variants) x 200 turns x 10 repetitions, at 1 and 2 threads.
# Prints the median and minimum of RUNS runs and checks that the standings are
# byte-identical for both thread counts.
#
# usage: bench/bench_coop.sh [path/to/shi] [RUNS]      (default build/shi, 7)
set -euo pipefail

SHI=${1:-build/shi}
RUNS=${2:-7}
[ -x "$SHI" ] || { echo "bench_coop: '$SHI' is not an executable" >&2; exit 2; }

# 100 players: the table (38 strategies) + 62 variants.
nbase=$("$SHI" coop strategies --format csv | tail -n +2 | wc -l)
list="all"
need=$((100 - nbase))
i=1
while [ "$need" -gt 0 ]; do
    p=$(awk -v i="$i" 'BEGIN { printf "%.3f", i * 0.045 }')
    for s in "Random($p)" "Generous TFT($p)" "Forgiver($p)"; do
        if [ "$need" -gt 0 ]; then
            list="$list,$s"
            need=$((need - 1))
        fi
    done
    i=$((i + 1))
done
args=(coop tournament --strategies "$list" --turns 200 --repetitions 10 --seed 1 --format csv)
nplayers=$(("$("$SHI" "${args[@]}" --threads 1 | wc -l)" - 1))

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
echo "coop round robin: $nplayers players x 200 turns x 10 repetitions" \
     "($((nplayers * (nplayers - 1) / 2 * 10)) matches), $RUNS runs each"
for th in 1 2; do
    : > "$tmp/times$th"
    for _ in $(seq "$RUNS"); do
        t0=$(now)
        "$SHI" "${args[@]}" --threads "$th" > "$tmp/out$th.csv"
        t1=$(now)
        awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' >> "$tmp/times$th"
    done
    sort -g "$tmp/times$th" | awk -v th="$th" '{ v[NR] = $1 }
        END { printf "threads %d: median %.3f s, min %.3f s\n", th, v[int((NR + 1) / 2)], v[1] }'
done
if cmp -s "$tmp/out1.csv" "$tmp/out2.csv"; then
    echo "standings identical for 1 and 2 threads"
else
    echo "bench_coop: standings differ between 1 and 2 threads" >&2
    exit 1
fi
