// The analysis configuration an index was built with (today: the words to
// keep whole, per language), stored in the index so that every searcher
// analyses queries exactly as the articles were analysed.
#ifndef KBSEARCH_LIB_INDEX_ANALYSIS_CONFIG_H
#define KBSEARCH_LIB_INDEX_ANALYSIS_CONFIG_H

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "kbsearch/analyzer.h"

namespace kbsearch::index {

using KeepWholeLists = std::map<std::string, std::vector<std::string>>;

KeepWholeLists load_keep_whole(const Xapian::Database& db);
void store_keep_whole(Xapian::WritableDatabase& db, const KeepWholeLists& lists);

// Analyzer options per language for these lists.
std::map<std::string, AnalyzerOptions> analyzer_options(const KeepWholeLists& lists);

// Changes whenever the lists change.
std::string fingerprint(const KeepWholeLists& lists);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_ANALYSIS_CONFIG_H
