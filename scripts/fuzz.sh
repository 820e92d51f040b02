#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, with ASan + UBSan) in ./build-fuzz and
# runs them.
#
#   scripts/fuzz.sh --ci                   the short, seeded, repeatable run that CI
#                                          does: ctest's <target>_short tests
#   scripts/fuzz.sh [SECONDS] [TARGET...]  each target for SECONDS (default 20;
#                                          600 or more for a nightly run)
#
# New interesting inputs go to a scratch corpus under build-fuzz. A crash stops
# the run, leaves its input in build-fuzz/artifacts/<target>/ (time-boxed runs)
# or in the ctest output (--ci), and makes this script fail: add that input to
# tests/fuzz/regressions/<target>/, where every test run replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
ci=0
if [[ ${1:-} == --ci ]]; then ci=1; shift; fi
seconds=${1:-20}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_article fuzz_analyzer fuzz_language_id fuzz_query fuzz_snippet)

scripts/setup-debian.sh
missing=()
# clang, its sanitizer and libFuzzer runtimes.
for p in clang libclang-rt-14-dev libfuzzer-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKBSEARCH_FUZZ=ON \
  -DKBSEARCH_SANITIZE=ON -DKBSEARCH_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"

if ((ci)); then
  exec ctest --test-dir build-fuzz --output-on-failure -R '_short$'
fi

status=0
for target in "${targets[@]}"; do
  scratch=build-fuzz/scratch/$target
  artifacts=build-fuzz/artifacts/$target/
  budget=(-max_total_time="$seconds")
  mkdir -p "$scratch" "$artifacts"
  dict=()
  [[ $target == fuzz_article ]] && dict=(-dict=tests/fuzz/markdown.dict)
  echo "== $target: ${budget[*]}"
  if ! build-fuzz/tests/fuzz/$target "${budget[@]}" -timeout=10 -rss_limit_mb=2048 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" "${dict[@]}" \
       "$scratch" "tests/fuzz/corpus/$target" 2>build-fuzz/$target.log; then
    echo "$target FAILED: see build-fuzz/$target.log and $artifacts" >&2
    tail -30 build-fuzz/$target.log >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" build-fuzz/$target.log | tail -2
  fi
done
exit $status
