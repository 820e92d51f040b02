// Stage "stop": the stop words of each tuned language. Stop words are still
// indexed (so phrases keep their positions) but a query does not require
// them, unless the query has nothing else.
#ifndef KBSEARCH_LIB_ANALYSIS_STOPWORDS_H
#define KBSEARCH_LIB_ANALYSIS_STOPWORDS_H

#include <string>
#include <string_view>
#include <unordered_set>

namespace kbsearch::analysis {

// The case-folded stop words of `lang`; empty for languages without a list.
const std::unordered_set<std::string>& stopwords(std::string_view lang);

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_STOPWORDS_H
