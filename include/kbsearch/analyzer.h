// Text analysis: turns text in one language into the terms kbsearch indexes.
//
// The same Analyzer serves indexing and querying, so a query term and an
// indexed term always meet. Each language has one recipe of small stages
// (see lib/analysis/recipe.cc):
//
//   normalize   NFKC (Thai SARA AM kept composed, decomposed forms composed)
//   segment     ICU word break; dictionary for Thai
//   join        pieces joined by '-' or '_' also form one word (E-40213, e-post)
//   case        case folding; Turkish I -> ı, İ -> i; ’ -> '
//   split       language rules: Turkish apostrophe suffixes (SLA'lar -> sla),
//               Swedish compounds (kundsupportförfrågningar -> kund, support,
//               förfrågningar...), words a user listed kept whole
//   stop        stop words are marked (indexed, but not required in queries)
//   stem        Snowball (sv, tr, pt, generic); Turkish to a fixed point
//   fold        accent-folded variants (atualizações -> atualizacoes), except
//               letters of the language's own alphabet (Swedish å ä ö)
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

namespace kbsearch {

struct Token {
  std::string text;         // the token exactly as it appears in the input
  std::string term;         // normalized, case-folded form: what exact search matches
  std::string stem;         // stemmed term; empty where the language has no stemmer
  std::string folded;       // accent-folded term; empty when it equals term
  std::string folded_stem;  // stem of the folded term; empty when it equals stem
  size_t start = 0;         // byte offset of text in the input
  size_t end = 0;           // byte offset one past the end of text
  unsigned position = 0;    // word position, counting from 0
  bool part = false;        // a part of the preceding word (compound part, piece of
                            // a hyphenated word), at that word's position
  bool stop = false;        // a stop word: indexed, but not required in queries
};

// What one stage of the pipeline produced, for `kbsearch analyze --explain`.
struct AnalysisStage {
  std::string name;           // "normalize", "segment", "join", "case", ...
  std::string text;           // for "normalize": the normalized text
  std::vector<Token> tokens;  // the tokens after this stage
};

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

  // The same analysis, with the tokens after every stage.
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
