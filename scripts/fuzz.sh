#!/usr/bin/env bash
# Run every libFuzzer target for a fixed budget (issue 20): build them with
# clang and -DSHI_FUZZ=ON in build-fuzz, run each on a scratch copy of its
# seed corpus for SECONDS (default 20), and fail on any crash, leak or
# sanitizer report. New inputs stay in the scratch directory; a crash input
# is kept as build-fuzz/crash-<target>-* for fuzz/corpus/<target> once fixed.
#
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
build=${BUILD_FUZZ:-build-fuzz}
targets="csv import shd yaml events cli"
CC=clang cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHI_FUZZ=ON \
  -DSHI_TESTS=ON >/dev/null
cmake --build "$build" -j "${JOBS:-2}" --target $(for t in $targets; do printf 'fuzz_%s ' "$t"; done)
fail=0
for t in $targets; do
  work=$(mktemp -d)
  cp -r "fuzz/corpus/$t/." "$work/"
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  echo "fuzz_$t: ${secs} s"
  if ! ASAN_OPTIONS=detect_leaks=1 "$build/fuzz/fuzz_$t" "${dict[@]}" -max_total_time="$secs" \
      -rss_limit_mb=2048 -timeout=10 -print_final_stats=0 -artifact_prefix="$build/crash-$t-" \
      "$work" >"$build/fuzz_$t.log" 2>&1; then
    echo "fuzz_$t FAILED (log: $build/fuzz_$t.log)"; tail -40 "$build/fuzz_$t.log"; fail=1
  else
    grep -E 'DONE' "$build/fuzz_$t.log" | tail -1 || true
  fi
  rm -rf "$work"
done
exit $fail
