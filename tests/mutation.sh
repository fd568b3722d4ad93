#!/usr/bin/env bash
# Mutation suite (issue 20): for official files shi reads, each class of
# damage either stops shi with exit 1 and a message naming file:line:col
# (or file:line for a file-level problem), or, where the damage is harmless,
# gives output byte-identical to the undamaged file's.
#
#   tests/mutation.sh SHI SHARED_DATA
#
# Files (small samples of the real ones, so the suite takes seconds):
#   NMC-70-abridged.csv  the rows of 1816-1817 (complete years: NMC's cinc agrees)
#   states2016.csv       the COW membership list (whole)
#   majors2024.csv       the COW major powers (whole)
#   alliances.csv        a user --alliances file (the golden case's)
# Classes: truncated (inside the last record), NUL byte, non-numeric, huge,
# negative, duplicate key, reversed years (spells), missing column, extra
# column (harmless), CRLF (harmless), BOM (harmless), Latin-1 byte, empty.
# Exit 77 (skipped) without SHARED_DATA.
set -u
shi=$1 shared=${2:-}
if [ ! -d "$shared" ]; then
  echo "skipped: $shared is absent"; exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0 n=0

# run NAME FILE -- command words ($F is the mutated file's path, $D its dir)
run() {
  local dir=$1; shift
  (cd "$dir" && "$shi" "$@" >"$work/out" 2>"$work/err"); echo $?
}

# case KIND FILE_NAME CLASS EXPECT CMD...; EXPECT: error | same
check() {
  local name=$1 class=$2 expect=$3; shift 3
  n=$((n + 1))
  local code; code=$(run "$work/m" "$@")
  if [ "$expect" = same ]; then
    if [ "$code" != 0 ] || ! cmp -s "$work/out" "$work/base.out"; then
      echo "FAIL $name/$class: want the unmutated output, got exit $code: $(head -c 300 "$work/err")"
      fail=1
    fi
  elif [ "$code" != 1 ] || ! grep -Eq "^shi: (\\./)?$name:[0-9]+(:[0-9]+)?: " "$work/err"; then
    echo "FAIL $name/$class: want exit 1 naming $name:line:col, got exit $code: $(head -c 300 "$work/err")"
    fail=1
  fi
}

# mutate NAME CLASS EXPECT SCRIPT CMD...: apply the Python SCRIPT (reads the
# sample as bytes `b`, sets `b`) to the sample, then check.
mutate() {
  local name=$1 class=$2 expect=$3 script=$4; shift 4
  rm -rf "$work/m"; mkdir -p "$work/m"
  python3 -c "
import sys
b = open(sys.argv[1], 'rb').read()
L = b.split(b'\n')
$script
open(sys.argv[2], 'wb').write(b)" "$work/sample/$name" "$work/m/$name" || { echo "mutation $class failed"; exit 1; }
  check "$name" "$class" "$expect" "$@"
}

# suite NAME CMD...: the base run and every class, for one sample.
suite() {
  local name=$1 field=$2 keyline=$3; shift 3
  rm -rf "$work/m"; mkdir -p "$work/m"; cp "$work/sample/$name" "$work/m/"
  if [ "$(run "$work/m" "$@")" != 0 ]; then
    echo "FAIL $name: the unmutated sample does not run: $(head -c 300 "$work/err")"; fail=1; return
  fi
  cp "$work/out" "$work/base.out"
  # Field $field of line 3 (0-based field index) is a number the importer checks.
  local f="c = L[2].split(b','); "
  mutate "$name" truncated error "L[-2] = L[-2][:L[-2].index(b',') + 1]; b = b'\n'.join(L[:-1])" "$@"
  mutate "$name" nul error "L[2] = L[2][:3] + b'\\0' + L[2][3:]; b = b'\n'.join(L)" "$@"
  mutate "$name" non-numeric error "${f}c[$field] = b'x1'; L[2] = b','.join(c); b = b'\n'.join(L)" "$@"
  mutate "$name" huge error "${f}c[$field] = b'1e300'; L[2] = b','.join(c); b = b'\n'.join(L)" "$@"
  mutate "$name" negative error "${f}c[$field] = b'-5'; L[2] = b','.join(c); b = b'\n'.join(L)" "$@"
  mutate "$name" duplicate-key error "L.insert($keyline + 1, L[$keyline]); b = b'\n'.join(L)" "$@"
  mutate "$name" missing-column error "\
h = L[0].split(b','); k = h.index(h[$field])
L = [b','.join(x for i, x in enumerate(l.split(b',')) if i != k) if l else l for l in L]
b = b'\n'.join(L)" "$@"
  mutate "$name" extra-column same "L = [l + (b',extra' if i == 0 else b',1') if l else l for i, l in enumerate(L)]; b = b'\n'.join(L)" "$@"
  mutate "$name" crlf same "b = b.replace(b'\n', b'\r\n')" "$@"
  mutate "$name" bom same "b = b'\xef\xbb\xbf' + b" "$@"
  mutate "$name" latin1 error "L[2] = L[2][:2] + b'\xe9' + L[2][2:]; b = b'\n'.join(L)" "$@"
  mutate "$name" empty error "b = b''" "$@"
}

mkdir -p "$work/sample"
S=$shared
awk -F, 'NR == 1 || $3 == 1816 || $3 == 1817' "$S/cow_nmc_v7.0/NMC-70-abridged.csv" >"$work/sample/NMC-70-abridged.csv"
cp "$S/cow_state_system_v2016/states2016.csv" "$work/sample/"
cp "$S/cow_state_system_v2024/majors2024.csv" "$work/sample/"
here=$(cd "$(dirname "$0")" && pwd)
cp "$here/golden/dyads_user_alliances/my_alliances.csv" "$work/sample/alliances.csv"
# The samples with LF line ends (some official files have CRLF: a class of its own).
sed -i 's/\r$//' "$work/sample"/*

# NMC: field 3 is milex; line 3 is a state-year (the duplicate: the same row twice).
suite NMC-70-abridged.csv 3 2 --data . power --year 1816
suite states2016.csv 3 2 --data . states --year 1900
suite majors2024.csv 2 2 --data . power --year 1900
suite alliances.csv 3 2 dyads --years 2000 --states CHN,RUS,USA --both --add alliance \
  --alliances alliances.csv --format csv
# Reversed years in the spell files: the end year before the start year.
for name in states2016.csv majors2024.csv; do
  rm -rf "$work/m"; mkdir -p "$work/m"; cp "$work/sample/$name" "$work/m/"
  run "$work/m" --data . power --year 1900 >/dev/null
  cp "$work/out" "$work/base.out"
  mutate "$name" reversed-years error "\
h = L[0].split(b','); c = L[2].split(b',')
c[h.index(b'endyear')], c[h.index(b'styear')] = c[h.index(b'styear')], c[h.index(b'endyear')]
L[2] = b','.join(c); b = b'\n'.join(L)" --data . power --year 1900
done
echo "mutation suite: $n mutations, $([ $fail = 0 ] && echo 'all as expected' || echo 'some FAILED')"
exit $fail
