// Grapheme cluster boundaries (UAX #29, ICU's character break iterator):
// where one character a reader sees ends, such as a Thai consonant with its
// vowel and tone marks or a letter with its combining accents.
//
// Tokens do not always end on one: where a word changes script, the
// segmenter splits it even before a combining mark of the other script
// (a Thai tone mark typed after "iPhone"), so what is shown as a match is
// widened to whole clusters here.
#ifndef KBSEARCH_LIB_ANALYSIS_GRAPHEME_CLUSTERS_H
#define KBSEARCH_LIB_ANALYSIS_GRAPHEME_CLUSTERS_H

#include <unicode/uversion.h>
#include <unicode/utext.h>

#include <cstddef>
#include <memory>
#include <string_view>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace kbsearch::analysis {

class GraphemeClusters {
 public:
  // Over UTF-8 `text`, which must outlive this object. Clones a
  // process-wide prototype, as WordSegmenter does.
  explicit GraphemeClusters(std::string_view text);
  ~GraphemeClusters();
  GraphemeClusters(const GraphemeClusters&) = delete;
  GraphemeClusters& operator=(const GraphemeClusters&) = delete;

  // The last cluster boundary at or before byte `offset`, and the first at
  // or after it (`offset` itself when it is one).
  std::size_t at_or_before(std::size_t offset);
  std::size_t at_or_after(std::size_t offset);

 private:
  struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
  };
  std::unique_ptr<UText, UTextCloser> text_;
  std::unique_ptr<icu::BreakIterator> iterator_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_GRAPHEME_CLUSTERS_H
