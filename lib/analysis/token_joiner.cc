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

bool joined_by_separator(std::string_view text, const StreamToken& a, const StreamToken& b) {
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
bool is_address(const std::vector<StreamToken>& words) {
  for (const StreamToken& w : words) {
    if (w.term.find('@') != std::string_view::npos) return true;
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

}  // namespace

void TokenJoiner::push(StreamToken& word) {
  if (!run_.empty() && !joined_by_separator(text_, run_.back(), word)) add_run();
  run_.push_back(word);
}

void TokenJoiner::finish() {
  if (!run_.empty()) add_run();
  TokenFilter::finish();
}

void TokenJoiner::add(std::size_t start, std::size_t end, std::string_view term, bool part) {
  StreamToken t;
  t.start = start;
  t.end = end;
  t.term = term;
  t.part = part;
  emit(t);
}

void TokenJoiner::add_run() {
  const std::size_t pieces = run_.size();
  const StreamToken& first = run_.front();
  const StreamToken& last = run_.back();
  if (pieces == 1) {
    add_with_pieces(first);
  } else if (is_address(run_)) {
    // One token, spelled as written: pieces and separators.
    scratch_.assign(first.term);
    for (std::size_t k = 1; k < pieces; ++k) {
      scratch_ += text_.substr(run_[k - 1].end, run_[k].start - run_[k - 1].end);
      scratch_ += run_[k].term;
    }
    add(first.start, last.end, scratch_, false);
  } else if (pieces <= kMaxPieces) {
    scratch_.clear();
    for (const StreamToken& w : run_) scratch_ += w.term;
    add(first.start, last.end, scratch_, false);
    for (const StreamToken& w : run_) add(w.start, w.end, w.term, true);
  } else {
    for (const StreamToken& w : run_) add(w.start, w.end, w.term, false);
  }
  run_.clear();
}

// ICU keeps a word with underscores or dots whole (RESET_LINK_EXPIRED,
// robots.txt, help.orbit.example); its pieces are words a user may type
// too. Gives the word (spelled without the underscores; with its dots),
// then its pieces as parts. A number (4.0, 399.3) and an address
// (support@orbit.example) stay one word.
void TokenJoiner::add_with_pieces(const StreamToken& word) {
  const std::string_view written = text_.substr(word.start, word.end - word.start);
  char separator = '_';
  if (written.find('_') == std::string_view::npos) {
    separator = '.';
    if (written.find('.') == std::string_view::npos || written.find('@') != std::string_view::npos ||
        !has_letter(written)) {
      separator = 0;
    }
  }
  if (separator == 0 || written != word.term) {
    add(word.start, word.end, word.term, false);
    return;
  }
  scratch_.clear();
  for (char c : written) {
    if (c != '_') scratch_ += c;
  }
  add(word.start, word.end, scratch_, false);
  std::size_t begin = 0;
  for (std::size_t at = 0; at <= written.size(); ++at) {
    if (at < written.size() && written[at] != separator) continue;
    if (at > begin) add(word.start + begin, word.start + at, written.substr(begin, at - begin), true);
    begin = at + 1;
  }
}

}  // namespace kbsearch::analysis
