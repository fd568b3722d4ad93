#!/usr/bin/env bash
# The main job on the embedded data: the configuration of power 1992-2022 and
# the China-Russia-USA triangle.
set -euo pipefail
shi=${1:-build/shi}
echo "\$ shi report RUS CHN"
"$shi" report RUS CHN
echo
echo "\$ shi power --majors --years 1992-2022"
"$shi" power --majors --years 1992-2022
echo
echo "\$ shi power --states RUS,CHN,USA --year 2022"
"$shi" power --states RUS,CHN,USA --year 2022
