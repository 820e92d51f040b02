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

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kbsearch/export.h"
#include "kbsearch/quality_check.h"

namespace kbsearch {

struct IndexProgress {
  std::size_t done = 0;   // files dealt with so far
  std::size_t total = 0;  // files found
  double seconds = 0;     // since the run started
};

struct IndexOptions {
  // Files larger than this are reported as errors rather than read.
  std::uint64_t max_file_bytes = 8u << 20;
  // Words to keep whole per language code, where segmentation would split
  // them (Thai: {"th", {"รหัสผ่าน", "ผู้ใช้"}}). Stored in the index, so that
  // searches analyse queries the same way. When empty, the lists stored by
  // earlier runs stay in force; when set, they replace them, and every
  // article of the index is re-analysed.
  std::map<std::string, std::vector<std::string>> keep_whole;
  // Synonyms per language code: groups of words or phrases (up to three
  // words) that mean the same ({"sv", {{"2fa", "tvåstegsverifiering"}}}).
  // A query for one member also finds the others, ranked a little below
  // its own words. Stored in the index; they change queries only, so
  // changing them re-analyses nothing. When empty, the synonyms stored by
  // earlier runs stay in force; when set, they replace them.
  std::map<std::string, std::vector<std::vector<std::string>>> synonyms;
  // Write a new generation, analysing every article afresh, and switch to
  // it atomically, keeping the previous one for rollback(). Also the way to
  // move an index written by another schema version to this one. The new
  // generation starts from a copy of the live one, so that articles of
  // files outside the paths given stay, as in a run in place.
  bool rebuild = false;
  // With rebuild: start from nothing instead of a copy of the live
  // generation (which a damaged live generation gets anyway), for when its
  // content cannot be trusted; articles of files outside the paths given
  // are not carried over (put articles are).
  bool from_source = false;
  // Report what would change without writing anything (no lock taken).
  bool dry_run = false;
  // Symbolic links to article files are followed inside the indexed
  // directory only; true: to files anywhere (never to devices or pipes).
  bool follow_links = false;
  // Directories nested deeper than this under an indexed directory are
  // reported and not walked (their articles already indexed stay).
  unsigned max_depth = 100;
  // Threads that parse and analyse articles; 0: one per core.
  unsigned threads = 0;
  // How long to wait for another writer's lock before giving up.
  double wait_seconds = 0;
  // 0: one commit at the end of the run. N: commit after every N changed
  // articles, bounding memory; readers then see the run in batches.
  std::size_t commit_every = 0;
  // Xapian holds this many changed articles in memory, then writes them to
  // the database files (inside the run's transaction, still invisible to
  // readers). It bounds the writer's memory whatever the size of the run,
  // and small batches are faster too (bench/RESULTS.md). 0: Xapian's
  // default (10,000). Set through the environment variable
  // XAPIAN_FLUSH_THRESHOLD while a database opens, and restored after; a
  // value the process environment already has wins.
  std::size_t flush_every = 250;
  // Sharding (README "Scaling out"). N > 0: the index in db_dir is N
  // shards, each article in the shard its id hashes to, plus a side
  // database holding what a search reads from one place (spelling,
  // synonyms, keep-whole lists). A new directory becomes one; an existing
  // one must already have N shards. 0: unsharded, or the stored count of a
  // directory that is sharded already.
  unsigned shards = 0;
  // With shards: write only this shard (1..shards), into
  // db_dir/shard-K-of-N, as the nightly job on the shard's own host does.
  // Articles of other shards are read, not analysed; the side database is
  // left to Indexer::update_side(). 0: every shard, then the side database.
  unsigned shard = 0;
  // Called on the indexing thread after each file.
  std::function<void(const IndexProgress&)> progress;
  // When set, and set to true while index() runs (from any thread, or a
  // signal handler: it is lock-free), the run stops at the next file: the
  // changes since its last commit are dropped (a rebuild's generation is
  // removed) and index() returns a report with `stopped` set, counting
  // only what was committed. With commit_every, or shards, that may be
  // some of the run's changes; otherwise, none.
  const std::atomic<bool>* stop = nullptr;
  // The quality gate (kbsearch/quality_check.h): index() runs it against
  // its changes before readers can see them, and when they fail it, commits
  // nothing and switches nothing (IndexReport::check says why). Set: stored
  // in the index, replacing the stored one, and run; an empty check removes
  // the stored one. Unset: the stored one runs, if any. Not with
  // commit_every, whose batches readers see before the run ends, unless
  // rebuild; put() and commit() are not checked.
  std::optional<QualityCheck> check;
};

// A file that was not indexed, and why. These are errors (exit code 1):
// a path that does not exist; a file that cannot be read, vanished during
// the run, is larger than max_file_bytes, contains NUL bytes, is not valid
// UTF-8, or has broken front matter; an id used by another file; a file or
// directory name that is not UTF-8 (named with \xNN escapes); a broken
// symbolic link, or one to a file outside the indexed directory (without
// follow_links) or to a device or pipe; a directory that cannot be listed
// or is nested deeper than max_depth (the articles indexed from it before
// stay: they are unknown, not gone). Skipped silently: files without an
// article extension (.md, .markdown, .txt) inside a directory, hidden files
// and directories (name starting with '.'), and symbolic links to
// directories (never followed, so link loops cannot trap a run).
struct FileError {
  std::string path;     // the file, as found under the path given to index()
  std::string message;  // why it was not indexed
};

struct IndexReport {
  std::size_t added = 0;      // articles new to the index
  std::size_t updated = 0;    // articles whose text (file or put) changed
  std::size_t deleted = 0;    // articles whose file disappeared, or removed
  std::size_t unchanged = 0;  // files skipped because their text and analysis are current
  // Articles of unchanged text analysed afresh: every one in a rebuild,
  // and each after a change of the analysis (keep_whole lists, version).
  std::size_t reanalysed = 0;
  std::size_t failed = 0;     // files that could not be indexed
  // Files whose articles belong to shards this run does not write (with
  // IndexOptions::shard); they are read but not analysed.
  std::size_t elsewhere = 0;
  std::vector<FileError> errors;
  // The ids of the articles counted in added, updated and deleted, sorted,
  // so that a nightly log can say what changed. An article whose id
  // changed (in its front matter) is its old id deleted and its new one
  // added.
  std::vector<std::string> added_ids, updated_ids, deleted_ids;
  // Not errors, things the run indexed that look like mistakes: two files
  // of the same text under different ids (the same export indexed twice),
  // each warning naming both.
  std::vector<FileError> warnings;
  bool dry_run = false;       // nothing was written
  // IndexOptions::stop stopped the run; the counts above are what it had
  // committed (errors and warnings: what it had found).
  bool stopped = false;
  int generation = 0;         // the generation readers now open
  // The quality gate's findings. When it failed, the counts above say what
  // the run would have changed, and readers still have the index they had.
  QualityReport check;
  // Wall time of the run, and of its parts: reading and hashing files,
  // parsing and analysing them (summed over threads), writing the index.
  double seconds = 0, read_seconds = 0, analyze_seconds = 0, write_seconds = 0;
};

// An article given by the application (Indexer::put). The fields other than
// id and markdown take the place of the front matter's field, when set.
struct Article {
  std::string id;        // required; unique in the index, at most 200 bytes
  std::string markdown;  // the text: Markdown, optionally with front matter
  std::string title;     // default: the front matter's, else the first heading
  std::string lang;      // "sv", "pt-BR"...; default: front matter's, else identified
  std::string updated;   // YYYY-MM-DD
  std::string group;     // translation group; default: the id
  std::vector<std::string> tags;  // non-empty: replaces the front matter's
};

struct SideOptions {
  // The shards as Xapian stub lines: "remote HOST:PORT" for a shard served
  // by xapian-tcpsrv ('kbsearch serve-shard'), "auto PATH" for a local one
  // (relative to db_dir). Empty: the shards db_dir lists already.
  std::vector<std::string> shards;
  // Shard line -> its replicas' lines, which searches try in order when
  // the shard does not answer. Written with `shards` (replacing earlier
  // ones); replicas serve copies kept by xapian-replicate.
  std::map<std::string, std::vector<std::string>> replicas;
  // Synonyms per language code, as IndexOptions::synonyms; empty: keep the
  // side database's current ones.
  std::map<std::string, std::vector<std::vector<std::string>>> synonyms;
  double wait_seconds = 0;
};

// What Indexer::check found.
struct CheckReport {
  bool ok = true;
  // Each problem names the database and the way out.
  std::vector<std::string> problems;
  std::vector<std::string> checked;  // the generations checked whole
  std::size_t articles = 0;          // in the generations checked
};

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
