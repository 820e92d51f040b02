// ASCII-only lower-casing, for keys that must compare the same whatever the
// locale: field names of the query language, tags, language codes.
#ifndef KBSEARCH_LIB_UTIL_ASCII_CASE_H
#define KBSEARCH_LIB_UTIL_ASCII_CASE_H

#include <string>
#include <string_view>

namespace kbsearch::util {

inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

inline std::string ascii_lower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

}  // namespace kbsearch::util

#endif  // KBSEARCH_LIB_UTIL_ASCII_CASE_H
