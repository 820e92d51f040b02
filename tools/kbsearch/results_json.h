// Search results as JSON, one shape for every door that prints them:
// `search --json`, `search --queries`, `suggest --json` and `serve`.
#ifndef KBSEARCH_TOOLS_RESULTS_JSON_H
#define KBSEARCH_TOOLS_RESULTS_JSON_H

#include <nlohmann/json.hpp>
#include <vector>

#include "kbsearch/search_results.h"

namespace kbsearch::cli {

// [{value, count}], in the order given.
nlohmann::json facets_json(const std::vector<FacetCount>& counts);

// {query, query_languages, total, facets_exact, suggestion, phrases_as_words,
//  missing_shards, facets: {lang, tags}, hits: [...]}, as README documents.
nlohmann::json results_json(const SearchResults& results);

// {completions: [{query, word, frequency}], results: results_json(...)}
nlohmann::json suggestions_json(const Suggestions& suggestions);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_RESULTS_JSON_H
