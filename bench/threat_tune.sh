#!/usr/bin/env bash
# The grid that chose the default threat model (docs/threat.md), on the
# TRAINING period only: perceiver-years <= 1975, outcomes <= 1980. For each
# model it prints the composite's training AUC, top-1 and top-5 for MID onset,
# then for UCDP conflict; the default is the model with the highest mean of
# the two AUCs. The test columns (1981-) are never looked at here.
# Usage: bench/threat_tune.sh [build/bench/bench_threat_validate]
set -euo pipefail
bench=$(realpath "${1:-build/bench/bench_threat_validate}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
for cap in "0.1 0.6 0.3" "0 0.7 0.3" "0.1 0.8 0.1" "0.2 0.5 0.3"; do
  set -- $cap; S=$1; P=$2; O=$3
  for wi in 0.1 0.25 0.5; do
    for h0 in 0.05 0.2; do
      cat > m.yaml <<EOT
weights: {strength: $S, proximity: $P, offensive: $O, intentions: $wi}
intentions: {baseline: $h0, weights: {un: 0, disputes: 0.4, conflict: 0.4, alliances: 0.1, events: 0.1}}
EOT
      r=$("$bench" m.yaml 1 | awk '/ train /{p=1} / test /{p=0} p && /^composite/{printf "%s %s %s  ", $2,$3,$4}')
      echo "S=$S P=$P O=$O I=$wi h0=$h0 : $r"
    done
  done
done
