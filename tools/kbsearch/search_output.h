// How search results are printed, by `search` and by `suggest`.
#ifndef KBSEARCH_TOOLS_SEARCH_OUTPUT_H
#define KBSEARCH_TOOLS_SEARCH_OUTPUT_H

#include <nlohmann/json.hpp>

#include "kbsearch/searcher.h"

namespace kbsearch::cli {

// The results as `search --json` prints them.
nlohmann::json results_json(const SearchResults& results);

// The results for a person: ranked hits with their snippets, then facets.
void print_results(const SearchResults& results);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_SEARCH_OUTPUT_H
