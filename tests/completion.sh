#!/usr/bin/env bash
# The bash completion script (completions/shi.bash): commands, subcommands,
# options read from --help, formats and states. zsh's is checked for syntax
# when zsh is installed.
#   completion.sh SHI SOURCE_DIR
set -u
shi=$(realpath "$1") src=$2
fail=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ln -s "$shi" "$dir/shi"
PATH=$dir:$PATH
# shellcheck source=/dev/null
source "$src/completions/shi.bash"
complete_words() { # the completions of the command line "$@" (last word being typed)
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _shi
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}
want() { # want "EXPECTED" words...
  local expected=$1; shift
  local got
  got=$(complete_words "$@")
  [ "$got" = "$expected" ] || { echo "completing '$*': want '$expected', got '$got'"; fail=1; }
}
want "power " shi pow
want "data drivers dyads " shi d
want "--year --years " shi power --yea
want "--low " shi power transition CHN USA --lo
want "json jsonl " shi dyads --format js
want "match moran " shi coop m
want "--turns " shi coop match --tu
want "info " shi data i
case $(complete_words shi report RU) in *RUS*) ;; *) echo "no state RUS for 'shi report RU'"; fail=1 ;; esac
if command -v zsh >/dev/null; then
  zsh -n "$src/completions/_shi" || { echo "_shi: zsh syntax error"; fail=1; }
fi
[ $fail = 0 ] && echo ok
exit $fail
