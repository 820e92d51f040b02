// Text analysis: turns text in one language into the terms kbsearch indexes.
//
// The same Analyzer serves indexing and querying, so a query term and an
// indexed term always meet. Each language has one recipe of small stages:
//   normalize (NFKC) -> segment (ICU word break; dictionary for Thai)
//   -> case-fold (Turkish-aware) -> stem (Snowball, where one exists).
// Every Token keeps the byte offsets of its text in the original input; no
// stage changes them, which is what makes snippets exact in every script.
//
// Thread safety: an Analyzer is not safe for concurrent use (it reuses ICU
// iterators and buffers); give each thread its own. Construction is cheap:
// the expensive ICU objects are built once per process and cloned.
// Copy: not copyable; movable.
#ifndef KBSEARCH_ANALYZER_H
#define KBSEARCH_ANALYZER_H

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kbsearch {

struct Token {
  std::string text;    // the token exactly as it appears in the input
  std::string term;    // normalized, case-folded form: what exact search matches
  std::string stem;    // stemmed form, or empty where the language has no stemmer
  size_t start = 0;    // byte offset of text in the input
  size_t end = 0;      // byte offset one past the end of text
  unsigned position = 0;  // word position, counting from 0
};

class Analyzer {
 public:
  // `lang` is an ISO 639-1 code. th, sv, tr, sw and pt have tuned recipes;
  // any other code gets the generic ICU recipe (with a Snowball stemmer when
  // one exists for it). Throws LanguageError for a malformed code.
  explicit Analyzer(const std::string& lang);
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  const std::string& language() const;

  // Analyzes UTF-8 text. Invalid UTF-8 sequences are treated as separators,
  // never as crashes.
  std::vector<Token> analyze(std::string_view text);

  // The languages with a tuned recipe: {"pt", "sv", "sw", "th", "tr"}.
  static const std::vector<std::string>& tuned_languages();

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

// Identifies the language of a text. Returns an ISO 639-1 code (for example
// "sv"), or an empty string when the text is too short or too mixed to tell.
std::string identify_language(std::string_view text);

}  // namespace kbsearch

#endif  // KBSEARCH_ANALYZER_H
