#!/usr/bin/env bash
# Quick start: set up, build, index corpus/ and run a sample search in each
# of the five languages.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
scripts/build.sh

db=build/corpus.kb
rm -rf "$db"
build/kbsearch index --db "$db" corpus
for query in "glömt lösenordet" "ลืมรหัสผ่าน" "şifremi unuttum" "nenosiri" "esqueci minha senha"; do
  echo
  echo "\$ kbsearch search --db $db --limit 3 \"$query\""
  build/kbsearch search --db "$db" --limit 3 "$query"
done
