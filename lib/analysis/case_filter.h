// Stage "case": each token's term becomes its case-folded form (see
// case_folder.h), looked up with its stop, stem and fold forms in one go
// (term_forms.h), so the stop, stem and fold filters only copy them out.
// A "word" of ignorable characters only (a lone soft hyphen) is no word:
// it goes no further.
#ifndef KBSEARCH_LIB_ANALYSIS_CASE_FILTER_H
#define KBSEARCH_LIB_ANALYSIS_CASE_FILTER_H

#include <string_view>

#include "analysis/term_forms.h"
#include "analysis/token_filter.h"

namespace kbsearch::analysis {

class CaseFilter final : public TokenFilter {
 public:
  // `casing_locale`: "tr" for Turkish dotted and dotless i, else empty.
  CaseFilter(TermForms& forms, std::string_view casing_locale) : forms_(forms) {
    forms_.use_casing(casing_locale);
  }

  const char* stage() const override { return "case"; }

  void push(StreamToken& token) override {
    const TermForms::Word& w = forms_.word(token.term);
    if (w.term.empty()) return;
    token.term = w.term;
    token.forms = &w.forms;
    emit(token);
  }

 private:
  TermForms& forms_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_CASE_FILTER_H
