// Finding the article files under the paths given to `kbsearch index`.
#ifndef KBSEARCH_LIB_INDEX_FILE_WALKER_H
#define KBSEARCH_LIB_INDEX_FILE_WALKER_H

#include <string>
#include <vector>

#include "kbsearch/index_report.h"
#include "kbsearch/options.h"

namespace kbsearch::index {

struct ArticleFile {
  std::string path;        // absolute, lexically normal
  std::string root;        // the indexed directory it was found under
  std::string default_id;  // path relative to root, without extension, '/'-separated
};

struct WalkResult {
  std::vector<ArticleFile> files;  // sorted by path
  std::vector<std::string> roots;  // directories walked: deletions apply there...
  // ...but not under these, whose content is unknown (a directory that
  // could not be listed, or nested too deep): their articles are kept.
  std::vector<std::string> unknown;
  std::vector<FileError> errors;   // paths that do not exist, unreadable directories
};

struct WalkOptions {
  bool follow_links = false;  // IndexOptions::follow_links
  unsigned max_depth = 0;     // IndexOptions::max_depth
};

// True for .md, .markdown and .txt (any case).
bool is_article_file(const std::string& path);

// Walks files and directories (recursively, not following symbolic links to
// directories, so a link loop cannot trap it; skipping hidden entries).
// Reported as errors, and skipped: a broken link to an article file, a link
// to a file outside the walked directory (unless options.follow_links) or
// to anything but a regular file, a name that is not UTF-8, a directory
// that cannot be listed or lies deeper than options.max_depth (these two are
// `unknown`). One directory is open at a time and memory grows with the
// entries waiting, not with the depth.
WalkResult find_article_files(const std::vector<std::string>& paths, const WalkOptions& options);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_FILE_WALKER_H
