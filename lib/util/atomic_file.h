// Replacing a small file so that a reader, or a crash, sees the old content
// or the new, never a mixture or an empty file.
#ifndef KBSEARCH_LIB_UTIL_ATOMIC_FILE_H
#define KBSEARCH_LIB_UTIL_ATOMIC_FILE_H

#include <string>

namespace kbsearch::util {

// Writes `text` to PATH.tmp, fsyncs it, renames it over `path` and fsyncs
// the directory. Throws IndexUnusableError naming the file on failure.
void replace_file_atomically(const std::string& path, const std::string& text);

}  // namespace kbsearch::util

#endif  // KBSEARCH_LIB_UTIL_ATOMIC_FILE_H
