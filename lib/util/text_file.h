// Reading an article file with every check an untrusted input needs.
#ifndef KBSEARCH_LIB_UTIL_TEXT_FILE_H
#define KBSEARCH_LIB_UTIL_TEXT_FILE_H

#include <cstdint>
#include <string>

namespace kbsearch::util {

// Reads `path` as UTF-8 text. Throws InputError naming the file when it
// cannot be opened, is larger than max_bytes, contains NUL bytes (binary),
// or is not valid UTF-8 (the message gives the byte offset). A leading
// byte-order mark is dropped.
std::string read_text_file(const std::string& path, std::uint64_t max_bytes);

}  // namespace kbsearch::util

#endif  // KBSEARCH_LIB_UTIL_TEXT_FILE_H
