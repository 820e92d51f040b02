// Stage "split", user words: a word the user listed (in the index
// configuration) that segmentation cut into pieces is put back together.
// ICU's Thai dictionary splits some everyday compounds (รหัสผ่าน ->
// รหัส|ผ่าน); with รหัสผ่าน listed, it stays one term.
#ifndef KBSEARCH_LIB_ANALYSIS_WORD_MERGER_H
#define KBSEARCH_LIB_ANALYSIS_WORD_MERGER_H

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "kbsearch/analyzer.h"

namespace kbsearch::analysis {

class WordMerger {
 public:
  // `words` are already case-folded.
  explicit WordMerger(std::unordered_set<std::string> words);

  bool empty() const { return words_.empty(); }

  // Merges runs of adjacent tokens (no character between them) whose terms
  // concatenate to a listed word, longest run first.
  void merge(std::string_view text, std::vector<Token>& tokens) const;

 private:
  std::unordered_set<std::string> words_;
  std::size_t max_bytes_ = 0;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_WORD_MERGER_H
