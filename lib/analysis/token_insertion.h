// Inserting tokens into a token list in one pass. A stage that adds tokens
// to a list already built (compound parts, when a keep-whole list runs
// first) collects them first, then moves every token at most once, without
// a second list: this keeps the pipeline free of per-call allocations,
// which cost more than the work itself.
#ifndef KBSEARCH_LIB_ANALYSIS_TOKEN_INSERTION_H
#define KBSEARCH_LIB_ANALYSIS_TOKEN_INSERTION_H

#include <utility>
#include <vector>

#include "kbsearch/analyzer.h"

namespace kbsearch::analysis {

// A token to insert before tokens[before] (before == size appends).
struct Insertion {
  std::size_t before;
  Token token;
};

// Inserts all of `insertions` (sorted by `before`, ties kept in order).
inline void insert_tokens(std::vector<Token>& tokens, std::vector<Insertion>& insertions) {
  if (insertions.empty()) return;
  std::size_t read = tokens.size();
  tokens.resize(tokens.size() + insertions.size());
  std::size_t write = tokens.size();
  for (auto ins = insertions.rbegin(); ins != insertions.rend(); ++ins) {
    while (read > ins->before) tokens[--write] = std::move(tokens[--read]);
    tokens[--write] = std::move(ins->token);
  }
  insertions.clear();
}

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_TOKEN_INSERTION_H
