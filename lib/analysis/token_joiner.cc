#include "analysis/token_joiner.h"

#include <array>

namespace kbsearch::analysis {
namespace {

// A chain longer than this is a list (a-b-c-d-...), not a word.
constexpr std::size_t kMaxPieces = 6;

// Hyphens and underscores as typed, full-width and typographic ones too.
constexpr std::array<std::string_view, 6> kSeparators = {"-", "_", "\u2010", "\u2011", "\uFF0D",
                                                         "\uFF3F"};

bool joined_by_separator(std::string_view text, const Token& a, const Token& b) {
  // Separators are one byte, or three (U+2010, U+2011, U+FF0D, U+FF3F).
  const std::size_t gap = b.start - a.end;
  if (a.part || b.part || b.start <= a.end || (gap != 1 && gap != 3)) return false;
  const std::string_view between = text.substr(a.end, gap);
  for (auto sep : kSeparators) {
    if (between == sep) return true;
  }
  return false;
}

// An address (no-reply@orbit.example) is one thing, kept as written:
// joining its pieces would make another address.
bool is_address(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  for (std::size_t k = first; k <= last; ++k) {
    if (tokens[k].term.find('@') != std::string::npos) return true;
  }
  return false;
}

// ICU keeps a word with underscores whole (RESET_LINK_EXPIRED); its pieces
// are words a user may type too. Adds them as parts after the word.
void add_underscore_pieces(std::string_view text, std::vector<Token>& tokens, std::size_t i,
                           std::vector<Insertion>& parts) {
  Token& word = tokens[i];
  if (word.part || word.text.find('_') == std::string::npos || word.text != word.term) return;
  std::string joined;
  std::size_t begin = 0;
  for (std::size_t at = 0; at <= word.text.size(); ++at) {
    if (at < word.text.size() && word.text[at] != '_') continue;
    if (at > begin) {
      Token piece;
      piece.start = word.start + begin;
      piece.end = word.start + at;
      piece.text.assign(text.substr(piece.start, piece.end - piece.start));
      piece.term = piece.text;
      piece.part = true;
      joined += piece.term;
      parts.push_back({i + 1, std::move(piece)});
    }
    begin = at + 1;
  }
  word.term = joined;
}

}  // namespace

void join_hyphenated(std::string_view text, std::vector<Token>& tokens,
                     std::vector<Insertion>& wholes) {
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t last = i;
    while (last + 1 < tokens.size() && joined_by_separator(text, tokens[last], tokens[last + 1])) {
      ++last;
    }
    const std::size_t pieces = last - i + 1;
    if (pieces > 1 && is_address(tokens, i, last)) {
      // One token, spelled as written: pieces and separators.
      Token& address = tokens[i];
      for (std::size_t k = i + 1; k <= last; ++k) {
        address.term += text.substr(tokens[k - 1].end, tokens[k].start - tokens[k - 1].end);
        address.term += tokens[k].term;
      }
      address.end = tokens[last].end;
      address.text.assign(text.substr(address.start, address.end - address.start));
      tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i + 1),
                   tokens.begin() + static_cast<std::ptrdiff_t>(last + 1));
      ++i;
      continue;
    }
    if (pieces > 1 && pieces <= kMaxPieces) {
      Token whole;
      whole.start = tokens[i].start;
      whole.end = tokens[last].end;
      whole.text.assign(text.substr(whole.start, whole.end - whole.start));
      for (std::size_t k = i; k <= last; ++k) {
        whole.term += tokens[k].term;
        tokens[k].part = true;
      }
      wholes.push_back({i, std::move(whole)});
    } else if (pieces == 1) {
      add_underscore_pieces(text, tokens, i, wholes);
    }
    i = last + 1;
  }
  insert_tokens(tokens, wholes);
}

}  // namespace kbsearch::analysis
