// The data the analysis produces: a Token, and what one stage of the
// analysis chain left (for `kbsearch analyze --explain`). A header of its
// own, apart from the Analyzer, because the index, the searcher's snippets
// and every door read Tokens without running an analysis.
//
// Plain values: copyable, movable, no shared state.
#ifndef KBSEARCH_TOKEN_H
#define KBSEARCH_TOKEN_H

#include <cstddef>
#include <string>
#include <vector>

namespace kbsearch {

struct Token {
  std::string text;         // the token exactly as it appears in the input
  std::string term;         // normalized, case-folded form: what exact search matches
  std::string stem;         // stemmed term; empty where the language has no stemmer
  std::string folded;       // accent-folded term; empty when it equals term
  std::string folded_stem;  // stem of the folded term; empty when it equals stem
  std::size_t start = 0;    // byte offset of text in the input
  std::size_t end = 0;      // byte offset one past the end of text
  unsigned position = 0;    // word position, counting from 0
  bool part = false;        // a part of the preceding word (compound part, piece of
                            // a hyphenated word), at that word's position
  bool stop = false;        // a stop word: indexed, but not required in queries
};

// The tokens after one stage of the analysis chain.
struct AnalysisStage {
  std::string name;           // "normalize", "segment", "join", "case", ...
  std::string text;           // for "normalize": the normalized text
  std::vector<Token> tokens;  // the tokens after this stage
};

}  // namespace kbsearch

#endif  // KBSEARCH_TOKEN_H
