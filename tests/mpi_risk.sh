#!/usr/bin/env bash
# mpirun -np 2 (and 3) shi risk gives byte for byte what one process gives:
# rows are split over the ranks and added back (issue 21), for steepest
# ascent and the seeded GA, and an error is the same. Skipped (77) without
# mpirun, without the shared data, or when shi was built without MPI.
#   mpi_risk.sh SHI SHARED_DATA_DIR
set -u
shi=$(realpath "$1")
[ -d "$2" ] || { echo "skipped: no shared data"; exit 77; }
command -v mpirun >/dev/null || { echo "skipped: no mpirun"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
mpi=(mpirun --oversubscribe)
[ "$(id -u)" = 0 ] && mpi+=(--allow-run-as-root)
fail=0
for m in steepest ga; do
  run=(risk --years 1816-1818 --states UKG,FRN,RUS,USA --method "$m" --seed 3 --threads 1 --format csv)
  "$shi" "${run[@]}" >one.csv || fail=1
  for np in 2 3; do
    "${mpi[@]}" -np $np "$shi" "${run[@]}" >n$np.csv 2>"$tmp/err"
    rc=$?
    if [ $rc -ne 0 ] && grep -q "built without MPI" "$tmp/err"; then
      echo "skipped: shi was built without MPI"; exit 77
    fi
    [ $rc -eq 0 ] || { cat "$tmp/err"; fail=1; }
    cmp one.csv n$np.csv || { echo "differs: $m on $np processes"; fail=1; }
  done
done
[ "$(wc -l <one.csv)" -gt 20 ] || { echo "too few rows"; fail=1; }
# the same error (the first failing row) and exit code on 2 processes
bad=(risk --years 1816 --states UKG --method exhaustive)
"$shi" "${bad[@]}" 2>e1; r1=$?
"${mpi[@]}" -np 2 "$shi" "${bad[@]}" 2>e2; r2=$?
[ $r1 = 2 ] && [ $r2 = 2 ] || { echo "exit codes $r1 $r2, want 2"; fail=1; }
grep "^shi:" e2 | sort -u | cmp - e1 || { echo "the error differs"; cat e1 e2; fail=1; }
exit $fail
