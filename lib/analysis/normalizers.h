// The Unicode normalizers the analysis stages share, built once per process.
//
// Both are NFKC variants with one exception: THAI and LAO SARA AM (U+0E33,
// U+0EB3) are left composed. NFKC decomposes them into NIKHAHIT + SARA AA,
// a spelling no Thai writer types and ICU's Thai dictionary does not know,
// so every word with ำ (ทำ, สำคัญ, จำหน่าย...) would be cut into pieces.
#ifndef KBSEARCH_LIB_ANALYSIS_NORMALIZERS_H
#define KBSEARCH_LIB_ANALYSIS_NORMALIZERS_H

#include <unicode/uversion.h>

#include <string>
#include <string_view>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace kbsearch::analysis {

// NFKC, except for SARA AM: the text-level normalization before segmentation.
const icu::Normalizer2& search_nfkc();

// NFKC_Casefold, except for SARA AM: the per-word case folding.
const icu::Normalizer2& search_nfkc_casefold();

// Plain NFKC, for a quick check before search_nfkc() (see TextNormalizer).
const icu::Normalizer2& nfkc();

// Plain NFD, for the accent folder's decompositions.
const icu::Normalizer2& nfd();

// `text` (valid UTF-8) in NFC: the form an article id is kept in, so that a
// file name from macOS (NFD) and the same id typed elsewhere (NFC) are one.
std::string to_nfc(std::string_view text);

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_NORMALIZERS_H
