#!/usr/bin/env bash
# Installs the Debian packages kbsearch builds and tests with, when missing.
# Runs as root on Debian bookworm (uses sudo when not root). Idempotent.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libxapian-dev       # index, BM25, spelling, remote/sharded search
  libicu-dev          # normalization, word segmentation, casing
  libcmark-dev        # CommonMark parsing
  libyaml-cpp-dev     # YAML front matter
  libcld2-dev         # language identification
  hunspell-sv         # Swedish word list for compound splitting (read at build time)
  python3-pytest      # tests of the Python package (python/)
  libcli11-dev        # command-line parsing
  nlohmann-json3-dev  # JSON output
  libgtest-dev        # tests
  libbenchmark-dev    # benchmarks
  libsqlite3-dev      # the SQLite FTS5 peer in bench_search
  xapian-tools        # xapian-tcpsrv and xapian-replicate: shard servers and replicas
  libcpp-httplib-dev  # HTTP server of kbsearch serve
  chromium chromium-driver python3-selenium  # the search page's test in headless Chromium (tests/web)
  fonts-thai-tlwg     # Thai glyphs for Chromium, in the search page's screenshots
  groff-base man-db   # kbsearch(1): groff renders it in tests/cli/man_page_test, man finds it once installed
  clang-format clang-tidy  # CI's style and lint checks (scripts/check-format.sh, scripts/check-tidy.sh)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
