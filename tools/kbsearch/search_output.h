// How search results are printed for people, by `search` and by `suggest`
// (results_json.h has their JSON).
#ifndef KBSEARCH_TOOLS_SEARCH_OUTPUT_H
#define KBSEARCH_TOOLS_SEARCH_OUTPUT_H

#include "kbsearch/searcher.h"

namespace kbsearch::cli {

// The results for a person: ranked hits with their snippets, then facets.
void print_results(const SearchResults& results);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_SEARCH_OUTPUT_H
