#!/usr/bin/env bash
# Bennett & Stam (2000) on shi's data: the tables of docs/eu.md ("Replication
# of Bennett & Stam"). Usage: bench/eu_replicate.sh build/shi SHARED_DATA OUTDIR
# Writes OUTDIR/cow_alliances.csv (COW Formal Alliances v4.1 as shi's
# --alliances levels; not shipped: the maintainer asked packages not to
# redistribute the data) and the four runs: ATOP and COW, risk-neutral and
# with risk attitudes (steepest ascent; the risk runs are the slow ones).
set -euo pipefail
shi=$(realpath "$1"); data=$(realpath "$2"); out=$3
mkdir -p "$out"
# alliance_v4.1_by_directed.csv: one row per directed dyad and alliance, with
# start and end years (empty end: in force to 2012). shi's levels: 3 defence,
# 2 neutrality or non-aggression, 1 entente, 0 none (EUGene's codes 1-4 in
# reverse); a pair in several alliances in a year keeps the strongest.
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  {
    # state names are quoted and contain no commas in this file
    lev = 0
    if ($c["entente"] == 1) lev = 1
    if ($c["neutrality"] == 1 || $c["nonaggression"] == 1) lev = 2
    if ($c["defense"] == 1) lev = 3
    y1 = $c["dyad_end_year"] == "" ? 2012 : $c["dyad_end_year"]
    for (y = $c["dyad_st_year"]; y <= y1; y++) {
      k = $c["ccode1"] "," $c["ccode2"] "," y
      if (lev > 0 && lev > best[k] + 0) best[k] = lev
    }
  }
  END { print "ccode1,ccode2,year,level"; for (k in best) if (best[k] > 0) print k "," best[k] }' \
  "$data/cow_formal_alliances_v4.1/alliance_v4.1_by_directed.csv" |
  { read -r h; echo "$h"; sort -t, -k3,3n -k1,1n -k2,2n; } >"$out/cow_alliances.csv"
run() { # name, options...
  local name=$1; shift
  "$shi" --data "$data" eu --replicate --years 1816-1984 "$@" --format csv -o "$out/$name.csv"
}
run atop_neutral
run cow_neutral --alliances "$out/cow_alliances.csv"
run cow_risk --alliances "$out/cow_alliances.csv" --risk
run atop_risk --risk
