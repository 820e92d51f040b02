// Small UTF-8 helpers shared by the parsers, the analyzers and the index.
#ifndef KBSEARCH_LIB_UTIL_UTF8_H
#define KBSEARCH_LIB_UTIL_UTF8_H

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kbsearch::util {

// A character and the bytes it takes.
struct CodePoint {
  char32_t code;
  std::size_t size;
};

// The character at byte `i` of `text` (i < text.size()), decoded by ICU's
// U8_NEXT as every other scan of the library (find_invalid_utf8, the
// stemmer, the accent folder): for text already checked. A byte that
// starts no well-formed sequence decodes as a character of its own, its
// byte value, so that no scan can stall or run off the end whatever it is
// given.
inline CodePoint decode_utf8(std::string_view text, std::size_t i) {
  auto end = static_cast<std::int32_t>(i);
  UChar32 code;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), end, static_cast<std::int32_t>(text.size()), code);
  if (code < 0) return {static_cast<unsigned char>(text[i]), 1};
  return {static_cast<char32_t>(code), static_cast<std::size_t>(end) - i};
}

// Unicode White_Space, what separates the words of a query: phones and IMEs
// insert no-break and ideographic spaces where the user sees an ordinary one.
inline bool is_white_space(char32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Offset of the first byte that does not start a well-formed UTF-8 sequence
// (overlong forms and surrogates included), or npos when all of it is valid.
std::size_t find_invalid_utf8(std::string_view text);

// The longest prefix of `text` of at most `max_bytes` bytes that does not cut
// a character in two.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

// Number of code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

// `text` with every byte that is not part of well-formed UTF-8, and every
// ASCII control character, written as \xNN: a file name that is not UTF-8
// or holds a newline can then be named on one line of a message.
std::string printable_utf8(std::string_view text);

// Number of UTF-16 code units the same text takes: one per code point, two
// for those past U+FFFF (emoji, for one).
std::size_t utf16_length(std::string_view text);

// Removes the bidirectional embeddings, overrides and isolates (U+202A..E,
// U+2066..9) from `text`: invisible, they can make a title read backwards or
// disguise it in a user interface, and no article of our languages needs
// them. Returns whether there were any.
bool remove_bidi_controls(std::string& text);

// True when `text` has a character of the Thai block (U+0E00..U+0E7F).
bool has_thai(std::string_view text);

}  // namespace kbsearch::util

#endif  // KBSEARCH_LIB_UTIL_UTF8_H
