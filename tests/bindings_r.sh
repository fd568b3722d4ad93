#!/usr/bin/env bash
# The R package's tests (bindings/r/tests/testthat) against the shi command of
# this build: R CMD INSTALL into a temporary library against this build's
# libshi.so, then testthat. Skipped (77) without R and testthat (Debian:
# r-base-core r-base-dev r-cran-testthat).
# Usage: bindings_r.sh SHI LIBSHI_SO SOURCE_DIR
set -euo pipefail
cli=$1 lib=$2 src=$3
if ! command -v R >/dev/null || ! command -v Rscript >/dev/null ||
  ! Rscript -e 'library(testthat)' >/dev/null 2>&1; then
  echo "no R with testthat (Debian: r-base-core r-base-dev r-cran-testthat): skipped"
  exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/shi-r.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
libdir=$(dirname "$lib")
# A copy of the package: R CMD INSTALL builds in the source directory.
cp -r "$src/bindings/r" "$tmp/shi"
mkdir "$tmp/lib"
SHI_CPPFLAGS="-I$src/include" SHI_LIBS="-L$libdir -lshi -Wl,-rpath,$libdir" \
  R CMD INSTALL --no-docs --no-html --no-multiarch -l "$tmp/lib" "$tmp/shi" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log"; exit 1; }
cd "$tmp"
SHI_CLI=$cli R_LIBS=$tmp/lib Rscript -e 'library(testthat); library(shi);
  test_dir(commandArgs(TRUE)[1], reporter = "summary", stop_on_failure = TRUE)' \
  "$src/bindings/r/tests/testthat"
