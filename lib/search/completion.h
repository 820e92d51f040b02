// Search as you type: the unfinished last word of a typed query and the
// index's words it may become (Searcher::suggest).
//
// The last word is what follows the last space, unless the query ends in a
// space (the word is finished), in an operator's character (`pass*`, a
// closing quote or parenthesis), is an operator (AND, OR) or a filter's
// value (lang:, tag:, group:). It is analysed as the index analysed
// articles, for each language the query is analysed for, and its folded
// form is the key completions are looked up by (index/completions.h), so
// case and accents typed or not find the same words. In a Thai run typed
// without spaces the unfinished word is the last segment, and maybe more
// than one (the dictionary splits a half-typed word: ประกั -> ประ|กั), so
// the longest tail of segments that completes wins; a segment after a Thai
// word completes to the words that follow that word in articles (counted
// as pairs, prefix::kWordPair), when there are any. When no tail completes,
// the run may have been cut across its words (สมัครบัญ -> สมัค|รบัญ), and a
// word of the articles followed by the start of the next one is looked for.
#ifndef KBSEARCH_LIB_SEARCH_COMPLETION_H
#define KBSEARCH_LIB_SEARCH_COMPLETION_H

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/analyzer_cache.h"
#include "kbsearch/search_results.h"

namespace kbsearch::search {

// At most `limit` completions of `query`'s last word, most frequent first,
// analysed for each of `languages`.
std::vector<Completion> complete_last_word(const std::string& query, const std::vector<std::string>& languages,
                                           analysis::AnalyzerCache& analyzers, const Xapian::Database& db,
                                           std::size_t limit);

}  // namespace kbsearch::search

#endif  // KBSEARCH_LIB_SEARCH_COMPLETION_H
