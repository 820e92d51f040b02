// The queries bench_search and bench_shards time, so that their figures are
// comparable: per kind (one-word, multi-word, phrase, filter-lang,
// filter-tag, prefix, typo, thai-no-spaces, sentence), one query in each of
// the five languages (three Thai runs typed without spaces; two 20-word
// sentences pasted from the generated articles per language).
#ifndef KBSEARCH_BENCH_QUERY_SETS_H
#define KBSEARCH_BENCH_QUERY_SETS_H

#include <map>
#include <string>
#include <vector>

#include "kbsearch/searcher.h"
#include "peers.h"

namespace kbsearch::bench {

// Kind -> its queries.
std::map<std::string, std::vector<QuerySpec>> query_sets();

// The query in kbsearch's query language.
SearchRequest kbsearch_request(const QuerySpec& q, const QueryOptions& options);

// The sample at quantile `p` (0..1), nearest rank.
double percentile(std::vector<double> samples, double p);

}  // namespace kbsearch::bench

#endif  // KBSEARCH_BENCH_QUERY_SETS_H
