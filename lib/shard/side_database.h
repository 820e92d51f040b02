// The side database of a sharded index (layout.h): what a search over
// several shards reads from the stub's first database only. It holds no
// articles: the schema mark, the keep-whole lists queries are analysed
// with, the synonyms, and the spelling dictionary and the completion
// entries (index/completions.h) of all the shards together. It is small, local
// to every searcher, and written in generations like an index, so a
// rebuild switches readers atomically.
#ifndef KBSEARCH_LIB_SHARD_SIDE_DATABASE_H
#define KBSEARCH_LIB_SHARD_SIDE_DATABASE_H

#include <xapian.h>

#include <optional>
#include <string>

#include "index/analysis_config.h"
#include "index/synonyms.h"

namespace kbsearch::shard {

// Gives the side database in `side_dir` its first generation (the schema
// mark alone) unless it has one.
void ensure_side_database(const std::string& side_dir);

// Writes a new generation of the side database in `side_dir` with the
// spelling dictionary of `shards` (every shard of the index, opened
// together), `keep_whole`, and `synonyms` (or, when not given, the current
// generation's), then switches readers to it, keeping the one before.
// Takes the side's writer lock.
void rebuild_side_database(const std::string& side_dir, const Xapian::Database& shards,
                           const index::KeepWholeLists& keep_whole,
                           const std::optional<index::SynonymTable>& synonyms, double wait_seconds);

}  // namespace kbsearch::shard

#endif  // KBSEARCH_LIB_SHARD_SIDE_DATABASE_H
