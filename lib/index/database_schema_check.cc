#include "index/database_schema_check.h"

#include "index/schema.h"
#include "kbsearch/error.h"
#include "kbsearch/version.h"

namespace kbsearch::index {

void check_schema(const Xapian::Database& db, const std::string& path) {
  const std::string stored = db.get_metadata(kSchemaKey);
  if (stored.empty()) {
    if (db.get_doccount() == 0) return;  // a new, empty index
    throw IndexUnusableError(path + " is a Xapian database but not a kbsearch index");
  }
  if (stored != std::to_string(kIndexSchemaVersion)) {
    throw IndexVersionError(path + " was written with index schema " + stored +
                            " but this kbsearch uses schema " + std::to_string(kIndexSchemaVersion) +
                            "; rebuild it with 'kbsearch index --rebuild --db DIR PATH...'");
  }
}

}  // namespace kbsearch::index
