// The links of an analysis chain (recipe.cc builds one per language): a
// token streams through the filters one at a time, each filter doing one
// thing to it and handing it, or what it made of it, to the next.
//
// Tokens travel as views, not strings: a filter changes a token by pointing
// its term at another spelling (the word cache's, a prefix of the term) and
// no string is copied until the chain's end turns the token into a Token.
// What a view points into lives at least until the filter that made it gets
// its next token; a filter that holds tokens back (apostrophe suffixes,
// keep-whole runs) holds only views into the input, the normalized text or
// the caches, which live for the whole call.
#ifndef KBSEARCH_LIB_ANALYSIS_TOKEN_FILTER_H
#define KBSEARCH_LIB_ANALYSIS_TOKEN_FILTER_H

#include <cstddef>
#include <string_view>

#include "analysis/term_forms.h"

namespace kbsearch::analysis {

struct StreamToken {
  std::size_t start = 0;  // byte offsets of the token's text in the input
  std::size_t end = 0;
  std::string_view term;
  bool part = false;                        // see Token::part
  const TermForms::Forms* forms = nullptr;  // the forms of `term`, where known
  // Which of the forms the stop, stem and fold filters gave the token.
  enum Form : unsigned char { kStop = 1, kStem = 2, kFold = 4 };
  unsigned char forms_given = 0;
};

// Where tokens go: the next filter, or the end of the chain.
class TokenStream {
 public:
  virtual ~TokenStream() = default;
  // A token, in order. The filter may change it before passing it on.
  virtual void push(StreamToken& token) = 0;
  // The end of the text: pass on what is held back, then finish the next.
  virtual void finish() = 0;
};

class TokenFilter : public TokenStream {
 public:
  // The stage of the analysis this filter belongs to ("join", "case",
  // "split", "stop", "stem", "fold"), which names what explain() shows.
  virtual const char* stage() const = 0;

  void connect(TokenStream& next) { next_ = &next; }
  // Before each text: `text` is the caller's input the offsets point into.
  void begin(std::string_view text) {
    text_ = text;
    forget();
  }
  // Called, after begin(), when `next` directly follows this filter and no
  // hook looks at the tokens between them: true when this filter took
  // next's work on for this text, so that the chain leaves `next` out. Each
  // filter is a call a token: fusing saves the calls, not the work.
  virtual bool fuse(TokenFilter& next) {
    static_cast<void>(next);
    return false;
  }
  void finish() override { next_->finish(); }

 protected:
  void emit(StreamToken& token) { next_->push(token); }
  // Drops what a call that threw left held back; undoes fuse().
  virtual void forget() {}

  std::string_view text_;

 private:
  TokenStream* next_ = nullptr;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_TOKEN_FILTER_H
