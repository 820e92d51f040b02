// Text analysis: turns text in one language into the terms kbsearch indexes.
//
// The same Analyzer serves indexing and querying, so a query term and an
// indexed term always meet. Each language has one ordered chain: a tokenizer
// and small filters (see lib/analysis/recipe.cc), through these stages:
//
//   normalize   NFKC (Thai SARA AM kept composed, decomposed forms composed)
//   segment     ICU word break; dictionary for Thai
//   join        pieces joined by '-' or '_' also form one word (E-40213, e-post)
//   case        case folding; Turkish I -> ı, İ -> i; ’ -> '
//   split       language rules: Turkish apostrophe suffixes (SLA'lar -> sla),
//               words a user listed kept whole, Swedish compounds
//               (kundsupportförfrågningar -> kund, support, förfrågningar...)
//   stop        stop words are marked (indexed, but not required in queries)
//   stem        Snowball (sv, tr, pt, generic); Turkish to a fixed point
//   fold        accent-folded variants (atualizações -> atualizacoes), except
//               letters of the language's own alphabet (Swedish å ä ö)
//
// A language without a rule for a stage has no filter there (Thai has no
// stem or fold filter); explain() still names every stage.
// analyze() and explain() run the same chain: explain() only looks at the
// tokens between its stages, so what it shows is what is indexed.
//
// Every Token keeps the byte offsets of its text in the original input; no
// stage changes them, which is what makes snippets exact in every script.
//
// Thread safety: an Analyzer is not safe for concurrent use (it reuses ICU
// iterators and buffers); give each thread its own. Construction is cheap:
// the expensive ICU objects and dictionaries are built once per process.
// Copy: not copyable; movable.
#ifndef KBSEARCH_ANALYZER_H
#define KBSEARCH_ANALYZER_H

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kbsearch/export.h"
#include "kbsearch/options.h"
#include "kbsearch/token.h"

namespace kbsearch {

class KBSEARCH_EXPORT Analyzer {
 public:
  // `lang` is an ISO 639-1 code. th, sv, tr, sw and pt have tuned recipes;
  // any other code gets the generic ICU recipe (with a Snowball stemmer when
  // one exists for it). Throws LanguageError for a malformed code.
  explicit Analyzer(const std::string& lang, const AnalyzerOptions& options = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  const std::string& language() const;

  // Analyzes UTF-8 text. Invalid UTF-8 sequences are treated as separators,
  // never as crashes.
  std::vector<Token> analyze(std::string_view text);

  // The same analysis, with the text after "normalize" and the tokens after
  // every later stage; the last stage's tokens are what analyze() returns.
  std::vector<AnalysisStage> explain(std::string_view text);

  // The languages with a tuned recipe: {"pt", "sv", "sw", "th", "tr"}.
  static const std::vector<std::string>& tuned_languages();

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

// Identifies the language of a text. Returns an ISO 639-1 code (for example
// "sv"), or an empty string when the text is too short or too mixed to tell.
KBSEARCH_EXPORT std::string identify_language(std::string_view text);

}  // namespace kbsearch

#endif  // KBSEARCH_ANALYZER_H
