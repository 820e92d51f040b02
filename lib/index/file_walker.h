// Finding the article files under the paths given to `kbsearch index`.
#ifndef KBSEARCH_LIB_INDEX_FILE_WALKER_H
#define KBSEARCH_LIB_INDEX_FILE_WALKER_H

#include <string>
#include <vector>

#include "kbsearch/indexer.h"

namespace kbsearch::index {

struct ArticleFile {
  std::string path;        // absolute, lexically normal
  std::string root;        // the indexed directory it was found under
  std::string default_id;  // path relative to root, without extension, '/'-separated
};

struct WalkResult {
  std::vector<ArticleFile> files;  // sorted by path
  std::vector<std::string> roots;  // directories walked completely: deletions apply there
  std::vector<FileError> errors;   // paths that do not exist, unreadable directories
};

// True for .md, .markdown and .txt (any case).
bool is_article_file(const std::string& path);

// Walks files and directories (recursively, not following symbolic links to
// directories, so a link loop cannot trap it; skipping hidden entries). A
// broken link to an article file is an error. A directory whose listing
// failed part-way is not in `roots`, so nothing is deleted because of it.
WalkResult find_article_files(const std::vector<std::string>& paths);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_FILE_WALKER_H
