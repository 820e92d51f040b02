// Stage 4: Snowball stemming through Xapian::Stem, for languages that have a
// Snowball stemmer (Swedish, Turkish, Portuguese, and many generic ones).
// Thai and Swahili have none; their recipes skip this stage.
#ifndef KBSEARCH_LIB_ANALYSIS_STEMMER_H
#define KBSEARCH_LIB_ANALYSIS_STEMMER_H

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace kbsearch::analysis {

class Stemmer {
 public:
  // A stemmer for ISO 639-1 `lang`, or a disabled one when Snowball has none.
  explicit Stemmer(std::string_view lang);

  bool enabled() const { return enabled_; }

  // The stem of a case-folded word; only call when enabled().
  const std::string& stem(const std::string& word);

 private:
  // Snowball's Turkish stemmer costs about a microsecond a word, several
  // times ICU's segmentation; words repeat (Zipf), so remembering recent
  // stems removes most of that cost. Bounded: cleared when full.
  static constexpr std::size_t kCacheLimit = 1 << 16;
  std::unordered_map<std::string, std::string> cache_;
  Xapian::Stem stem_;
  bool enabled_ = false;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_STEMMER_H
