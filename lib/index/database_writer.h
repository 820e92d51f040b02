// Writing one database of an index: the whole index, or one shard of it.
//
// A DatabaseWriter owns one index directory (its generations and writer
// lock, see generations.h) and brings it in step with the article files of
// a walk: incremental, atomic, safe to kill, never losing an article to bad
// input (kbsearch/indexer.h says what each means). A shard's writer keeps
// only the articles whose id routes to its shard (shard_layout.h) and leaves
// the others to their own shards' writers.
#ifndef KBSEARCH_LIB_INDEX_DATABASE_WRITER_H
#define KBSEARCH_LIB_INDEX_DATABASE_WRITER_H

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>

#include "index/analysis_config.h"
#include "index/file_walker.h"
#include "index/shard_layout.h"
#include "kbsearch/indexer.h"

namespace kbsearch::index {

class DatabaseWriter {
 public:
  // Opens or creates the index in `dir` and takes its lock (not for a dry
  // run). Throws as Indexer's constructor does.
  DatabaseWriter(const std::string& dir, const IndexOptions& options, ShardFilter filter);
  ~DatabaseWriter();
  DatabaseWriter(const DatabaseWriter&) = delete;
  DatabaseWriter& operator=(const DatabaseWriter&) = delete;

  // With `hold`, the run stops short of making its changes visible (the
  // last commit of a run in place, the switch of a rebuild) and waits,
  // searchable through pending(), for publish_held() or abandon_held().
  IndexReport index(const WalkResult& walk, bool hold = false);
  const Xapian::Database& pending() const;
  int publish_held();   // returns the generation readers now open
  int abandon_held();   // drops the run's changes; returns the live generation
  // The quality check the live generation keeps, if any.
  const std::optional<QualityCheck>& stored_quality_check() const;

  // The documents API (kbsearch/indexer.h says what each does): put and
  // remove stage changes in a transaction of their own, which commit_staged
  // commits (switching readers, for a rebuild) and discard_staged cancels.
  void put(const Article& given);
  bool remove(const std::string& id);
  IndexReport commit_staged();
  void discard_staged();
  bool has_staged() const;

  // The keep-whole lists this database analyses with.
  const KeepWholeLists& keep_whole() const;

  // Switches readers of `dir` back to its previous generation; returns it.
  static int rollback(const std::string& dir, double wait_seconds);

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_DATABASE_WRITER_H
