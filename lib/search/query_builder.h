// Builds the Xapian query for a free-text query in one or more languages.
//
// For each language the query text goes through that language's Analyzer,
// the very one that indexed the articles, so query and index terms meet.
// Each word matches, in decreasing weight: its exact form, its stem, its
// accent-folded form, and the stem of that, in the title, headings, body
// and code (each field weighted by SearchOptions). A compound or hyphenated
// word also matches its parts, all of them. Stop words are not required.
// Words written without spaces between them (Thai) must appear in sequence
// (a phrase); in a long run, the sequence is preferred, not required. The
// words are OR-ed (BM25 ranks articles with more of them higher) and each
// language's part is filtered to that language's articles; the languages
// are OR-ed into one ranking. Only built-in Xapian operators are used, so
// the query runs unchanged over remote shards.
#ifndef KBSEARCH_LIB_SEARCH_QUERY_BUILDER_H
#define KBSEARCH_LIB_SEARCH_QUERY_BUILDER_H

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "analysis/analyzer_cache.h"
#include "kbsearch/searcher.h"
#include "search/snippet.h"

namespace kbsearch::search {

struct BuiltQuery {
  Xapian::Query query;                      // empty when no language found a word
  std::map<std::string, QueryTerms> terms;  // per language, for snippets
};

// Throws QueryError when the query has more words than options allow.
BuiltQuery build_query(const std::string& text, const std::vector<std::string>& languages,
                       const SearchOptions& options, analysis::AnalyzerCache& analyzers);

}  // namespace kbsearch::search

#endif  // KBSEARCH_LIB_SEARCH_QUERY_BUILDER_H
