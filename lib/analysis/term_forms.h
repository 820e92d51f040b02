// The case, stop, stem and fold forms of a word, computed once and
// remembered: words repeat, so the case filter's one lookup of a word as
// segmented gives its case-folded term and that term's stop, stem and fold
// forms together, and the stop, stem and fold filters only copy them out.
// Each filter, as the chain is built, says which forms there are (no stem
// without a stem filter), so the chain in recipe.cc stays the one place a
// language's analysis is written.
#ifndef KBSEARCH_LIB_ANALYSIS_TERM_FORMS_H
#define KBSEARCH_LIB_ANALYSIS_TERM_FORMS_H

#include <string>
#include <string_view>
#include <unordered_set>

#include "analysis/accent_folder.h"
#include "analysis/case_folder.h"
#include "analysis/stemmer.h"
#include "util/flat_string_map.h"

namespace kbsearch::analysis {

class TermForms {
 public:
  struct Forms {
    bool stop = false;
    std::string stem, folded, folded_stem;  // empty as in Token
  };
  // A word as the case filter makes it: its term (empty for a "word" of
  // ignorable characters, such as a lone soft hyphen) and that term's forms.
  struct Word {
    std::string term;
    Forms forms;
  };

  TermForms();

  // Set up by the filters, before the first call.
  void use_casing(std::string_view casing_locale);  // "tr": Turkish i rules
  void use_stopwords(std::string_view lang);
  // `swedish_definite`: a Swedish definite form is stemmed, folded or not,
  // as its indefinite word (swedish_definite.h).
  void use_stemmer(std::string_view lang, StemPasses passes, bool swedish_definite);
  // Accents folded but for `keep_letters`; the folded word stemmed with the
  // stemmer's language and `folded_stem_passes`.
  void use_folding(std::string_view keep_letters, StemPasses folded_stem_passes);

  // Before each call: the caches are bounded by clearing them when full,
  // and only between calls, so that what they gave stays valid through one.
  void begin_call();

  // The case-folded form of a word, uncached (for word lists).
  std::string case_fold(std::string_view word);

  const Word& word(std::string_view segmented);
  const Forms& forms(std::string_view term);

 private:
  Forms compute(const std::string& term);

  CaseFolder case_folder_;
  const std::unordered_set<std::string>* stops_;
  std::string stem_lang_;
  bool swedish_definite_ = false;
  Stemmer stemmer_;
  bool fold_accents_ = false;
  AccentFolder accents_;
  Stemmer folded_stemmer_;
  std::string scratch_;
  // An indexer holds one Analyzer per language and thread: at 65,536 words
  // the caches were half of an indexing run's heap after 100,000 articles,
  // and no faster on real text than at 16,384 (bench/RESULTS.md, 2026-12-02).
  static constexpr std::size_t kCacheLimit = 1 << 14;
  util::FlatStringMap<Word> words_;   // by the word as segmented
  util::FlatStringMap<Forms> forms_;  // by term, for terms the split stage made
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_TERM_FORMS_H
