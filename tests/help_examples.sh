#!/usr/bin/env bash
# Every --help (issue 13): exit 0, ends with an "examples:" section whose
# lines are shi command lines, and its usage line names every option that
# its options list shows.
#   help_examples.sh SHI
set -u
shi=$1
fail=0
check() {
  local out
  out=$("$shi" "$@" --help 2>&1) || { echo "'shi $* --help' failed"; fail=1; return; }
  # The last section is the examples, each line "  shi ...".
  local tail_section
  tail_section=$(printf '%s\n' "$out" | sed -n '/^examples:$/,$p')
  if [ -z "$tail_section" ] || printf '%s\n' "$tail_section" | sed 1d | grep -qv '^  shi '; then
    echo "'shi $* --help' does not end with examples:"; printf '%s\n' "$out" | tail -5; fail=1
  fi
  # Every listed option is in the usage lines.
  local usage opts o
  usage=$(printf '%s\n' "$out" | sed -n '/^usage:/,/^$/p')
  opts=$(printf '%s\n' "$out" | sed -n '/^options:$/,/^$/p' | grep -o -- '--[a-z][a-z-]*' | sort -u)
  for o in $opts; do
    [ "$o" = --output ] && printf '%s\n' "$usage" | grep -q -- '-o FILE' && continue
    printf '%s\n' "$usage" | grep -q -- "$o\\b" || { echo "'shi $* --help': usage lacks $o"; fail=1; }
  done
}
check
for c in states power "power transition" dyads eu risk threat align drivers scenarios report coop data "data info" \
         "data build" "coop strategies" "coop match" "coop tournament" "coop moran" \
         "coop replicator" "coop sweep" "coop threshold" "coop validate"; do
  # shellcheck disable=SC2086
  check $c
done
"$shi" coop RUS CHN --help >/dev/null 2>&1 || true
[ $fail = 0 ] && echo ok
exit $fail
