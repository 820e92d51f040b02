// Small UTF-8 helpers shared by the parsers, the analyzers and the index.
#ifndef KBSEARCH_LIB_UTIL_UTF8_H
#define KBSEARCH_LIB_UTIL_UTF8_H

#include <cstddef>
#include <string>
#include <string_view>

namespace kbsearch::util {

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
