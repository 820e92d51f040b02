#include "analysis/token_joiner.h"

#include <array>

#include "util/ascii_case.h"

namespace kbsearch::analysis {
namespace {

// A chain longer than this is a list (a-b-c-d-...), not a word.
constexpr std::size_t kMaxPieces = 6;

// Hyphens and underscores as typed, full-width and typographic ones too.
constexpr std::array<std::string_view, 6> kSeparators = {"-", "_", "\u2010", "\u2011", "\uFF0D",
                                                         "\uFF3F"};

bool joined_by_separator(std::string_view text, const SegmentedWord& a, const SegmentedWord& b) {
  // Separators are one byte, or three (U+2010, U+2011, U+FF0D, U+FF3F).
  const std::size_t gap = b.start - a.end;
  if (b.start <= a.end || (gap != 1 && gap != 3)) return false;
  // Most gaps are a space: rule them out by their first byte.
  const char first = text[a.end];
  if (first != '-' && first != '_' && first != '\xE2' && first != '\xEF') return false;
  const std::string_view between = text.substr(a.end, gap);
  for (auto sep : kSeparators) {
    if (between == sep) return true;
  }
  return false;
}

// An address (no-reply@orbit.example) is one thing, kept as written:
// joining its pieces would make another address.
bool is_address(const std::vector<SegmentedWord>& words, std::size_t first, std::size_t last) {
  for (std::size_t k = first; k <= last; ++k) {
    if (words[k].term.find('@') != std::string_view::npos) return true;
  }
  return false;
}

// A letter, or a byte of a non-ASCII character: anything but a number's
// digits and dots.
bool has_letter(std::string_view word) {
  for (char c : word) {
    if (util::is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// ICU keeps a word with underscores or dots whole (RESET_LINK_EXPIRED,
// robots.txt, help.orbit.example); its pieces are words a user may type
// too. Gives the word (spelled without the underscores; with its dots),
// then its pieces as parts. A number (4.0, 399.3) and an address
// (support@orbit.example) stay one word.
void add_with_pieces(std::string_view text, const SegmentedWord& word, std::string& scratch, TokenSink& sink) {
  const std::string_view written = text.substr(word.start, word.end - word.start);
  char separator = '_';
  if (written.find('_') == std::string_view::npos) {
    separator = '.';
    if (written.find('.') == std::string_view::npos || written.find('@') != std::string_view::npos ||
        !has_letter(written)) {
      separator = 0;
    }
  }
  if (separator == 0 || written != word.term) {
    sink.add(word.start, word.end, word.term, false);
    return;
  }
  scratch.clear();
  for (char c : written) {
    if (c != '_') scratch += c;
  }
  sink.add(word.start, word.end, scratch, false);
  std::size_t begin = 0;
  for (std::size_t at = 0; at <= written.size(); ++at) {
    if (at < written.size() && written[at] != separator) continue;
    if (at > begin) {
      sink.add(word.start + begin, word.start + at, written.substr(begin, at - begin), true);
    }
    begin = at + 1;
  }
}

}  // namespace

void join_hyphenated(std::string_view text, const std::vector<SegmentedWord>& words,
                     std::string& scratch, TokenSink& sink) {
  for (std::size_t i = 0; i < words.size();) {
    std::size_t last = i;
    while (last + 1 < words.size() && joined_by_separator(text, words[last], words[last + 1])) {
      ++last;
    }
    const std::size_t pieces = last - i + 1;
    if (pieces == 1) {
      add_with_pieces(text, words[i], scratch, sink);
    } else if (is_address(words, i, last)) {
      // One token, spelled as written: pieces and separators.
      scratch.assign(words[i].term);
      for (std::size_t k = i + 1; k <= last; ++k) {
        scratch += text.substr(words[k - 1].end, words[k].start - words[k - 1].end);
        scratch += words[k].term;
      }
      sink.add(words[i].start, words[last].end, scratch, false);
    } else if (pieces <= kMaxPieces) {
      scratch.clear();
      for (std::size_t k = i; k <= last; ++k) scratch += words[k].term;
      sink.add(words[i].start, words[last].end, scratch, false);
      for (std::size_t k = i; k <= last; ++k) {
        sink.add(words[k].start, words[k].end, words[k].term, true);
      }
    } else {
      for (std::size_t k = i; k <= last; ++k) {
        sink.add(words[k].start, words[k].end, words[k].term, false);
      }
    }
    i = last + 1;
  }
}

}  // namespace kbsearch::analysis
