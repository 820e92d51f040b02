// Stage "split", user words: a word the user listed (in the index
// configuration) that segmentation cut into pieces is put back together.
// ICU's Thai dictionary splits some everyday compounds (รหัสผ่าน ->
// รหัส|ผ่าน); with รหัสผ่าน listed, it stays one term.
//
// A filter in the chain only where a list is given: it holds back a run of
// adjacent tokens until it is as long as a listed word can be, or broken.
#ifndef KBSEARCH_LIB_ANALYSIS_WORD_MERGER_H
#define KBSEARCH_LIB_ANALYSIS_WORD_MERGER_H

#include <string>
#include <unordered_set>
#include <vector>

#include "analysis/token_filter.h"

namespace kbsearch::analysis {

class WordMerger final : public TokenFilter {
 public:
  // `words` are already case-folded.
  explicit WordMerger(std::unordered_set<std::string> words);

  const char* stage() const override { return "split"; }
  // Merges runs of adjacent tokens (no character between them) whose terms
  // concatenate to a listed word, longest run first.
  void push(StreamToken& token) override;
  void finish() override;

 private:
  void forget() override { run_.clear(); }
  void pass_on(std::size_t count);
  void pass_on_first();

  std::unordered_set<std::string> words_;
  std::size_t max_bytes_ = 0;
  std::vector<StreamToken> run_;  // tokens held back, oldest first
  std::string joined_;            // a merged term, until the next is made
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_WORD_MERGER_H
