#!/bin/sh
# Compares the analysis of two builds token by token, every field, over
# unpacked bigcorpus articles (see /work/shared/bigcorpus/README.md: never
# copy them into the repository).
#
#   bench/compare_analysis.sh OLD_DUMP NEW_DUMP CORPUS_DIR [FILES_PER_LANGUAGE [LANGUAGES]]
#
# OLD_DUMP and NEW_DUMP are bench/dump_analysis built against each library
# (for an older tree: g++ -std=c++17 -O2 -I<old tree>/include
# bench/dump_analysis.cc -L<old build> -lkbsearch -Wl,-rpath,<old build>).
# CORPUS_DIR holds th/ sv/ tr/ sw/ pt/ of *.md files; LANGUAGES, as one
# argument ("sw pt"), picks some of them. Exits 1 at the first
# language whose dumps differ, and shows where.
set -eu
old=$1 new=$2 corpus=$3 n=${4:-1000} langs=${5:-th sv tr sw pt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in $langs; do
  find "$corpus/$lang" -name '*.md' | sort | head -n "$n" > "$work/files"
  xargs "$old" "$lang" < "$work/files" > "$work/old" 2> "$work/old.err"
  xargs "$new" "$lang" < "$work/files" > "$work/new" 2> "$work/new.err"
  if ! cmp -s "$work/old" "$work/new"; then
    echo "$lang: DIFFERENT"
    diff "$work/old" "$work/new" | head -20
    exit 1
  fi
  echo "$lang: identical, $(wc -l < "$work/files") files, $(awk '{s += $2} END {print s}' "$work/new.err") tokens, $(wc -c < "$work/new") bytes of dump"
done
