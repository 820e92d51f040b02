// A Searcher over a database the library holds open rather than over a
// path: an indexing run's uncommitted changes or unswitched generation,
// searched by its quality check exactly as readers will search them.
#ifndef KBSEARCH_LIB_SEARCH_SEARCHER_ACCESS_H
#define KBSEARCH_LIB_SEARCH_SEARCHER_ACCESS_H

#include <xapian.h>

#include <string>

#include "kbsearch/searcher.h"

namespace kbsearch {

struct SearcherAccess {
  // `db` must outlive the Searcher; it is never reopened. `name` is the
  // index as messages name it.
  static Searcher over(const Xapian::Database& db, const std::string& name);
};

}  // namespace kbsearch

#endif  // KBSEARCH_LIB_SEARCH_SEARCHER_ACCESS_H
