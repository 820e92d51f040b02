#include "analysis/recipe.h"

namespace kbsearch::analysis {

Recipe recipe_for(std::string_view lang) {
  // Thai: no spaces between words; ICU's dictionary finds them. No
  // Snowball stemmer exists, and Thai does not inflect.
  if (lang == "th") return {"th", "", false};
  // Swedish: Snowball stemmer; å, ä and ö are letters of their own and are
  // never folded to a, o.
  if (lang == "sv") return {"sv", "", true};
  // Turkish: dotted and dotless i are different letters (I -> ı, İ -> i),
  // then Snowball's Turkish stemmer.
  if (lang == "tr") return {"tr", "tr", true};
  // Swahili: no Snowball stemmer; words are indexed as written, folded.
  if (lang == "sw") return {"sw", "", false};
  // Portuguese: Snowball stemmer.
  if (lang == "pt") return {"pt", "", true};
  // Any other language: the generic recipe, with Snowball where it exists
  // and the language's own casing rules (Azerbaijani shares Turkish i's).
  return {std::string(lang), lang == "az" ? "tr" : "", true};
}

bool is_language_code(std::string_view lang) {
  if (lang.size() < 2 || lang.size() > 3) return false;
  for (char c : lang) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace kbsearch::analysis
