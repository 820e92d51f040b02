// Which languages a query is analysed for, and which translation the user
// prefers to read.
#ifndef KBSEARCH_LIB_SEARCH_QUERY_LANGUAGES_H
#define KBSEARCH_LIB_SEARCH_QUERY_LANGUAGES_H

#include <string>
#include <vector>

namespace kbsearch::search {

struct QueryLanguages {
  std::vector<std::string> languages;  // analyse the query for each of these
  std::string preferred;               // the query's language, when known
};

// The requested language when there is one. Else the query's language when
// its script tells it (Thai) or, for a query of a few words, when language
// identification is confident and the index has that language. Else every
// indexed language, none preferred. `indexed` is sorted.
QueryLanguages choose_query_languages(const std::string& query, const std::string& requested,
                                      const std::vector<std::string>& indexed);

}  // namespace kbsearch::search

#endif  // KBSEARCH_LIB_SEARCH_QUERY_LANGUAGES_H
