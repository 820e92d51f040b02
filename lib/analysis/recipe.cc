#include "analysis/recipe.h"

namespace kbsearch::analysis {

Recipe recipe_for(std::string_view lang) {
  Recipe r;
  r.lang = std::string(lang);
  if (lang == "th") {
    // Thai: no spaces between words; ICU's dictionary finds them, and the
    // user's word list keeps chosen compounds whole. No Snowball stemmer
    // exists and Thai does not inflect. Thai marks are letters, never folded.
    return r;
  }
  if (lang == "sv") {
    // Swedish: compounds split into dictionary parts; Snowball stemmer,
    // after the definite forms it leaves whole (lösenordet) are taken back
    // to their dictionary word; accents folded except å, ä and ö, letters
    // of their own (kör != kor).
    r.split_compounds = true;
    r.snowball = true;
    r.swedish_definite = true;
    r.fold_accents = true;
    r.keep_letters = "åäö";
    return r;
  }
  if (lang == "tr") {
    // Turkish: I -> ı and İ -> i; suffixes after an apostrophe dropped;
    // Snowball stemmer run to a fixed point, since one pass stops at
    // different layers for different forms; ç ğ ı ö ş ü folded for users
    // who type without them (kullanici finds kullanıcı).
    r.casing_locale = "tr";
    r.strip_apostrophe_suffix = true;
    r.snowball = true;
    r.stem_passes = StemPasses::kFixedPointKeepFourLetters;
    r.fold_accents = true;
    r.folded_stem_passes = StemPasses::kFixedPointKeepFourLetters;
    return r;
  }
  if (lang == "sw") {
    // Swahili: no Snowball stemmer; words indexed as written, folded.
    // (A light stemmer waits for a Swahili relevance set to prove it helps.)
    r.fold_accents = true;
    return r;
  }
  if (lang == "pt") {
    // Portuguese: Snowball stemmer; accents folded (atualizacoes finds
    // atualizações), the folded form stemmed to a fixed point so that
    // atualizacoes and atualização meet.
    r.snowball = true;
    r.fold_accents = true;
    r.folded_stem_passes = StemPasses::kFixedPoint;
    return r;
  }
  // Any other language: the generic recipe, with Snowball where it exists
  // and Turkish i rules for Azerbaijani.
  if (lang == "az") r.casing_locale = "tr";
  r.snowball = true;
  r.fold_accents = true;
  return r;
}

}  // namespace kbsearch::analysis
