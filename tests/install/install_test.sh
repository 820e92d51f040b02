#!/usr/bin/env bash
# Proves that kbsearch works for a program that embeds it through its
# installed CMake package: installs the build tree into a scratch prefix,
# builds examples/search_example (C++) and examples/c_example (C, through
# kbsearch_c.h) against that prefix alone (find_package), and runs them:
# the first over an index of corpus/ built by the CLI, the second on an
# index of its own; then runs examples/python_example.py with the installed
# Python package, which must load the installed library.
#
#   install_test.sh SOURCE_DIR BUILD_DIR WORK_DIR CLI
#
# WORK_DIR is deleted and recreated. The cmake and compilers used are
# ${CMAKE:-cmake}, ${CXX:-the default}, ${CC:-the default} and
# ${PYTHON:-python3} (ctest sets them to the build's).
set -euo pipefail

if [[ $# -ne 4 ]]; then
  echo "usage: $0 SOURCE_DIR BUILD_DIR WORK_DIR CLI" >&2
  exit 2
fi
source_dir=$1 build_dir=$2 work_dir=$3 cli=$4
cmake=${CMAKE:-cmake}

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
prefix=$work_dir/prefix example_build=$work_dir/example-build db=$work_dir/db
c_example_build=$work_dir/c-example-build

step install "$cmake" --install "$build_dir" --prefix "$prefix"
step configure-example "$cmake" -S "$source_dir/examples/search_example" -B "$example_build" \
  -DCMAKE_PREFIX_PATH="$prefix"
step build-example "$cmake" --build "$example_build"
step configure-c-example "$cmake" -S "$source_dir/examples/c_example" -B "$c_example_build" \
  -DCMAKE_PREFIX_PATH="$prefix"
step build-c-example "$cmake" --build "$c_example_build"
step index "$cli" index --db "$db" "$source_dir/corpus"

example=$example_build/search_example

echo "== search: lösenord [sv]"
"$example" "$db" lösenord sv >"$work_dir/search.out" 2>"$work_dir/search.err" ||
  fail "search_example exited with $? for 'lösenord sv'" "$work_dir/search.out" "$work_dir/search.err"
grep -q 'reset-password-sv' "$work_dir/search.out" ||
  fail "search_example did not find reset-password-sv for 'lösenord sv'" "$work_dir/search.out"
cat "$work_dir/search.out"

echo "== search: missing index"
status=0
"$example" "$work_dir/no-such-index" lösenord sv >"$work_dir/missing.out" 2>"$work_dir/missing.err" ||
  status=$?
[[ $status -eq 1 ]] ||
  fail "search_example exited with $status, not 1, for a missing index" "$work_dir/missing.out" "$work_dir/missing.err"
[[ -s $work_dir/missing.err ]] ||
  fail "search_example printed no error on stderr for a missing index" "$work_dir/missing.out"
cat "$work_dir/missing.err"

echo "== c_example: glömt lösenordet [sv]"
"$c_example_build/c_example" "$work_dir/c-db" "glömt lösenordet" sv >"$work_dir/c.out" 2>"$work_dir/c.err" ||
  fail "c_example exited with $? for 'glömt lösenordet sv'" "$work_dir/c.out" "$work_dir/c.err"
grep -q 'help-1042-sv' "$work_dir/c.out" ||
  fail "c_example did not find the article it put, help-1042-sv" "$work_dir/c.out"
cat "$work_dir/c.out"

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
