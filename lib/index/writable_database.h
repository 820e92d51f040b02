// Opening a Xapian database for writing with a flush batch.
//
// Xapian keeps a writer's changes in in-memory maps until it flushes them
// to the database files, by default every 10,000 documents, and within a
// transaction those flushed changes stay invisible until the commit. The
// batch is the writer's memory, and small batches are also faster: Xapian's
// change maps stay small enough for the cache (bench/RESULTS.md, issue 6).
#ifndef KBSEARCH_LIB_INDEX_WRITABLE_DATABASE_H
#define KBSEARCH_LIB_INDEX_WRITABLE_DATABASE_H

#include <xapian.h>

#include <cstddef>
#include <string>

namespace kbsearch::index {

// Opens (creating if missing) the database at `path`, flushing after every
// `flush_every` changed documents (0: Xapian's default). Xapian 1.4 takes
// the batch only from the environment variable XAPIAN_FLUSH_THRESHOLD,
// read while the database opens: it is set for that moment and restored
// after, so other writers of the process keep their own setting. A value
// the user set in the environment wins over `flush_every`, and then the
// environment is not touched (IndexOptions::flush_every says why that
// matters to a threaded application). There is no other way: Xapian 1.4
// has no API for the threshold, and without a flush inside the run's
// transaction a run holds up to 10,000 articles' changes in memory
// (bench/RESULTS.md: slower too); committing instead would show readers a
// half-done run.
Xapian::WritableDatabase open_writable(const std::string& path, std::size_t flush_every);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_WRITABLE_DATABASE_H
