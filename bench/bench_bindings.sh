#!/usr/bin/env bash
# Benchmark (issue 19): the peacesciencer-style panel from R and from Python,
#   shi_dyads(1816:2016, directed = TRUE,
#             add = c("cinc", "contiguity", "distance", "alliance", "major"))
# (1,912,290 rows, 17 columns), in a fresh session (the data loaded by the call)
# and again in the same session (data cached), median and minimum of RUNS
# processes; beside it the command writing the same panel as CSV. Target: under
# 3 s from R. Needs R (r-base-dev) and/or Debian's python3 with numpy/pandas.
# Usage: bench/bench_bindings.sh [path/to/shi] [RUNS]   (libshi.so beside it)
set -euo pipefail
shi=${1:-build/shi}
runs=${2:-5}
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$(dirname "$shi")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/shi-bench-bind.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
add=cinc,contiguity,distance,alliance,major

stats() { # seconds, one a line -> "median min"
  sort -g | awk '{v[NR]=$1} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2;
    printf "median %.3f s, min %.3f s (%d runs)\n", m, v[1], NR}'
}

echo "== shi dyads --directed --add $add -o FILE.csv (whole command, wall)"
for _ in $(seq "$runs"); do
  s=$(date +%s.%N)
  "$shi" dyads --directed --add "$add" -q -o "$tmp/d.csv"
  e=$(date +%s.%N)
  echo "$e - $s" | bc
done | stats

if command -v Rscript >/dev/null; then
  mkdir -p "$tmp/rlib"
  cp -r "$src/bindings/r" "$tmp/rpkg"
  SHI_CPPFLAGS="-I$src/include" SHI_LIBS="-L$build -lshi -Wl,-rpath,$build" \
    R CMD INSTALL --no-docs --no-html -l "$tmp/rlib" "$tmp/rpkg" >/dev/null 2>&1
  cat >"$tmp/bench.R" <<'R'
library(shi)
t1 <- system.time(d <- shi_dyads(1816:2016, directed = TRUE,
  add = c("cinc", "contiguity", "distance", "alliance", "major")))[["elapsed"]]
t2 <- system.time(d <- shi_dyads(1816:2016, directed = TRUE,
  add = c("cinc", "contiguity", "distance", "alliance", "major")))[["elapsed"]]
stopifnot(nrow(d) == 1912290L)
cat(t1, t2, "\n")
R
  for _ in $(seq "$runs"); do R_LIBS=$tmp/rlib Rscript "$tmp/bench.R"; done >"$tmp/r.txt"
  echo "== R shi_dyads(...), first call (loads the data)"
  awk '{print $1}' "$tmp/r.txt" | stats
  echo "== R shi_dyads(...), second call in the same session"
  awk '{print $2}' "$tmp/r.txt" | stats
  echo "== R: peak RSS of the process (KB)"
  R_LIBS=$tmp/rlib /usr/bin/env time -f "%M" Rscript "$tmp/bench.R" 2>&1 >/dev/null | tail -1 || true
else
  echo "== R: not installed (skipped)"
fi

py=/usr/bin/python3
if "$py" -c 'import numpy, pandas' 2>/dev/null; then
  cat >"$tmp/bench.py" <<'PY'
import time
import shi
add = ["cinc", "contiguity", "distance", "alliance", "major"]
t = time.perf_counter(); d = shi.dyads(range(1816, 2017), directed=True, add=add)
t1 = time.perf_counter() - t
t = time.perf_counter(); d = shi.dyads(range(1816, 2017), directed=True, add=add)
t2 = time.perf_counter() - t
assert len(d) == 1912290
print(t1, t2)
PY
  for _ in $(seq "$runs"); do
    SHI_LIBRARY=$build/libshi.so PYTHONPATH=$src/bindings/python "$py" "$tmp/bench.py"
  done >"$tmp/py.txt"
  echo "== Python shi.dyads(...) -> pandas, first call (loads the data)"
  awk '{print $1}' "$tmp/py.txt" | stats
  echo "== Python shi.dyads(...) -> pandas, second call in the same session"
  awk '{print $2}' "$tmp/py.txt" | stats
else
  echo "== Python: no numpy/pandas in $py (skipped)"
fi
