// Stage "split", Swedish: after each word, its compound parts as part
// tokens (decompounder.h), with the word's offsets.
#ifndef KBSEARCH_LIB_ANALYSIS_COMPOUND_PARTS_H
#define KBSEARCH_LIB_ANALYSIS_COMPOUND_PARTS_H

#include <string>
#include <vector>

#include "analysis/decompounder.h"
#include "analysis/token_filter.h"

namespace kbsearch::analysis {

class CompoundParts final : public TokenFilter {
 public:
  const char* stage() const override { return "split"; }

  void push(StreamToken& token) override {
    if (token.part) {
      emit(token);
      return;
    }
    // Valid until the next part_terms() call; the filters after this one
    // may change the token, but not its offsets.
    const std::vector<std::string>& terms = decompounder_.part_terms(token.term);
    emit(token);
    for (const std::string& term : terms) {
      StreamToken part;
      part.start = token.start;
      part.end = token.end;
      part.term = term;
      part.part = true;
      emit(part);
    }
  }

 private:
  Decompounder decompounder_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_COMPOUND_PARTS_H
