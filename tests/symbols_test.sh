#!/usr/bin/env bash
# Checks what libkbsearch.so shows the dynamic linker: its SONAME, and that
# the symbols it defines are the public API and nothing else. An internal
# function (kbsearch::index::..., a Rep class) or a Xapian, ICU or standard
# library symbol in the list would be one more thing applications could come
# to depend on, and one more way for two copies of a library to collide.
#
#   symbols_test.sh LIBRARY SONAME C_HEADER
#
# The C API is what C_HEADER (kbsearch_c.h) declares KBSEARCH_C_API, all of
# it and no more. When the C++ API gains a class or a free function, add it
# to `public`.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 LIBRARY SONAME C_HEADER" >&2
  exit 2
fi
library=$1 soname=$2 c_header=$3
status=0

fail() {
  echo "FAIL: $*" >&2
  status=1
}

actual_soname=$(readelf -d "$library" | sed -n 's/.*(SONAME).*\[\(.*\)\]$/\1/p')
if [[ $actual_soname != "$soname" ]]; then
  fail "SONAME is '${actual_soname}', not '$soname'"
fi

# The classes and functions of the C++ API that have out-of-line code or
# type_info: everything else in its headers (options, results, Token) is
# inline.
public='Analyzer|Indexer|Searcher|identify_language|score_ranking'
errors='Error|InputError|InvalidArgumentError|QueryError|IndexLockedError|IndexUnusableError|IndexVersionError|ShardUnavailableError|LanguageError'
# The C API: each declaration names its function on the KBSEARCH_C_API line.
c_api=$(grep -o 'KBSEARCH_C_API[^(]*(' "$c_header" | grep -o 'kbsearch_[a-z0-9_]*($' | tr -d '(' | sort -u)
[[ -n $c_api ]] || fail "no KBSEARCH_C_API function found in $c_header"

# Names only (nm -C prints "ADDRESS TYPE NAME"; the name has spaces).
symbols=$(nm -D --defined-only -C "$library" | cut -d' ' -f3-)
count=$(grep -c . <<<"$symbols" || true)
echo "$library ($actual_soname): $count exported symbols, $(grep -c . <<<"$c_api") of them the C API"

# A class nested in an exported class (Searcher::Rep) is exported with it
# unless marked hidden, hence the second grep.
unexpected=$({
  grep -Ev "^kbsearch::($public)(::|\(|\[|$)|^(typeinfo|typeinfo name|vtable) for kbsearch::($errors)$|^kbsearch_[a-z0-9_]+$" <<<"$symbols"
  grep -E '::Rep(::|$)' <<<"$symbols"
  comm -23 <(grep -E '^kbsearch_' <<<"$symbols" | sort -u) - <<<"$c_api"
} | sort -u || true)
if [[ -n $unexpected ]]; then
  fail "symbols outside the public API:"
  sed 's/^/  /' <<<"$unexpected" >&2
fi
missing_c=$(comm -13 <(grep -E '^kbsearch_' <<<"$symbols" | sort -u) - <<<"$c_api")
if [[ -n $missing_c ]]; then
  fail "C API functions not exported:"
  sed 's/^/  /' <<<"$missing_c" >&2
fi

# Entry points every application uses, and the type_info that a catch
# clause in an application must find for each error class.
required=(
  'kbsearch::Analyzer::Analyzer\('
  'kbsearch::Analyzer::analyze\('
  'kbsearch::Indexer::Indexer\('
  'kbsearch::Indexer::index\('
  'kbsearch::Indexer::put\('
  'kbsearch::Indexer::commit\('
  'kbsearch::Searcher::Searcher\('
  'kbsearch::Searcher::search\('
  'kbsearch::Searcher::get\('
  'kbsearch::identify_language(\[|\()'
  'kbsearch::score_ranking\('
)
for error in ${errors//|/ }; do
  required+=("typeinfo for kbsearch::$error\$")
done
for pattern in "${required[@]}"; do
  grep -qE "^$pattern" <<<"$symbols" || fail "missing: $pattern"
done

if ((status == 0)); then echo PASS; fi
exit $status
