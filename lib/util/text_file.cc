#include "util/text_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "kbsearch/error.h"
#include "util/utf8.h"

namespace kbsearch::util {

std::string read_text_file(const std::string& path, std::uint64_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) throw InputError(path, "cannot determine the file size");
  // Checked before reading, so a huge file is never read whole.
  if (static_cast<std::uint64_t>(size) > max_bytes) {
    throw InputError(path, "file is " + std::to_string(size) + " bytes, over the limit of " +
                               std::to_string(max_bytes) + " (raise --max-file-size)");
  }
  in.seekg(0, std::ios::beg);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in.read(text.data(), size)) throw InputError(path, "read failed");
  check_text(text, path, max_bytes, {"file", "--max-file-size"});
  return text;
}

void check_text(std::string& text, const std::string& name, std::uint64_t max_bytes, const TextSource& source) {
  if (text.size() > max_bytes) {
    throw InputError(name, std::string(source.noun) + " is " + std::to_string(text.size()) +
                               " bytes, over the limit of " + std::to_string(max_bytes) + " (raise " +
                               source.limit + ")");
  }
  if (text.find('\0') != std::string::npos) {
    throw InputError(name, std::string("binary ") + source.noun + " (contains NUL bytes), not a text article");
  }
  const std::size_t bad = find_invalid_utf8(text);
  if (bad != std::string::npos) {
    throw InputError(name, "invalid UTF-8 at byte " + std::to_string(bad) + " (save the " + source.noun +
                               " as UTF-8)");
  }
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
}

}  // namespace kbsearch::util
