// The one place a Xapian::Error (which is not a std::exception) becomes a
// kbsearch error, with the context the caller was in.
#ifndef KBSEARCH_LIB_INDEX_XAPIAN_ERRORS_H
#define KBSEARCH_LIB_INDEX_XAPIAN_ERRORS_H

#include <xapian.h>

#include <string>

namespace kbsearch::index {

// Throws the kbsearch error matching `e`: IndexLockedError for a held write
// lock, IndexUnusableError for a missing, corrupt or foreign database, Error
// otherwise. `context` says what was being done ("opening index /x").
[[noreturn]] void rethrow_xapian_error(const Xapian::Error& e, const std::string& context);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_XAPIAN_ERRORS_H
