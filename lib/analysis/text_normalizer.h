// Stage 1: Unicode normalization of the whole text (NFKC, see normalizers.h), before
// segmentation, so full-width letters, ligatures and compatibility forms
// segment like their plain equivalents. Keeps an OffsetMap back to the input.
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

  // Returns the NFKC form of `text` (a view of `text` itself when it is
  // already normalized, which is the common case) and fills `map`.
  std::string_view normalize(std::string_view text, OffsetMap& map);

 private:
  const icu::Normalizer2* nfkc_;  // owned by ICU, shared process-wide
  std::string buffer_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_TEXT_NORMALIZER_H
