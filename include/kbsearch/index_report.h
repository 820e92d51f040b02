// What an indexing run did (Indexer::index, commit) and what a check of
// the index found (Indexer::check).
#ifndef KBSEARCH_INDEX_REPORT_H
#define KBSEARCH_INDEX_REPORT_H

#include <cstddef>
#include <string>
#include <vector>

#include "kbsearch/quality_check.h"

namespace kbsearch {

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
  std::size_t failed = 0;  // files that could not be indexed
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
  bool dry_run = false;  // nothing was written
  // IndexOptions::stop stopped the run; the counts above are what it had
  // committed (errors and warnings: what it had found).
  bool stopped = false;
  int generation = 0;  // the generation readers now open
  // The quality gate's findings. When it failed, the counts above say what
  // the run would have changed, and readers still have the index they had.
  QualityReport check;
  // Wall time of the run, and of its parts: reading and hashing files,
  // parsing and analysing them (summed over threads), writing the index.
  double seconds = 0, read_seconds = 0, analyze_seconds = 0, write_seconds = 0;
};

// What Indexer::check found.
struct CheckReport {
  bool ok = true;
  // Each problem names the database and the way out.
  std::vector<std::string> problems;
  std::vector<std::string> checked;  // the generations checked whole
  std::size_t articles = 0;          // in the generations checked
};

}  // namespace kbsearch

#endif  // KBSEARCH_INDEX_REPORT_H
