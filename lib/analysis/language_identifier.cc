// Language identification with CLD2 (Compact Language Detector 2): a small,
// fast, well-tested n-gram model that knows all five of our languages.
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>

#include <string>

#include "analysis/language_tag.h"
#include "kbsearch/analyzer.h"

namespace kbsearch {

std::string identify_language(std::string_view text) {
  bool reliable = false;
  CLD2::Language top3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  int valid_prefix_bytes = 0;
  const CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, nullptr, 0, top3,
      percent3, scores3, nullptr, &text_bytes, &reliable, &valid_prefix_bytes);
  if (lang == CLD2::UNKNOWN_LANGUAGE || !reliable) return {};
  // CLD2 may answer with a script or region ("zh-Hant"), or a code of its
  // own for a rare language; keep the language, when ICU knows it.
  return analysis::language_of_tag(CLD2::LanguageCode(lang)).value_or("");
}

}  // namespace kbsearch
