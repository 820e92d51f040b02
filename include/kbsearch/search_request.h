// What one search asks (Searcher::search, Searcher::suggest).
#ifndef KBSEARCH_SEARCH_REQUEST_H
#define KBSEARCH_SEARCH_REQUEST_H

#include <cstddef>
#include <optional>
#include <string>

namespace kbsearch {

enum class SortOrder {
  kRelevance,  // best match first (default)
  kUpdated,    // most recently updated first, then best match
};

struct SearchRequest {
  std::string query;  // in the query language described in README.md
  // The user's language: the query is analysed for it alone, and its
  // translations are preferred. Empty: the query is analysed for every
  // indexed language it could be written in. (To see only one language's
  // articles, put lang:xx in the query.)
  std::string lang;
  std::size_t offset = 0;  // first hit to return (0-based rank)
  std::size_t limit = 10;  // number of hits to return
  SortOrder sort = SortOrder::kRelevance;
  // One hit per translation group (default), or every translation.
  bool all_translations = false;
  bool facets = true;    // count languages and tags (see facet_max_matches)
  bool snippets = true;  // build snippets and find the best section
  // For this request instead of the Searcher's SearchOptions of the same
  // name (see there); unset, the Searcher's. The hostile-query limits are
  // not here: they protect the server from its requests.
  std::optional<double> recency_bonus;
  std::optional<int> recency_days;
  std::optional<std::size_t> snippet_chars;
  std::optional<std::size_t> facet_max_matches;
  std::optional<std::string> mark_pre;
  std::optional<std::string> mark_post;
};

// Search as you type (Searcher::suggest): what the user has typed so far,
// whose last word may be unfinished.
struct SuggestRequest {
  std::string query;            // in the query language; its last word may be unfinished
  std::string lang;             // the user's language, as SearchRequest::lang (empty: any indexed language)
  std::size_t completions = 5;  // at most this many completions (at most 10)
  std::size_t limit = 5;        // top articles returned, for the first completion's query
  bool snippets = true;
};

}  // namespace kbsearch

#endif  // KBSEARCH_SEARCH_REQUEST_H
