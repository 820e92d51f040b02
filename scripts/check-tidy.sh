#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy says which checks) over every source of the
# library, with the compile commands of the build in BUILD_DIR (default
# ./build, which scripts/build.sh configures; only its configuration is
# needed, not a build). All of lib/ rather than the changed files, since a
# change to a header is checked in every file that includes it; it takes
# about 2 CPU-minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
build=${BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null

# The build compiles with GCC, whose default is C++17, so CMake writes no
# -std flag; clang-tidy's clang defaults to C++14 and needs telling.
if git ls-files -z 'lib/*.cc' |
   xargs -0 -P"$(nproc)" -n4 clang-tidy -p "$build" --quiet --extra-arg=-std=gnu++17 \
     >"$build/clang-tidy.log" 2>&1; then
  echo "check-tidy: lib/ is clean"
  exit 0
fi
echo "check-tidy: clang-tidy found problems in lib/ (.clang-tidy says which checks run and why some do not):" >&2
# The findings with their source lines, without clang's tallies.
grep -v -E '^([0-9]+ (warnings?|errors?)( and [0-9]+ errors?)? generated\.|Error while processing )' \
  "$build/clang-tidy.log" >&2
exit 1
