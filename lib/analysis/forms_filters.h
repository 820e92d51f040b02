// Stages "stop", "stem" and "fold": each gives its token one of its term's
// forms, which the end of the chain copies into the Token. The forms are
// computed once per term by TermForms (term_forms.h), which each filter
// tells as it is built what to compute: the stop list, the stemmer, the
// folding. A token whose term the split stage changed or made (a Turkish
// base word, a compound part, a word kept whole) has its forms looked up
// here; every other one brings those of its word from the case filter.
#ifndef KBSEARCH_LIB_ANALYSIS_FORMS_FILTERS_H
#define KBSEARCH_LIB_ANALYSIS_FORMS_FILTERS_H

#include <memory>
#include <string_view>

#include "analysis/stemmer.h"
#include "analysis/term_forms.h"
#include "analysis/token_filter.h"

namespace kbsearch::analysis {

// One filter class for the three: they differ only in the form they give.
class FormsFilter final : public TokenFilter {
 public:
  // Stop words are marked (stopwords.h): indexed, but not required in queries.
  static std::unique_ptr<TokenFilter> stop(TermForms& forms, std::string_view lang) {
    forms.use_stopwords(lang);
    return std::unique_ptr<TokenFilter>(new FormsFilter(forms, StreamToken::kStop));
  }
  // Snowball stems (stemmer.h), where Snowball has a stemmer for `lang`.
  static std::unique_ptr<TokenFilter> stem(TermForms& forms, std::string_view lang, StemPasses passes,
                                           bool swedish_definite) {
    forms.use_stemmer(lang, passes, swedish_definite);
    return std::unique_ptr<TokenFilter>(new FormsFilter(forms, StreamToken::kStem));
  }
  // Accent-folded variants (accent_folder.h); after stem, whose stemmer
  // also stems the folded word.
  static std::unique_ptr<TokenFilter> fold(TermForms& forms, std::string_view keep_letters,
                                           StemPasses folded_stem_passes) {
    forms.use_folding(keep_letters, folded_stem_passes);
    return std::unique_ptr<TokenFilter>(new FormsFilter(forms, StreamToken::kFold));
  }

  const char* stage() const override {
    return form_ == StreamToken::kStop ? "stop" : form_ == StreamToken::kStem ? "stem" : "fold";
  }

  void push(StreamToken& token) override {
    if (token.forms == nullptr) token.forms = &forms_.forms(token.term);
    token.forms_given |= gives_;
    emit(token);
  }

  // Stop, stem and fold follow one another: without explain()'s hooks
  // between them, the first gives all three forms.
  bool fuse(TokenFilter& next) override {
    const auto* forms = dynamic_cast<const FormsFilter*>(&next);
    if (forms == nullptr || &forms->forms_ != &forms_) return false;
    gives_ |= forms->gives_;
    return true;
  }

 private:
  FormsFilter(TermForms& forms, StreamToken::Form form) : forms_(forms), form_(form) {}

  void forget() override { gives_ = form_; }

  TermForms& forms_;
  StreamToken::Form form_;
  unsigned char gives_ = form_;  // form_, and the forms of the filters fused
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_FORMS_FILTERS_H
