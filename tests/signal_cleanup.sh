#!/usr/bin/env bash
# Issue 20, defect 11 (2026-12-01): a shi command killed by SIGINT, SIGTERM or
# SIGHUP while writing -o FILE must leave no temporary file behind, and die of
# that signal. Skips (77) if the command ends before the signal arrives.
set -u
shi=$1
for sig in INT TERM HUP; do
  dir=$(mktemp -d)
  (cd "$dir" && exec "$shi" dyads --add all -o big.sqlite) &
  pid=$!
  sleep 1
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid"; rm -rf "$dir"
    echo "skipped: the command finished within a second"; exit 77
  fi
  kill -"$sig" "$pid"
  wait "$pid"; code=$?
  left=$(ls -A "$dir")
  rm -rf "$dir"
  want=$((128 + $(kill -l "$sig")))
  if [ "$code" != "$want" ]; then echo "SIG$sig: exit $code, want $want"; exit 1; fi
  if [ -n "$left" ]; then echo "SIG$sig left files behind: $left"; exit 1; fi
  echo "SIG$sig: exit $code, nothing left behind"
done
