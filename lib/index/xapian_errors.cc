#include "index/xapian_errors.h"

#include <cerrno>
#include <cstring>

#include "kbsearch/error.h"

namespace kbsearch::index {

void rethrow_xapian_error(const Xapian::Error& e, const std::string& context) {
  const std::string detail = context + ": " + e.get_description();
  // Xapian::Error has no virtual functions, so dynamic_cast cannot tell the
  // subclasses apart; get_type() names them.
  const std::string type = e.get_type();
  if (type == "DatabaseLockError") {
    throw IndexLockedError(context + ": the index is locked by another writer; wait for the "
                                     "other 'kbsearch index' to finish");
  }
  // A full disk is no damage: the index stays as it was committed.
  if (detail.find(std::strerror(ENOSPC)) != std::string::npos) {
    throw Error(detail + " (the disk is full: free some space and run again; the index is as it was)");
  }
  // DatabaseError itself is what a damaged table gives ("EOF reading block").
  if (type == "DatabaseVersionError" || type == "DatabaseCorruptError" || type == "DatabaseError") {
    // Never "delete the directory": that would throw away the previous
    // generation, which is likely whole.
    throw IndexUnusableError(detail + " (go back to the previous generation with 'kbsearch rollback --db DIR', "
                                      "or rebuild from the articles with 'kbsearch index --rebuild --db DIR PATH...')");
  }
  if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError") {
    throw IndexUnusableError(detail + " (create it with 'kbsearch index --db DIR PATH...')");
  }
  if (type == "NetworkError" || type == "NetworkTimeoutError") {
    throw ShardUnavailableError(detail + " (a shard server is down or unreachable)");
  }
  throw Error(detail);
}

}  // namespace kbsearch::index
