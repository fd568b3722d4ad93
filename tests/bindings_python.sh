#!/usr/bin/env bash
# The Python bindings' tests (bindings/python/tests, pytest) against the shi
# command of this build, through the shared libshi of this build. Skipped (77)
# when no Python with NumPy and pytest is found: SHI_PYTHON, else Debian's
# /usr/bin/python3 (python3-numpy, python3-pytest), else python3 on PATH.
# Usage: bindings_python.sh SHI LIBSHI_SO SOURCE_DIR
set -u
cli=$1 lib=$2 src=$3
py=""
for c in ${SHI_PYTHON:-} /usr/bin/python3 python3; do
  if command -v "$c" >/dev/null && "$c" -c 'import numpy, pytest' 2>/dev/null; then
    py=$c
    break
  fi
done
if [ -z "$py" ]; then
  echo "no Python with numpy and pytest (Debian: python3-numpy python3-pytest): skipped"
  exit 77
fi
cd "$src/bindings/python" || exit 1
SHI_CLI=$cli SHI_LIBRARY=$lib PYTHONPATH=$src/bindings/python PYTHONDONTWRITEBYTECODE=1 \
  exec "$py" -m pytest -q -p no:cacheprovider tests
