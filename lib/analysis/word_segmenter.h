// Stage "segment": word segmentation with ICU's word break rules (UAX #29), which
// use a dictionary for scripts written without spaces, Thai among them.
// Only word-like segments (letters, numbers, kana, ideographs) are kept.
#ifndef KBSEARCH_LIB_ANALYSIS_WORD_SEGMENTER_H
#define KBSEARCH_LIB_ANALYSIS_WORD_SEGMENTER_H

#include <unicode/uversion.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace kbsearch::analysis {

struct Segment {
  std::size_t start;  // byte offsets into the segmented text
  std::size_t end;
};

class WordSegmenter {
 public:
  // Clones a process-wide prototype: building a break iterator loads rule
  // and dictionary data, cloning does not.
  WordSegmenter();
  ~WordSegmenter();
  WordSegmenter(WordSegmenter&&) noexcept;
  WordSegmenter& operator=(WordSegmenter&&) noexcept;

  // Replaces `out` with the word segments of UTF-8 `text`.
  void segment(std::string_view text, std::vector<Segment>& out);

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_WORD_SEGMENTER_H
