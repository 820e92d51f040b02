// Stage 4: Snowball stemming through Xapian::Stem, for languages that have a
// Snowball stemmer (Swedish, Turkish, Portuguese, and many generic ones).
// Thai and Swahili have none; their recipes skip this stage.
#ifndef KBSEARCH_LIB_ANALYSIS_STEMMER_H
#define KBSEARCH_LIB_ANALYSIS_STEMMER_H

#include <xapian.h>

#include <string>
#include <string_view>

namespace kbsearch::analysis {

class Stemmer {
 public:
  // A stemmer for ISO 639-1 `lang`, or a disabled one when Snowball has none.
  explicit Stemmer(std::string_view lang);

  bool enabled() const { return enabled_; }

  // The stem of a case-folded word; only call when enabled().
  std::string stem(const std::string& word) const { return stem_(word); }

 private:
  Xapian::Stem stem_;
  bool enabled_ = false;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_STEMMER_H
