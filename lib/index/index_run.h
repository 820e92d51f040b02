// One indexing run over the article files of a walk, feeding one writer or
// the writers of every shard of an index.
//
// Each file is read, hashed and, when changed, parsed and analysed once; its
// article goes to the writer whose shard filter accepts its id (routing.h),
// and every other writer that held the file's previous article drops it.
// The writers do the rest each in its own database (database_writer.h).
#ifndef KBSEARCH_LIB_INDEX_INDEX_RUN_H
#define KBSEARCH_LIB_INDEX_INDEX_RUN_H

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "index/database_writer.h"
#include "index/file_walker.h"
#include "kbsearch/index_report.h"

namespace kbsearch::index {

// `writers`: one database, one shard, or every shard in order; they share
// their options but for the progress callback and the stop flag of the
// first, which the run uses. With `hold`, as DatabaseWriter::end_run.
// Returns the report of one writer as it is, and of several as one: each
// file counted by the shard that owns it, each error and warning once.
// Throws IndexUnusableError when the writers analyse with different
// keep-whole lists.
IndexReport index_files(const WalkResult& walk, const std::vector<DatabaseWriter*>& writers, bool hold);

// Adds a shard's report to `total`, a run's over every shard: the counts
// and id lists, and each error and warning once (`reported` holds those
// added before).
void add_shard_report(IndexReport& total, std::set<std::pair<std::string, std::string>>& reported,
                      const IndexReport& shard);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_INDEX_RUN_H
