// The analysis recipe of each language: which stages run, with what data.
//
// Every recipe is  normalize -> segment -> join -> case -> split -> stop
// -> stem -> fold  (see include/kbsearch/analyzer.h for what each does).
// What differs by language is written in recipe.cc, one readable entry per
// language, so that adding a language means adding an entry there (and
// golden rows in tests/analysis/).
#ifndef KBSEARCH_LIB_ANALYSIS_RECIPE_H
#define KBSEARCH_LIB_ANALYSIS_RECIPE_H

#include <string>
#include <string_view>

#include "analysis/stemmer.h"

namespace kbsearch::analysis {

struct Recipe {
  std::string lang;                      // ISO 639-1 code, or "und"
  std::string casing_locale;             // "tr": Turkish dotted and dotless i
  bool strip_apostrophe_suffix = false;  // SLA'lar -> sla
  bool split_compounds = false;          // Swedish dictionary decompounding
  bool snowball = false;                 // Snowball stemmer for `lang`, if one exists
  bool swedish_definite = false;         // lösenordet stemmed as lösenord (swedish_definite.h)
  StemPasses stem_passes = StemPasses::kOne;
  bool fold_accents = false;             // index accent-folded variants too
  StemPasses folded_stem_passes = StemPasses::kOne;  // for the folded word
  std::string keep_letters;              // letters folding keeps, e.g. "åäö"
};

// The recipe for `lang`: tuned for th, sv, tr, sw and pt; the generic one
// for any other code.
Recipe recipe_for(std::string_view lang);

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_RECIPE_H
