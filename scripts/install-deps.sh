#!/usr/bin/env bash
# Install the Debian packages shi needs to build, test and benchmark, when missing.
# Usage: scripts/install-deps.sh [--with-browser]   (as root, or with sudo available)
# The Python and R packages are for the bindings' tests (bindings/, docs/bindings.md).
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config libgsl-dev librandom123-dev libcmocka-dev
      libsqlite3-dev libreadstat-dev libyaml-dev zlib1g-dev clang hyperfine bc time
      openmpi-bin libopenmpi-dev
      chromium imagemagick poppler-utils cppcheck
      python3-numpy python3-pandas python3-pytest r-base-core r-base-dev r-cran-testthat)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
