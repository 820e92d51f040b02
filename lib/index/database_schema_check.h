// Checking that a database is a kbsearch index this version can use.
#ifndef KBSEARCH_LIB_INDEX_DATABASE_SCHEMA_CHECK_H
#define KBSEARCH_LIB_INDEX_DATABASE_SCHEMA_CHECK_H

#include <xapian.h>

#include <string>

namespace kbsearch::index {

// Throws IndexUnusableError naming `path` when `db` holds documents but was
// not written by kbsearch, or was written with another schema version.
void check_schema(const Xapian::Database& db, const std::string& path);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_DATABASE_SCHEMA_CHECK_H
