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

// What the messages of check_text call the text ("file", "text") and the
// setting that raises its size limit.
struct TextSource {
  const char* noun;
  const char* limit;
};

// The same checks for text already in memory (an article put by an
// application): throws InputError naming `name`; drops a byte-order mark.
void check_text(std::string& text, const std::string& name, std::uint64_t max_bytes, const TextSource& source);

}  // namespace kbsearch::util

#endif  // KBSEARCH_LIB_UTIL_TEXT_FILE_H
