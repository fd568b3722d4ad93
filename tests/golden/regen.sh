#!/usr/bin/env bash
# Re-record the expected output of golden cases after an intended change of
# output. Read the resulting `git diff tests/golden` line by line before
# committing it: the golden files pin what users see.
# Usage: tests/golden/regen.sh build/shi [CASE...]
set -euo pipefail
shi=$(realpath "$1"); shift
shared=$(cd "$(dirname "$0")/../../.." && pwd)/shared/data
cd "$(dirname "$0")"
cases=("$@"); [ ${#cases[@]} -gt 0 ] || cases=(*/)
for c in "${cases[@]}"; do
  c=${c%/}
  [ -f "$c/cmd" ] || continue
  args=$(sed "s|\\\$SHARED|$shared|g" "$c/cmd")
  work=$(mktemp -d)
  cp -r "$c"/. "$work"/
  rm -f "$work"/cmd "$work"/expected.* "$work"/needs-shared
  inputs=$(cd "$work" && ls)
  eval "set -- $args"
  set +e
  (cd "$work" && "$shi" "$@" >"$OLDPWD/$c/expected.stdout" 2>"$OLDPWD/$c/expected.stderr")
  echo $? >"$c/expected.exit"
  set -e
  [ -s "$c/expected.stderr" ] || rm -f "$c/expected.stderr"
  for f in "$work"/*; do
    [ -e "$f" ] || continue
    grep -qxF "$(basename "$f")" <<<"$inputs" && continue
    cp "$f" "$c/expected.file.$(basename "$f")"
  done
  rm -rf "$work"
done
