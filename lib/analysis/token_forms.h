// A token's accent-folded form and the stem of that, which the analyzer
// leaves empty where they equal the term and the stem, read back whole.
#ifndef KBSEARCH_LIB_ANALYSIS_TOKEN_FORMS_H
#define KBSEARCH_LIB_ANALYSIS_TOKEN_FORMS_H

#include <string>

#include "kbsearch/token.h"

namespace kbsearch::analysis {

inline const std::string& folded_form(const Token& t) { return t.folded.empty() ? t.term : t.folded; }
inline const std::string& folded_stem_form(const Token& t) { return t.folded_stem.empty() ? t.stem : t.folded_stem; }

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_TOKEN_FORMS_H
