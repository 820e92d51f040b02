// `kbsearch check`: every database of an index directory checked as Xapian
// checks its own tables, with the stub and the schema, so that damage is
// found on a schedule rather than by the first search that meets it.
#ifndef KBSEARCH_LIB_INDEX_INDEX_CHECK_H
#define KBSEARCH_LIB_INDEX_INDEX_CHECK_H

#include <string>

#include "kbsearch/index_report.h"

namespace kbsearch::index {

CheckReport check_index(const std::string& dir);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_INDEX_CHECK_H
