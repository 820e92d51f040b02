// Indexing Markdown articles into a kbsearch index.
//
// An index is a directory: the generations of a Xapian database and a stub
// file naming the current one, which is what searchers open. An Indexer
// takes the index's writer lock (a second one fails at once with
// IndexLockedError naming the holder's process id, or waits
// IndexOptions::wait_seconds) and keeps it until destroyed.
//
// index() reads the given files and directories, analyses changed articles
// on worker threads and writes them from one thread:
//   - incremental: an article stores its file's content hash and the
//     analysis version; an unchanged file is skipped without analysis, a
//     changed one replaced, an article whose file vanished from an indexed
//     directory deleted;
//   - atomic: by default the whole run is one Xapian transaction, so readers
//     see the index before the run or after it. With rebuild, the run works
//     on a copy (a new generation) and switches readers to it with one
//     atomic rename; the previous generation is kept for rollback(). With
//     commit_every, the run commits in batches: readers may see the first
//     batches before the run ends, each batch whole;
//   - safe to kill: a killed run leaves the last committed state, which
//     opens and answers queries; the next run finishes the job;
//   - bad input never loses data: a file that cannot be indexed is reported
//     (see FileError) and the article indexed from it before stays.
//
// put() and remove() are the documents API, for applications that keep
// their articles elsewhere (a database, a CMS): each article is given as
// Markdown text with its fields, analysed exactly as a file would be, and
// staged; commit() writes the staged changes as one atomic commit (readers
// see all of them or none), discard() drops them, and so does destroying
// the Indexer. Each id belongs to the source that put it in the index: an
// article read from a file changes only with its file (put() and remove()
// of its id throw InputError), an article put by the application only
// through put() and remove() (a file claiming its id is a FileError, and a
// run over files never deletes it). The index keeps the text of every put
// article, so that a change of keep-whole lists, of analysis version or of
// schema re-analyses put articles as it re-reads files.
//
// Thread safety: one thread at a time. Copy: not copyable; movable.
#ifndef KBSEARCH_INDEXER_H
#define KBSEARCH_INDEXER_H

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "kbsearch/article.h"
#include "kbsearch/export.h"
#include "kbsearch/index_report.h"
#include "kbsearch/options.h"

namespace kbsearch {

class KBSEARCH_EXPORT Indexer {
 public:
  // Opens or creates the index in directory `db_dir`. Throws
  // IndexLockedError if another process is writing to it, and
  // IndexUnusableError (IndexVersionError) if it is not a kbsearch index of
  // this version and options.rebuild is not set.
  explicit Indexer(const std::string& db_dir, IndexOptions options = {});
  ~Indexer();
  Indexer(Indexer&&) noexcept;
  Indexer& operator=(Indexer&&) noexcept;
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;

  // Indexes files (.md, .markdown, .txt) and directories (recursively).
  // Per-file problems go into the report; throws only when the index
  // itself fails, or when put() and remove() changes are staged (commit()
  // or discard() them first).
  IndexReport index(const std::vector<std::string>& paths);

  // Analyses `article` and stages it, replacing the article of that id.
  // Throws InputError (naming the id) for a missing or invalid id, text
  // that is not UTF-8, holds NUL bytes or is over max_file_bytes, broken
  // front matter or fields, an id owned by a file, or one that belongs to
  // a shard this Indexer does not write; nothing is staged then. Throws
  // Error for a dry run. Unchanged text and fields stage nothing.
  void put(const Article& article);
  void put(const std::string& id, const std::string& markdown);

  // Stages the removal of article `id`; false when the index (with the
  // changes staged so far) has no such article. Throws InputError when the
  // id is owned by a file.
  bool remove(const std::string& id);

  // Writes the changes staged by put() and remove() in one commit, and
  // returns them counted (added, updated, deleted, unchanged). With
  // IndexOptions::rebuild, readers switch to the new generation here. A
  // sharded index commits each shard's part atomically, shard by shard.
  IndexReport commit();

  // Drops the staged changes.
  void discard();

  // Checks the index in `db_dir` without writing to it or taking its lock:
  // its stub names a generation that exists, Xapian's own check of every
  // table of the live generation (of every local shard and the side
  // database, when sharded), and its schema. Remote shards are not checked
  // (run it on their hosts). Reads every table: minutes for a large index.
  static CheckReport check(const std::string& db_dir);

  // Switches readers of the index in `db_dir` back to the generation before
  // the current one and returns its number. Throws Error when there is none.
  // A sharded index rolls back every local shard and its side database.
  static int rollback(const std::string& db_dir, double wait_seconds = 0);

  // For a sharded index whose shards are written elsewhere (each on its own
  // host with IndexOptions::shard): points the index in `db_dir` at its
  // shards and rebuilds its side database from them (their spelling words,
  // their keep-whole lists, which must agree, and `options.synonyms`).
  // Returns the number of spelling words. Throws InputError, changing
  // nothing, when `db_dir` holds an unsharded index of its own.
  static std::size_t update_side(const std::string& db_dir, const SideOptions& options);

  // The directory of shard `shard` (1..shards) of the index in `db_dir`: an
  // ordinary index directory, which is what a shard server serves.
  static std::string shard_directory(const std::string& db_dir, unsigned shard, unsigned shards);

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace kbsearch

#endif  // KBSEARCH_INDEXER_H
