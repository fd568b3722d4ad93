#!/usr/bin/env bash
# Terminal output fits $COLUMNS (issue 13): under script(1), so standard
# output is a terminal, with COLUMNS=80 (and 60), no line of these commands is
# wider (in characters); tables are fitted, prose is wrapped. Piped output is
# never touched (the golden cases pin it).
#   terminal_width.sh SHI
set -u
shi=$(realpath "$1")
command -v script >/dev/null || { echo "skipped: no script(1)"; exit 77; }
command -v python3 >/dev/null || { echo "skipped: no python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for cols in 80 60; do
  while IFS= read -r args; do
    COLUMNS=$cols script -qc "$shi $args 2>/dev/null" /dev/null >"$tmp/out" </dev/null
    widest=$(python3 - "$tmp/out" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8", errors="replace").read()
t = re.sub(r"\x1b\[K", "", t)
print(max((len(l) for l in re.split(r"[\r\n]", t)), default=0))
PY
)
    if [ "$widest" -gt "$cols" ]; then
      echo "COLUMNS=$cols shi $args: a line of $widest characters"; fail=1
    fi
  done <<'EOF_CMDS'
threat RUS CHN --years 2020-2022
states
coop strategies
data info
report RUS CHN
power --years 2020-2022
power --states CHN,RUS,USA --year 2022
align RUS CHN --summary
drivers RUS CHN --placebos 5 --perm 99 --boot 200 --no-panel
dyads --years 2000 --states CHN,RUS --both --add all -q
EOF_CMDS
done
[ $fail = 0 ] && echo ok
exit $fail
