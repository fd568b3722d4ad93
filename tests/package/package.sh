#!/usr/bin/env bash
# libshi as a package (issue 19): install the build into a temporary prefix,
# then build examples/pair_summary.c there as an outside program would, through
# pkg-config (shared, and static with --static) and through find_package(shi)
# (shi::shi and shi::shi_static), and run each: it must print what the
# installed `shi report RUS CHN --years 2012-2022` prints (a short span, so
# the five runs take seconds).
# Usage: package.sh BUILD_DIR SOURCE_DIR C_COMPILER
set -euo pipefail
build=$1 src=$2 cc=$3
command -v pkg-config >/dev/null || { echo "pkg-config missing: skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/shi-package.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
expected=$tmp/expected.stdout
"$prefix/bin/shi" report RUS CHN --years 2012-2022 >"$expected"
example=$src/examples/pair_summary.c
libdir=$(dirname "$(find "$prefix" -name shi.pc)")/..
export PKG_CONFIG_PATH=$libdir/pkgconfig
# Nothing of the build or source tree may leak into the consumers.
grep -q "$build\|$src" "$PKG_CONFIG_PATH/shi.pc" && { echo "shi.pc names the build tree"; exit 1; }
[ "$(pkg-config --variable=prefix shi | xargs realpath)" = "$(realpath "$prefix")" ] ||
  { echo "shi.pc prefix is $(pkg-config --variable=prefix shi), not $prefix"; exit 1; }

run() { # name program
  if ! diff <("$2" 365 710 2012 2022) "$expected" >"$tmp/$1.diff"; then
    echo "$1: output differs from shi report RUS CHN"; head -20 "$tmp/$1.diff"; exit 1
  fi
  echo "$1: ok"
}
# pkg-config, shared: the versioned soname is what the program records.
"$cc" "$example" $(pkg-config --cflags --libs shi) -o "$tmp/pc_shared"
readelf -d "$tmp/pc_shared" | grep -q 'NEEDED.*libshi\.so\.[0-9]' ||
  { echo "pc_shared does not need a versioned libshi.so"; exit 1; }
LD_LIBRARY_PATH=$libdir run pc_shared "$tmp/pc_shared"
# pkg-config, static: Libs.private must carry everything (OpenMP included).
static_libs=$(pkg-config --static --libs shi | sed 's/-lshi\b//')
"$cc" "$example" $(pkg-config --cflags shi) "$libdir/libshi.a" $static_libs -o "$tmp/pc_static"
run pc_static "$tmp/pc_static"
# find_package(shi).
cmake -S "$src/tests/package" -B "$tmp/cm" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" \
  -DSHI_EXAMPLE="$example" >/dev/null
cmake --build "$tmp/cm" >/dev/null
run cmake_shared "$tmp/cm/consumer_shared"
[ -x "$tmp/cm/consumer_static" ] || { echo "find_package(shi) defined no shi::shi_static"; exit 1; }
run cmake_static "$tmp/cm/consumer_static"

# The bindings against the installed library (when their toolchains are here):
# R CMD INSTALL finds libshi through shi.pc; Python through SHI_LIBRARY. Each
# must count the dyad-years of 2000 as the installed command does.
rows=$(("$(LD_LIBRARY_PATH=$libdir "$prefix/bin/shi" dyads --years 2000-2000 --format csv | wc -l)" - 1))
if command -v Rscript >/dev/null && command -v R >/dev/null; then
  mkdir "$tmp/rlib"
  cp -r "$src/bindings/r" "$tmp/rpkg"
  LD_LIBRARY_PATH=$libdir R CMD INSTALL --no-docs --no-html -l "$tmp/rlib" "$tmp/rpkg" \
    >"$tmp/rinstall.log" 2>&1 ||
    { cat "$tmp/rinstall.log"; exit 1; }
  n=$(LD_LIBRARY_PATH=$libdir R_LIBS=$tmp/rlib Rscript -e 'cat(nrow(shi::shi_dyads(2000)))')
  [ "$n" = "$rows" ] || { echo "R against the installed libshi: $n rows, the command $rows"; exit 1; }
  echo "R package against the installed libshi: ok"
fi
if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
  n=$(SHI_LIBRARY=$libdir/libshi.so PYTHONPATH=$src/bindings/python PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 -c 'import shi; print(len(shi.dyads(2000)["year"]))')
  [ "$n" = "$rows" ] || { echo "Python against the installed libshi: $n rows, the command $rows"; exit 1; }
  echo "Python module against the installed libshi: ok"
fi
