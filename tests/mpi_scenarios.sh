#!/usr/bin/env bash
# mpirun -np 2 shi scenarios gives byte for byte what one process gives with
# the same seed (issue 16): the ensemble (a table, -o FILE and the two SVG
# charts) and the rolling back-test. Skipped (77) without mpirun, or when shi
# was built without MPI (it then refuses to run under mpirun).
#   mpi_scenarios.sh SHI
set -u
shi=$(realpath "$1")
command -v mpirun >/dev/null || { echo "skipped: no mpirun"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
mpi=(mpirun -np 2 --oversubscribe)
[ "$(id -u)" = 0 ] && mpi+=(--allow-run-as-root)
fail=0
pair=(scenarios RUS CHN --from 2011 --horizon 11 --paths 3001 --draws 7 --seed 5)
"$shi" "${pair[@]}" --format csv -o one.csv --svg one_fan.svg --svg-probs one_p.svg --svg-stack one_s.svg || fail=1
"${mpi[@]}" "$shi" "${pair[@]}" --format csv -o two.csv --svg two_fan.svg --svg-probs two_p.svg --svg-stack two_s.svg \
  2>"$tmp/err"
rc=$?
if [ $rc -ne 0 ] && grep -q "built without MPI" "$tmp/err"; then
  echo "skipped: shi was built without MPI"; exit 77
fi
[ $rc -eq 0 ] || { cat "$tmp/err"; fail=1; }
for f in .csv _fan.svg _p.svg _s.svg; do
  cmp "one$f" "two$f" || { echo "differs: one$f two$f"; fail=1; }
done
# the output is written once, by rank 0, even to standard output
"$shi" "${pair[@]}" >one.txt || fail=1
"${mpi[@]}" "$shi" "${pair[@]}" >two.txt || fail=1
cmp one.txt two.txt || { echo "differs: the table on standard output"; fail=1; }
# one rank under mpirun: its standard output is Open MPI's pseudo-terminal,
# and the table must still be that of a plain run, not fitted to its width
mpi1=(mpirun -np 1 --oversubscribe)
[ "$(id -u)" = 0 ] && mpi1+=(--allow-run-as-root)
"${mpi1[@]}" "$shi" "${pair[@]}" >np1.txt || fail=1
cmp one.txt np1.txt || { echo "differs: the table of one rank under mpirun"; fail=1; }
bt=(scenarios --backtest --paths 40 --seed 3 --format csv)
"$shi" "${bt[@]}" >bt1.csv || fail=1
"${mpi[@]}" "$shi" "${bt[@]}" >bt2.csv || fail=1
cmp bt1.csv bt2.csv || { echo "differs: the back-test"; fail=1; }
[ -s bt1.csv ] && [ -s one.csv ] || { echo "empty output"; fail=1; }
exit $fail
