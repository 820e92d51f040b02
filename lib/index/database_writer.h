// Writing one database of an index: the whole index, or one shard of it.
//
// A DatabaseWriter owns one index directory (its generations and writer
// lock, see generations.h) and brings it in step with the article files of
// a walk: incremental, atomic, safe to kill, never losing an article to bad
// input (kbsearch/indexer.h says what each means). A shard's writer keeps
// only the articles whose id routes to its shard (shard/routing.h); the
// others are its shards' writers'. The walk itself is index_run.h's, which
// reads each file once for every writer of the run.
#ifndef KBSEARCH_LIB_INDEX_DATABASE_WRITER_H
#define KBSEARCH_LIB_INDEX_DATABASE_WRITER_H

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>

#include "index/analysis_config.h"
#include "index/analysis_pool.h"
#include "index/file_walker.h"
#include "kbsearch/article.h"
#include "kbsearch/index_report.h"
#include "kbsearch/options.h"
#include "shard/routing.h"

namespace kbsearch::index {

class DatabaseWriter {
 public:
  // Opens or creates the index in `dir` and takes its lock (not for a dry
  // run). Throws as Indexer's constructor does.
  DatabaseWriter(const std::string& dir, const IndexOptions& options, shard::ShardFilter filter);
  ~DatabaseWriter();
  DatabaseWriter(const DatabaseWriter&) = delete;
  DatabaseWriter& operator=(const DatabaseWriter&) = delete;

  // An indexing run over the files of a walk, in steps (index_run.h takes
  // them): begin_run; for each file of the walk, its previous document, and
  // unchanged(), or add() of its analysed article when this writer's filter
  // accepts its id, else elsewhere(); then end_run, or stop_run when a stop
  // was asked.
  struct Previous {         // the document a file produced last time
    Xapian::docid doc = 0;  // 0: none here
    std::string id;
    std::string source;  // its source value (schema.h)
  };
  void begin_run(const WalkResult& walk);
  Previous previous_of(const std::string& path);
  // True, and counted, when `previous` is this text analysed as this writer
  // would; `path` must outlive the run.
  bool unchanged(const Previous& previous, const std::string& path, const std::string& content_hash);
  void add(const AnalysisOutcome& outcome, const std::string& path, const Previous& previous,
           const std::string& content_hash);
  void elsewhere(const Previous& previous);
  // With `hold`, the run stops short of making its changes visible (the
  // last commit of a run in place, the switch of a rebuild) and waits,
  // searchable through pending(), for publish_held() or abandon_held().
  IndexReport end_run(const WalkResult& walk, bool hold);
  IndexReport stop_run();     // drops what is uncommitted
  IndexReport& run_report();  // so far: the run adds what no writer alone finds
  const IndexOptions& options() const;
  const std::string& config_fingerprint() const;
  const shard::ShardFilter& filter() const;

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
