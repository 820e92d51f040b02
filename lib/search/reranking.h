// Bonuses that need positions (words in sequence or near each other) are
// weighed in a second pass over the best candidates of the first, ranked by
// the words alone, instead of for every article that matches: a pasted
// sentence of common words matches most of an index, and reading their
// positions in every match cost ten times the rest of the search.
//
// The second pass weighs only what the whole query adds to the first's
// weight (the bonuses, a long query's other words), for the candidates
// alone, and adds it: less to weigh than the whole query again, and the sum
// is the whole query's weight (tests/search: AReRankedScoreIsWhatTheWhole-
// QueryWeighs). The candidates keep the translation the first pass chose.
// Both passes are plain Xapian queries (the second over boolean id terms),
// so one database and any number of shards rank alike.
#ifndef KBSEARCH_LIB_SEARCH_RERANKING_H
#define KBSEARCH_LIB_SEARCH_RERANKING_H

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace kbsearch::search {

// How many of the first pass's best go to the second. A page past it
// reranks the next multiple of it, so that pages agree with each other.
inline constexpr std::size_t kRerankDepth = 100;
std::size_t rerank_depth(std::size_t offset, std::size_t limit);

// The articles of these ids, each weighed by the `extras` it matches (each
// its own OP_AND_MAYBE: Xapian 1.4 weighs an OR of positional queries also
// where some positions do not match).
Xapian::Query extras_of(const std::vector<std::string>& ids, const std::vector<Xapian::Query>& extras);

}  // namespace kbsearch::search

#endif  // KBSEARCH_LIB_SEARCH_RERANKING_H
