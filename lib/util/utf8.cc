#include "util/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

namespace kbsearch::util {

std::size_t find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    // Most text is mostly ASCII: skip it eight bytes at a time, then byte
    // by byte up to the chunk's first non-ASCII byte.
    if (i + 8 <= length) {
      std::uint64_t chunk;
      std::memcpy(&chunk, s + i, sizeof chunk);
      if ((chunk & 0x8080808080808080u) == 0) {
        i += 8;
        continue;
      }
      while (s[i] < 0x80) ++i;
    }
    // Then character by character up to the next ASCII byte (in Thai, a
    // whole run of words).
    do {
      const int32_t start = i;
      UChar32 c;
      // U8_NEXT rejects overlong forms, surrogates and values past U+10FFFF.
      U8_NEXT(s, i, length, c);
      if (c < 0) return static_cast<std::size_t>(start);
    } while (i < length && s[i] >= 0x80);
  }
  return std::string_view::npos;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  // Step back over continuation bytes so the cut lands before a lead byte.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t utf16_length(std::string_view text) {
  std::size_t n = 0;
  // A lead byte of 0xF0 or more starts a 4-byte sequence: a surrogate pair.
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    n += ((byte & 0xC0) != 0x80) + (byte >= 0xF0);
  }
  return n;
}

bool has_thai(std::string_view text) {
  // U+0E00..U+0E7F is E0 B8 80..E0 B9 BF in UTF-8.
  for (std::size_t at = text.find('\xE0'); at != std::string_view::npos; at = text.find('\xE0', at + 1)) {
    if (at + 1 < text.size() && (text[at + 1] == '\xB8' || text[at + 1] == '\xB9')) return true;
  }
  return false;
}

std::string printable_utf8(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  const auto escape = [&out](unsigned char byte) {
    out.append("\\x").push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xF]);
  };
  while (!text.empty()) {
    const std::size_t bad = find_invalid_utf8(text);
    for (char c : text.substr(0, bad)) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x20 || byte == 0x7F) escape(byte);
      else out.push_back(c);
    }
    if (bad == std::string_view::npos) break;
    escape(static_cast<unsigned char>(text[bad]));
    text.remove_prefix(bad + 1);
  }
  return out;
}

bool remove_bidi_controls(std::string& text) {
  const auto control = [](const std::string& t, std::size_t i) {
    if (i + 2 >= t.size() || t[i] != '\xE2') return false;
    const auto second = static_cast<unsigned char>(t[i + 1]), third = static_cast<unsigned char>(t[i + 2]);
    return (second == 0x80 && third >= 0xAA && third <= 0xAE) || (second == 0x81 && third >= 0xA6 && third <= 0xA9);
  };
  std::size_t out = 0;
  bool removed = false;
  for (std::size_t i = 0; i < text.size();) {
    if (control(text, i)) {
      i += 3;
      removed = true;
    } else {
      text[out++] = text[i++];
    }
  }
  text.resize(out);
  return removed;
}

}  // namespace kbsearch::util
