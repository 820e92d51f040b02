#include "analysis/recipe.h"

#include <string>
#include <unordered_set>

#include "analysis/apostrophe_splitter.h"
#include "analysis/case_filter.h"
#include "analysis/compound_parts.h"
#include "analysis/forms_filters.h"
#include "analysis/token_joiner.h"
#include "analysis/word_merger.h"

namespace kbsearch::analysis {
namespace {

// The words a user listed to keep whole, case-folded as the chain folds.
std::unordered_set<std::string> keep_whole_words(Chain& chain, const AnalyzerOptions& options) {
  std::unordered_set<std::string> words;
  for (const auto& w : options.keep_whole) {
    std::string folded = chain.forms().case_fold(w);
    if (!folded.empty()) words.insert(std::move(folded));
  }
  return words;
}

// Every chain starts the same: normalize and segment (the chain's
// tokenizer), join, case. Then comes the split stage, where the languages
// differ; a user's keep-whole list comes before compound splitting, so a
// listed word is split as the whole it is.
void add_join_case_and_keep_whole(Chain& c, std::string_view casing_locale, const AnalyzerOptions& options,
                                  bool apostrophe_suffixes) {
  c.add(std::make_unique<TokenJoiner>());
  c.add(std::make_unique<CaseFilter>(c.forms(), casing_locale));
  if (apostrophe_suffixes) c.add(std::make_unique<ApostropheSplitter>());
  if (!options.keep_whole.empty()) c.add(std::make_unique<WordMerger>(keep_whole_words(c, options)));
}

}  // namespace

std::unique_ptr<Chain> chain_for(std::string_view lang, const AnalyzerOptions& options) {
  auto chain = std::make_unique<Chain>(std::string(lang));
  Chain& c = *chain;
  TermForms& forms = c.forms();
  if (lang == "th") {
    // Thai: no spaces between words; ICU's dictionary finds them, and the
    // user's word list keeps chosen compounds whole. No Snowball stemmer
    // exists and Thai does not inflect. Thai marks are letters, never folded.
    add_join_case_and_keep_whole(c, "", options, false);
    c.add(FormsFilter::stop(forms, lang));
    return chain;
  }
  if (lang == "sv") {
    // Swedish: compounds split into dictionary parts; Snowball stemmer,
    // after the definite forms it leaves whole (lösenordet) are taken back
    // to their dictionary word; accents folded except å, ä and ö, letters
    // of their own (kör != kor).
    add_join_case_and_keep_whole(c, "", options, false);
    c.add(std::make_unique<CompoundParts>());
    c.add(FormsFilter::stop(forms, lang));
    c.add(FormsFilter::stem(forms, lang, StemPasses::kOne, /*swedish_definite=*/true));
    c.add(FormsFilter::fold(forms, "åäö", StemPasses::kOne));
    return chain;
  }
  if (lang == "tr") {
    // Turkish: I -> ı and İ -> i; suffixes after an apostrophe dropped;
    // Snowball stemmer run to a fixed point, since one pass stops at
    // different layers for different forms; ç ğ ı ö ş ü folded for users
    // who type without them (kullanici finds kullanıcı).
    add_join_case_and_keep_whole(c, "tr", options, true);
    c.add(FormsFilter::stop(forms, lang));
    c.add(FormsFilter::stem(forms, lang, StemPasses::kFixedPointKeepFourLetters, false));
    c.add(FormsFilter::fold(forms, "", StemPasses::kFixedPointKeepFourLetters));
    return chain;
  }
  if (lang == "sw") {
    // Swahili: no Snowball stemmer; words indexed as written, folded.
    // (A light stemmer waits for a Swahili relevance set to prove it helps.)
    add_join_case_and_keep_whole(c, "", options, false);
    c.add(FormsFilter::stop(forms, lang));
    c.add(FormsFilter::fold(forms, "", StemPasses::kOne));
    return chain;
  }
  if (lang == "pt") {
    // Portuguese: Snowball stemmer; accents folded (atualizacoes finds
    // atualizações), the folded form stemmed to a fixed point so that
    // atualizacoes and atualização meet.
    add_join_case_and_keep_whole(c, "", options, false);
    c.add(FormsFilter::stop(forms, lang));
    c.add(FormsFilter::stem(forms, lang, StemPasses::kOne, false));
    c.add(FormsFilter::fold(forms, "", StemPasses::kFixedPoint));
    return chain;
  }
  // Any other language: the generic chain, with Snowball where it exists
  // and Turkish i rules for Azerbaijani.
  add_join_case_and_keep_whole(c, lang == "az" ? "tr" : "", options, false);
  c.add(FormsFilter::stop(forms, lang));
  c.add(FormsFilter::stem(forms, lang, StemPasses::kOne, false));
  c.add(FormsFilter::fold(forms, "", StemPasses::kOne));
  return chain;
}

}  // namespace kbsearch::analysis
