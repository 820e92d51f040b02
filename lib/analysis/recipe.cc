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

// A user's keep-whole list, where one is given: after the Turkish
// suffixes, before compound splitting, so a listed word is split as the
// whole it is. Its words are case-folded as the chain folds.
void add_keep_whole(Chain& c, const AnalyzerOptions& options) {
  if (options.keep_whole.empty()) return;
  std::unordered_set<std::string> words;
  for (const auto& w : options.keep_whole) {
    std::string folded = c.forms().case_fold(w);
    if (!folded.empty()) words.insert(std::move(folded));
  }
  c.add(std::make_unique<WordMerger>(std::move(words)));
}

}  // namespace

std::unique_ptr<Chain> chain_for(std::string_view lang, const AnalyzerOptions& options) {
  auto chain = std::make_unique<Chain>(std::string(lang));
  // Every chain starts with its tokenizer (normalize, segment); what
  // follows, filter by filter, is written out for each language.
  Chain& c = *chain;
  TermForms& forms = c.forms();
  if (lang == "th") {
    // Thai: no spaces between words; ICU's dictionary finds them, and the
    // user's word list keeps chosen compounds whole. No Snowball stemmer
    // exists and Thai does not inflect. Thai marks are letters, never folded.
    c.add(std::make_unique<TokenJoiner>());
    c.add(std::make_unique<CaseFilter>(forms, ""));
    add_keep_whole(c, options);
    c.add(FormsFilter::stop(forms, lang));
    return chain;
  }
  if (lang == "sv") {
    // Swedish: compounds split into dictionary parts; Snowball stemmer,
    // after the definite forms it leaves whole (lösenordet) are taken back
    // to their dictionary word; accents folded except å, ä and ö, letters
    // of their own (kör != kor).
    c.add(std::make_unique<TokenJoiner>());
    c.add(std::make_unique<CaseFilter>(forms, ""));
    add_keep_whole(c, options);
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
    c.add(std::make_unique<TokenJoiner>());
    c.add(std::make_unique<CaseFilter>(forms, "tr"));
    c.add(std::make_unique<ApostropheSplitter>());
    add_keep_whole(c, options);
    c.add(FormsFilter::stop(forms, lang));
    c.add(FormsFilter::stem(forms, lang, StemPasses::kFixedPointKeepFourLetters, false));
    c.add(FormsFilter::fold(forms, "", StemPasses::kFixedPointKeepFourLetters));
    return chain;
  }
  if (lang == "sw") {
    // Swahili: no Snowball stemmer; words indexed as written, folded.
    // (A light stemmer waits for a Swahili relevance set to prove it helps.)
    c.add(std::make_unique<TokenJoiner>());
    c.add(std::make_unique<CaseFilter>(forms, ""));
    add_keep_whole(c, options);
    c.add(FormsFilter::stop(forms, lang));
    c.add(FormsFilter::fold(forms, "", StemPasses::kOne));
    return chain;
  }
  if (lang == "pt") {
    // Portuguese: Snowball stemmer; accents folded (atualizacoes finds
    // atualizações), the folded form stemmed to a fixed point so that
    // atualizacoes and atualização meet.
    c.add(std::make_unique<TokenJoiner>());
    c.add(std::make_unique<CaseFilter>(forms, ""));
    add_keep_whole(c, options);
    c.add(FormsFilter::stop(forms, lang));
    c.add(FormsFilter::stem(forms, lang, StemPasses::kOne, false));
    c.add(FormsFilter::fold(forms, "", StemPasses::kFixedPoint));
    return chain;
  }
  // Any other language: the generic chain, with Snowball where it exists
  // and Turkish i rules for Azerbaijani.
  c.add(std::make_unique<TokenJoiner>());
  c.add(std::make_unique<CaseFilter>(forms, lang == "az" ? "tr" : ""));
  add_keep_whole(c, options);
  c.add(FormsFilter::stop(forms, lang));
  c.add(FormsFilter::stem(forms, lang, StemPasses::kOne, false));
  c.add(FormsFilter::fold(forms, "", StemPasses::kOne));
  return chain;
}

}  // namespace kbsearch::analysis
