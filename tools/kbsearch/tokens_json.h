// Analyzer tokens as JSON, one shape for `analyze --json` and `serve`'s
// GET /analyze.
#ifndef KBSEARCH_TOOLS_TOKENS_JSON_H
#define KBSEARCH_TOOLS_TOKENS_JSON_H

#include <nlohmann/json.hpp>
#include <vector>

#include "kbsearch/token.h"

namespace kbsearch::cli {

// [{text, term, stem, folded, folded_stem, start, end, position, part, stop}]
nlohmann::json tokens_json(const std::vector<Token>& tokens);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_TOKENS_JSON_H
