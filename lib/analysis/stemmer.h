// Stage "stem": Snowball stemming through Xapian::Stem, for languages that
// have a Snowball stemmer (Swedish, Turkish, Portuguese, and many generic
// ones). Thai and Swahili have none; their recipes skip this stage.
//
// Snowball's Turkish stemmer takes off one layer of suffixes per call, so
// forms of one word can stop at different layers (kullanıcılar -> kullanıcı,
// kullanıcı -> kullanıç; güncellemeleri -> güncelleme, güncelleme ->
// güncelle). Stemming to a fixed point makes them meet (kullanıç, güncel).
// For Turkish a step that would leave fewer than four letters is not taken,
// the first one included: hata stays hata (Snowball says ha) and hataya
// meets it; bağlantı stays bağla instead of bak ("look"). The price: a word
// Snowball cuts below four letters in one step (durumda -> dur) keeps its
// full form and does not meet its bare form (durum).
#ifndef KBSEARCH_LIB_ANALYSIS_STEMMER_H
#define KBSEARCH_LIB_ANALYSIS_STEMMER_H

#include <xapian.h>

#include <string>
#include <string_view>

namespace kbsearch::analysis {

// How many times Snowball runs on a word.
enum class StemPasses {
  kOne,         // once, as Snowball means
  kFixedPoint,  // until the stem stops changing; later steps keep >= 4 letters
  kFixedPointKeepFourLetters,  // the same, and the first step too
};

class Stemmer {
 public:
  // A stemmer for ISO 639-1 `lang`, or a disabled one when Snowball has none.
  explicit Stemmer(std::string_view lang, StemPasses passes = StemPasses::kOne);

  bool enabled() const { return enabled_; }

  // The stem of a case-folded word; empty when disabled or when `word` is
  // not a word (numbers, codes, addresses are not stemmed). Not cached here:
  // Snowball's Turkish stemmer costs about a microsecond a word, so callers
  // remember results per term (the analyzer's forms cache, the
  // decompounder's split cache).
  std::string stem(const std::string& word) const;

 private:
  Xapian::Stem stem_;
  bool enabled_ = false;
  StemPasses passes_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_STEMMER_H
