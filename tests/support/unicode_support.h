// Slices of UTF-8 text by UTF-16 and code point offsets, counted by ICU, so
// tests check kbsearch's offsets against a count that is not its own.
#ifndef KBSEARCH_TESTS_SUPPORT_UNICODE_SUPPORT_H
#define KBSEARCH_TESTS_SUPPORT_UNICODE_SUPPORT_H

#include <unicode/unistr.h>

#include <cstddef>
#include <string>

namespace kbsearch::testutil {

inline std::string utf16_slice(const std::string& utf8, std::size_t start, std::size_t end) {
  std::string out;
  icu::UnicodeString::fromUTF8(utf8)
      .tempSubStringBetween(static_cast<int32_t>(start), static_cast<int32_t>(end))
      .toUTF8String(out);
  return out;
}

inline std::string code_point_slice(const std::string& utf8, std::size_t start, std::size_t end) {
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  std::string out;
  s.tempSubStringBetween(s.moveIndex32(0, static_cast<int32_t>(start)), s.moveIndex32(0, static_cast<int32_t>(end)))
      .toUTF8String(out);
  return out;
}

}  // namespace kbsearch::testutil

#endif  // KBSEARCH_TESTS_SUPPORT_UNICODE_SUPPORT_H
