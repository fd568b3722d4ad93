# shi - thin driver over CMake/CTest. The two set-up commands:
#   make demo    build, then run the main job on the embedded data
#   make check   build with warnings as errors and run every test
# Also: make bench, make asan (tests under AddressSanitizer+UBSan), make data, make format,
# make cppcheck (static analysis of src/; a finding fails it).
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?=
# A false positive is suppressed where it is, with a comment saying why:
#   /* cppcheck-suppress <id> */ on the line before.
CPPCHECK_FLAGS ?= --enable=warning,portability,performance --inline-suppr --std=c11 \
  -I include -I src --error-exitcode=1 --quiet

.PHONY: all deps build demo check bench asan data format cppcheck clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHI_WARNINGS_AS_ERRORS=ON $(CMAKE_FLAGS)

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)/shi

check: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: deps
	cmake -S . -B $(BUILD)-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSHI_WARNINGS_AS_ERRORS=ON \
	  -DSHI_SANITIZE="address;undefined"
	cmake --build $(BUILD)-asan -j $(JOBS)
	cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

bench: build
	bench/bench_power.sh $(BUILD)/shi
	@if [ -x bench/bench_coop.sh ]; then bench/bench_coop.sh $(BUILD)/shi; fi
	bench/bench_align.sh $(BUILD)/shi
	bench/bench_bindings.sh $(BUILD)/shi

# Rebuild the embedded default data from the official files in ../shared/data.
data: build
	$(BUILD)/shi data build --from ../shared/data -o data/default.shd --dyadic-output data/dyadic.shd \
	  --relations-output data/relations.shd --econ-output data/econ.shd \
	  --energy-output data/energy.shd --geo-output data/geo.shd

cppcheck: deps
	cppcheck $(CPPCHECK_FLAGS) -j $(JOBS) src

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(BUILD)-asan
