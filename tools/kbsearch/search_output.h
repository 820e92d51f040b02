// How search results are printed for people, by `search` and by `suggest`
// (results_json.h has their JSON).
#ifndef KBSEARCH_TOOLS_SEARCH_OUTPUT_H
#define KBSEARCH_TOOLS_SEARCH_OUTPUT_H

#include <cstddef>

#include "kbsearch/search_results.h"

namespace kbsearch::cli {

// The results for a person: ranked hits with their snippets, then facets;
// titles and highlights in colour with `colour`, highlights in [brackets]
// without. `offset` is the request's, for saying that a page past the end
// is empty.
void print_results(const SearchResults& results, bool colour, std::size_t offset = 0);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_SEARCH_OUTPUT_H
