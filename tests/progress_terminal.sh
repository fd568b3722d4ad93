#!/usr/bin/env bash
# Progress of `shi dyads` on a terminal (issue 13): the progress line is
# cleared before the table is written to the same terminal, the percentage
# never goes back, and a last line says what file was written; nothing of it when
# standard error is not a terminal. Runs shi under script(1) for a terminal.
#   progress_terminal.sh SHI
set -u
shi=$1
command -v script >/dev/null || { echo "skipped: no script(1)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
script -qc "$shi dyads --years 2000 --states CHN,RUS --both --add cinc,threat --threads 2" /dev/null \
  >"$tmp/tty.out" </dev/null
# The header of the table comes right after an erase-line sequence.
if ! grep -q $'\033\\[Kyear  ccode1' "$tmp/tty.out"; then
  echo "the table is glued to the progress line:"; cat -v "$tmp/tty.out"; fail=1
fi
# The table itself says what was written to the terminal; "wrote" is for files.
grep -q 'wrote ' "$tmp/tty.out" && { echo "a 'wrote' line for standard output"; fail=1; }
script -qc "$shi dyads --years 1990-2000 --add cinc,sim --threads 2 -o $tmp/d.csv" /dev/null \
  >"$tmp/file.out" </dev/null
pcts=$(tr '\r' '\n' <"$tmp/file.out" | sed -n 's/.*\] *\([0-9]*\)%$/\1/p')
prev=0
for p in $pcts; do
  [ "$p" -ge "$prev" ] || { echo "progress went back: $prev% then $p%"; fail=1; }
  prev=$p
done
grep -q "wrote [0-9]* rows to $tmp/d.csv in " "$tmp/file.out" || { echo "no 'wrote' line for the file"; fail=1; }
# Not a terminal: quiet.
"$shi" dyads --years 2000 --states CHN,RUS --both -o "$tmp/e.csv" 2>"$tmp/err" >/dev/null
[ -s "$tmp/err" ] && { echo "messages without a terminal:"; cat "$tmp/err"; fail=1; }
[ $fail = 0 ] && echo ok
exit $fail
