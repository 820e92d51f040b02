#!/usr/bin/env bash
# Proves that a program can embed kbsearch in each of the three ways the
# README gives, and that the installed CLI runs. Installs the build tree into
# a scratch prefix, checks that `man kbsearch` finds the installed CLI's
# manual page, indexes corpus/ with the installed CLI, then builds
# examples/search_example (C++) and examples/c_example (C, through
# kbsearch_c.h)
#   installed:  with CMake, find_package(kbsearch) finding the prefix;
#   build-tree: with CMake, find_package(kbsearch) finding BUILD_DIR;
#   pkg-config: with plain compiler command lines and `pkg-config --cflags
#               --libs kbsearch` from the prefix;
# checks that each loads libkbsearch from where it should and links none of
# its dependencies, and runs each: search_example over the index of corpus/
# (and a missing index, whose error is thrown in libkbsearch.so and caught in
# the program as kbsearch::Error), c_example on an index of its own; then
# runs examples/python_example.py with the installed Python package, which
# must load the installed library.
#
#   install_test.sh SOURCE_DIR BUILD_DIR WORK_DIR
#
# WORK_DIR is deleted and recreated. The cmake and compilers used are
# ${CMAKE:-cmake}, ${CXX:-c++}, ${CC:-cc} and ${PYTHON:-python3} (ctest sets them
# to the build's).
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 SOURCE_DIR BUILD_DIR WORK_DIR" >&2
  exit 2
fi
source_dir=$1 build_dir=$2 work_dir=$3
cmake=${CMAKE:-cmake} cxx=${CXX:-c++} cc=${CC:-cc}

fail() {
  echo "FAIL: $1" >&2
  shift
  for file in "$@"; do
    echo "--- $file:" >&2
    cat "$file" >&2
  done
  exit 1
}

# Runs a step quietly, logging to WORK_DIR/NAME.log; on failure prints the log.
step() {
  local name=$1
  shift
  echo "== $name"
  "$@" >"$work_dir/$name.log" 2>&1 || fail "$name: $*" "$work_dir/$name.log"
}

rm -rf "$work_dir"
mkdir -p "$work_dir"
prefix=$work_dir/prefix db=$work_dir/db

step install "$cmake" --install "$build_dir" --prefix "$prefix"

echo "== manual page"
# The installed CLI's own page, where man finds it for a kbsearch on PATH
# (man-db looks in BINDIR/../share/man).
man_page=$prefix/share/man/man1/kbsearch.1
[[ -s $man_page ]] || fail "no manual page at $man_page"
"$prefix/bin/kbsearch" --man >"$work_dir/kbsearch.1" 2>&1 || fail "kbsearch --man exited with $?" "$work_dir/kbsearch.1"
cmp -s "$man_page" "$work_dir/kbsearch.1" || fail "$man_page is not what the installed kbsearch --man writes"
found=$(env -u MANPATH PATH="$prefix/bin:$PATH" man -w kbsearch 2>&1) || fail "man -w kbsearch: $found"
[[ $(realpath -e "$found") == $(realpath -e "$man_page") ]] || fail "man kbsearch finds $found, not $man_page"
# No LD_LIBRARY_PATH: the installed CLI finds the installed library through
# its relative RPATH.
step index "$prefix/bin/kbsearch" index --db "$db" "$source_dir/corpus"

# check_linking NAME BINARY LIBRARY_DIR: BINARY loads libkbsearch from
# LIBRARY_DIR and links none of the library's dependencies itself.
check_linking() {
  local name=$1 binary=$2 library_dir=$3 out=$work_dir/$1
  echo "== $name: libraries"
  ldd "$binary" >"$out.ldd" 2>&1 || fail "$name: ldd $binary" "$out.ldd"
  local loaded
  loaded=$(sed -n 's/^\s*libkbsearch\.so\.[0-9]* => \(.*\) (0x.*)$/\1/p' "$out.ldd")
  [[ $(realpath -e "$(dirname "${loaded:-/nonexistent}")") == $(realpath -e "$library_dir") ]] ||
    fail "$name: libkbsearch is not loaded from $library_dir" "$out.ldd"
  readelf -d "$binary" >"$out.dynamic"
  grep -q 'NEEDED.*\[libkbsearch\.so\.0\]' "$out.dynamic" ||
    fail "$name: $binary does not need libkbsearch.so.0" "$out.dynamic"
  ! grep -qE 'NEEDED.*\[lib(xapian|icu|cmark|yaml-cpp|cld2)' "$out.dynamic" ||
    fail "$name: $binary links a dependency of libkbsearch itself" "$out.dynamic"
}

# check_search_example NAME BINARY: the C++ example finds an article of
# corpus/, and a missing index ends it with the library's error, thrown in
# libkbsearch.so and caught in the program as kbsearch::Error.
check_search_example() {
  local name=$1 example=$2 out=$work_dir/$1
  echo "== $name: search lösenord [sv]"
  "$example" "$db" lösenord sv >"$out.search.out" 2>"$out.search.err" ||
    fail "$name: exited with $? for 'lösenord sv'" "$out.search.out" "$out.search.err"
  grep -q 'reset-password-sv' "$out.search.out" ||
    fail "$name: did not find reset-password-sv for 'lösenord sv'" "$out.search.out"
  cat "$out.search.out"

  echo "== $name: missing index"
  local status=0
  "$example" "$work_dir/no-such-index" lösenord sv >"$out.missing.out" 2>"$out.missing.err" ||
    status=$?
  [[ $status -eq 1 ]] ||
    fail "$name: exited with $status, not 1, for a missing index" \
      "$out.missing.out" "$out.missing.err"
  [[ -s $out.missing.err ]] ||
    fail "$name: printed no error on stderr for a missing index" "$out.missing.out"
  cat "$out.missing.err"
}

# check_c_example NAME BINARY: the C example puts its articles into an
# index of its own and finds them.
check_c_example() {
  local name=$1 example=$2 out=$work_dir/$1
  echo "== $name: glömt lösenordet [sv]"
  "$example" "$out.db" "glömt lösenordet" sv >"$out.out" 2>"$out.err" ||
    fail "$name: exited with $? for 'glömt lösenordet sv'" "$out.out" "$out.err"
  grep -q 'help-1042-sv' "$out.out" ||
    fail "$name: did not find the article it put, help-1042-sv" "$out.out"
  cat "$out.out"
}

# CMake gives a program an RPATH to the library it found, so these run as
# built.
for where in installed build-tree; do
  if [[ $where == installed ]]; then package=$prefix; else package=$build_dir; fi
  for example in search_example c_example; do
    name=$example-$where example_build=$work_dir/$example-$where
    step "configure-$name" "$cmake" -S "$source_dir/examples/$example" -B "$example_build" \
      -DCMAKE_PREFIX_PATH="$package"
    step "build-$name" "$cmake" --build "$example_build"
    config_dir=$(realpath -e "$(sed -n 's/^kbsearch_DIR:PATH=//p' "$example_build/CMakeCache.txt")")
    if [[ $where == installed ]]; then
      # PREFIX/LIBDIR/cmake/kbsearch
      library_dir=$(dirname "$(dirname "$config_dir")")
      [[ $config_dir == "$(realpath -e "$prefix")"/* ]] ||
        fail "$name: find_package(kbsearch) found $config_dir, not the package in $prefix"
    else
      library_dir=$build_dir
      [[ $config_dir == "$(realpath -e "$build_dir")" ]] ||
        fail "$name: find_package(kbsearch) found $config_dir, not the build tree $build_dir"
    fi
    check_linking "$name" "$example_build/$example" "$library_dir"
    "check_$example" "$name" "$example_build/$example"
  done
done

# pkg-config gives no RPATH (a library in a system directory needs none), so
# the programs find a library in a prefix of its own through LD_LIBRARY_PATH.
pc_file=$(find "$prefix" -name kbsearch.pc)
[[ -n $pc_file ]] || fail "no kbsearch.pc installed under $prefix"
PKG_CONFIG_PATH=$(dirname "$pc_file")
export PKG_CONFIG_PATH
echo "== pkg-config --cflags --libs kbsearch"
flags=$(pkg-config --cflags --libs kbsearch) || fail "pkg-config --cflags --libs kbsearch" "$pc_file"
libdir=$(pkg-config --variable=libdir kbsearch)
echo "   $flags"
bin=$work_dir/pkg-config-bin
mkdir -p "$bin"
# $flags is split into words on purpose.
# shellcheck disable=SC2086
step build-search_example-pkg-config "$cxx" -std=c++17 "$source_dir/examples/search_example/main.cc" \
  $flags -o "$bin/search_example"
# A plain C compiler links the C++ library: the .so brings its C++ runtime.
# shellcheck disable=SC2086
step build-c_example-pkg-config "$cc" -std=c99 "$source_dir/examples/c_example/main.c" \
  $flags -o "$bin/c_example"
export LD_LIBRARY_PATH=$libdir
for example in search_example c_example; do
  check_linking "$example-pkg-config" "$bin/$example" "$libdir"
  "check_$example" "$example-pkg-config" "$bin/$example"
done

echo "== python_example: the installed Python package"
# KBSEARCH_LIBRARY unset: the package must find the library installed with it.
python_path=$prefix/lib/python3/dist-packages
env -u KBSEARCH_LIBRARY PYTHONPATH="$python_path" PYTHONDONTWRITEBYTECODE=1 "${PYTHON:-python3}" -c '
import sys, kbsearch, kbsearch._capi
assert kbsearch.__file__.startswith(sys.argv[1]), kbsearch.__file__
assert kbsearch._capi.lib._name.startswith(sys.argv[2]), kbsearch._capi.lib._name
' "$python_path" "$prefix/" >"$work_dir/python-where.out" 2>&1 ||
  fail "the installed Python package or its library was not the one loaded" "$work_dir/python-where.out"
env -u KBSEARCH_LIBRARY PYTHONPATH="$python_path" PYTHONDONTWRITEBYTECODE=1 "${PYTHON:-python3}" \
  "$source_dir/examples/python_example.py" "$work_dir/python-db" "glömt lösenordet" sv \
  >"$work_dir/python.out" 2>&1 || fail "python_example exited with $?" "$work_dir/python.out"
grep -q 'help-1042-sv' "$work_dir/python.out" ||
  fail "python_example did not find the article it put, help-1042-sv" "$work_dir/python.out"
cat "$work_dir/python.out"

echo "PASS"
