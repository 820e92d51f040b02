#!/usr/bin/env bash
# Checks that the C and C++ lines changed since the style was set are
# formatted as .clang-format says; the rest of the tree is left as it was
# written, so no change is forced to reformat code it does not touch.
#   scripts/check-format.sh         fail, naming the files and showing the diff
#   scripts/check-format.sh --fix   format those lines in place
#
# "Changed" means changed since the commit that last changed .clang-format.
# CI runs on a fresh clone of main, so there is no pull request or upstream
# branch to compare with, and HEAD~N depends on how work was merged (a merge
# commit's first parent holds back a whole branch; a fast-forward of five
# commits needs HEAD~5). A commit found by what it changed is in every full
# clone, survives rebases that would lose a hash written down, and moves
# exactly when the rules do: code written before the rules (or before they
# last changed) follows them from the first time it is touched. A shallow
# clone may lack that commit, so it is refused rather than checked wrongly.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh

if [[ $(git rev-parse --is-shallow-repository) == true ]]; then
  echo "check-format: a shallow clone lacks the history this check compares with: run 'git fetch --unshallow'" >&2
  exit 2
fi
base=$(git log -1 --format=%H -- .clang-format)
if [[ -z $base ]]; then
  echo "check-format: .clang-format is not committed, so there is no base to compare with" >&2
  exit 2
fi

# Only C and C++: git clang-format would otherwise also format the search
# page's JavaScript and JSON.
format=(git clang-format --extensions c,cc,h "$base")
if [[ ${1:-} == --fix ]]; then
  # --force: the lines to fix are usually in files not yet staged.
  exec "${format[@]}" --force
fi
# Debian's git-clang-format 14 exits 0 whether or not it would change
# anything (and 2 on errors, which set -e stops at), so the diff decides.
diff=$("${format[@]}" --diff)
if ! grep -q '^diff --git' <<<"$diff"; then
  echo "check-format: lines changed since ${base:0:12} are formatted"
  exit 0
fi
echo "check-format: lines changed since ${base:0:12} (the last change to .clang-format) are not formatted as" \
     ".clang-format says, in:" >&2
sed -n 's|^diff --git a/\(.*\) b/.*|  \1|p' <<<"$diff" >&2
echo "This is what clang-format would make of them (scripts/check-format.sh --fix applies it):" >&2
echo "$diff" >&2
exit 1
