// Stage "normalize": Unicode normalization of the whole text before
// segmentation, so full-width letters, ligatures and compatibility forms
// segment like their plain equivalents:
//   - NFKC, except that SARA AM stays composed (see normalizers.h);
//   - Thai and Lao SARA AM typed as two characters (NIKHAHIT + SARA AA,
//     U+0E4D U+0E32) is composed to the one character (U+0E33) that the
//     dictionary and every Thai reader expects.
// Keeps an OffsetMap back to the input.
#ifndef KBSEARCH_LIB_ANALYSIS_TEXT_NORMALIZER_H
#define KBSEARCH_LIB_ANALYSIS_TEXT_NORMALIZER_H

#include <unicode/uversion.h>

#include <string>
#include <string_view>

#include "analysis/offset_map.h"

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace kbsearch::analysis {

class TextNormalizer {
 public:
  TextNormalizer();

  // Returns the normalized form of `text` (a view of `text` itself when it
  // is already normalized, which is the common case) and fills `map`.
  std::string_view normalize(std::string_view text, OffsetMap& map);

 private:
  const icu::Normalizer2* nfkc_;        // owned by ICU, shared process-wide
  const icu::Normalizer2* plain_nfkc_;  // likewise
  std::string nfkc_buffer_;
  std::string buffer_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_TEXT_NORMALIZER_H
