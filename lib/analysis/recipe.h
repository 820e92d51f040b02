// The analysis recipe of each language: which stages run, in what order.
//
// Every recipe is  normalize (NFKC) -> segment (ICU word break)
// -> case-fold -> stem. What differs by language is written here, one
// readable entry per language, so that adding a language means adding one.
#ifndef KBSEARCH_LIB_ANALYSIS_RECIPE_H
#define KBSEARCH_LIB_ANALYSIS_RECIPE_H

#include <string>
#include <string_view>

namespace kbsearch::analysis {

struct Recipe {
  std::string lang;           // ISO 639-1 code, or "und"
  std::string casing_locale;  // locale whose case rules apply ("tr" for Turkish)
  bool snowball = false;      // run the Snowball stemmer for `lang`
};

// The recipe for `lang`: tuned for th, sv, tr, sw and pt; the generic one
// (Snowball when it knows the language) for any other code.
Recipe recipe_for(std::string_view lang);

// True for "und" and for two- or three-letter lowercase codes.
bool is_language_code(std::string_view lang);

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_RECIPE_H
