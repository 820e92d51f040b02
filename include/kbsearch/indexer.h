// Indexing Markdown articles into a kbsearch database.
//
// An Indexer opens (or creates) the database directory and holds its write
// lock until it is destroyed; a second Indexer on the same directory throws
// IndexLockedError. index() reads the given files and directories, analyzes
// each article with its language's recipe and commits once at the end, so
// readers see either the state before the run or the state after it.
//
// Incremental: each article stores a hash of its file. An unchanged file is
// counted and skipped; a changed one replaces its article; an article whose
// file has disappeared from an indexed directory is deleted. A file that
// fails (unreadable, not UTF-8, binary, too large, broken front matter) is
// reported and never deletes or damages what was indexed from it before.
//
// Thread safety: one thread at a time. Copy: not copyable; movable.
#ifndef KBSEARCH_INDEXER_H
#define KBSEARCH_INDEXER_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kbsearch {

struct IndexOptions {
  // Files larger than this are reported as errors rather than read.
  std::uint64_t max_file_bytes = 8u << 20;
};

struct FileError {
  std::string path;     // the file, as found under the path given to index()
  std::string message;  // why it was not indexed
};

struct IndexReport {
  std::size_t added = 0;      // articles new to the index
  std::size_t updated = 0;    // articles whose file changed
  std::size_t deleted = 0;    // articles whose file disappeared
  std::size_t unchanged = 0;  // files skipped because their hash matched
  std::size_t failed = 0;     // files that could not be indexed
  std::vector<FileError> errors;
  double seconds = 0;         // wall time of the run
};

class Indexer {
 public:
  // Opens or creates the database in directory `db_dir`. Throws
  // IndexLockedError if another process is writing to it, and
  // IndexUnusableError if it is not a kbsearch index of this version.
  explicit Indexer(const std::string& db_dir, IndexOptions options = {});
  ~Indexer();
  Indexer(Indexer&&) noexcept;
  Indexer& operator=(Indexer&&) noexcept;
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;

  // Indexes files (.md, .markdown, .txt) and directories (recursively).
  // Per-file problems go into the report; a path that does not exist is
  // reported as a failed file. Throws only when the index itself fails.
  IndexReport index(const std::vector<std::string>& paths);

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace kbsearch

#endif  // KBSEARCH_INDEXER_H
