// Stage "join": words written with '-' or '_' between their pieces (E-40213,
// e-post, COVID-19, RESET_LINK_EXPIRED; full-width and typographic hyphens
// too) are also one word, spelled without the separators (e40213, epost,
// resetlinkexpired), so a user finds them however they type them. The whole
// word comes first; its pieces follow as parts at the same position. An
// e-mail address (no-reply@orbit.example) stays one word, as written.
#ifndef KBSEARCH_LIB_ANALYSIS_TOKEN_JOINER_H
#define KBSEARCH_LIB_ANALYSIS_TOKEN_JOINER_H

#include <string_view>
#include <vector>

#include "analysis/token_insertion.h"
#include "kbsearch/analyzer.h"

namespace kbsearch::analysis {

// `text` is the original input the tokens' offsets point into; `wholes` is
// working space, reused from call to call.
void join_hyphenated(std::string_view text, std::vector<Token>& tokens,
                     std::vector<Insertion>& wholes);

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_TOKEN_JOINER_H
