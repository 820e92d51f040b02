// Reading an index as it is now: one database, a stub naming its current
// generation, or a stub listing a side database and local and remote shards
// (layout.h).
//
// An IndexReader opens what its path names and keeps it current for a
// long-lived reader: before each read, refresh() reopens at the latest
// commit (cheap when nothing changed), opens afresh when a rebuild switch or
// a rollback replaced a stub (its identity, below, changed), and, when some
// shards are remote, connects again every reconnect_seconds and after a
// shard went away, with replicas standing in (answering_shards.h).
//
// It lives in lib/shard rather than lib/index because reading an index is
// reading a stub of shards: one database is the case of no stub lines. The
// writers in lib/index need nothing of it.
//
// Not thread-safe: one per thread, as Xapian::Database.
#ifndef KBSEARCH_LIB_SHARD_INDEX_READER_H
#define KBSEARCH_LIB_SHARD_INDEX_READER_H

#include <xapian.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kbsearch::shard {

// As SearchOptions' fields of the same meaning (kbsearch/searcher.h), which
// give them their defaults.
struct ReaderOptions {
  unsigned timeout_ms;        // for a remote shard to connect and to answer
  bool allow_missing_shards;  // answer from the shards that answer
  double reconnect_seconds;   // how often remote shards are connected afresh
};

class IndexReader {
 public:
  // Opens the index at `path` (a directory or a stub file). Throws
  // IndexUnusableError when nothing there is an index, IndexVersionError
  // for another schema, ShardUnavailableError when a shard and all its
  // replicas do not answer (unless allowed), and Xapian's errors as they come.
  IndexReader(std::string path, ReaderOptions options);
  // Over a database the library holds open: never reopened.
  IndexReader(Xapian::Database held, std::string name);

  const std::string& path() const { return path_; }
  Xapian::Database& db() { return db_; }
  // The shard lines that no copy answered for (allow_missing_shards).
  const std::vector<std::string>& missing_shards() const { return missing_; }

  // Brings the reader to the index as it is now (see above). True when it
  // opened afresh, so that what was read from the old databases (such as
  // their analysis configuration) must be read again.
  bool refresh();
  // After a DatabaseModifiedError: the latest commit of the same databases.
  void reopen_at_latest() { db_.reopen(); }
  // A shard stopped answering during a read: open the shards that answer
  // now, with replicas standing in.
  void reconnect();
  // A read failed on a shard's connection: the next refresh() connects afresh.
  void lose_connection() { lost_connection_ = true; }

  // The generation an index directory's readers open; 0 for a stub file,
  // a sharded index or a held database.
  int generation() const;

 private:
  void open();
  void open_answering_shards();
  std::string current_stub_identity();

  std::string path_;
  ReaderOptions options_;
  Xapian::Database db_;
  std::string stub_identity_;  // of the stubs naming what db_ was opened at
  struct {
    std::string stat;  // the top stub's stat identity when its lines were read
    std::vector<std::string> lines;
  } top_stub_;
  bool lost_connection_ = false;  // a shard server went away: connect afresh
  std::vector<std::string> missing_;
  bool has_remote_shards_ = false;
  bool held_ = false;
  std::chrono::steady_clock::time_point opened_at_;
};

}  // namespace kbsearch::shard

#endif  // KBSEARCH_LIB_SHARD_INDEX_READER_H
