#!/usr/bin/env bash
# Run one golden / bad-input case of the shi command.
#
#   run_case.sh SHI CASE_DIR SHARED_DATA
#
# CASE_DIR holds:
#   cmd              the arguments after 'shi', one line (shell words; $SHARED
#                    stands for the shared data directory)
#   expected.stdout  (optional) exact standard output
#   expected.stderr  (optional) exact standard error
#   expected.exit    (optional, default 0) exit code
#   expected.file.NAME  (optional) exact content of file NAME the command writes
#   needs-shared     (optional) skip (77) when the shared data directory is absent
#                    (a cmd that names $SHARED skips then too)
#   any other files  inputs; the command runs in a scratch copy of CASE_DIR
# After a failing command (non-zero exit) no file may have appeared in the
# scratch directory: a failed command leaves no output behind, not even a
# temporary file.
set -u
shi=$1 case=$2 shared=${3:-}
if { [ -f "$case/needs-shared" ] || grep -qF '$SHARED' "$case/cmd"; } && [ ! -d "$shared" ]; then
  echo "skipped: $shared is absent"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$case"/. "$work"/
rm -f "$work"/cmd "$work"/expected.* "$work"/needs-shared
before=$(cd "$work" && find . -type f | sort)
args=$(sed "s|\\\$SHARED|$shared|g" "$case/cmd")
eval "set -- $args"
(cd "$work" && "$shi" "$@" >"$work/../$(basename "$work").out" 2>"$work/../$(basename "$work").err")
code=$?
out="$work/../$(basename "$work").out" err="$work/../$(basename "$work").err"
fail=0
want_exit=0
[ -f "$case/expected.exit" ] && want_exit=$(cat "$case/expected.exit")
if [ "$code" != "$want_exit" ]; then
  echo "exit code: want $want_exit, got $code"; fail=1
fi
if [ -f "$case/expected.stdout" ] && ! diff -u "$case/expected.stdout" "$out"; then
  echo "stdout differs"; fail=1
fi
if [ -f "$case/expected.stderr" ] && ! diff -u "$case/expected.stderr" "$err"; then
  echo "stderr differs"; fail=1
fi
for want in "$case"/expected.file.*; do
  [ -e "$want" ] || continue
  name=${want##*/expected.file.}
  if ! diff -u "$want" "$work/$name"; then
    echo "output file '$name' differs"; fail=1
  fi
done
if [ "$code" != 0 ]; then
  after=$(cd "$work" && find . -type f | sort)
  if [ "$before" != "$after" ]; then
    echo "a failed command left files behind:"; diff <(echo "$before") <(echo "$after"); fail=1
  fi
fi
rm -f "$out" "$err"
[ $fail = 0 ] && echo "ok" 
exit $fail
