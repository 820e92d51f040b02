#include "analysis/apostrophe_splitter.h"

namespace kbsearch::analysis {

namespace {

// True when `b` follows `a` with only an apostrophe between them.
bool suffix_after_apostrophe(std::string_view text, const Token& a, const Token& b) {
  if (a.part || b.part || b.start <= a.end) return false;
  const std::string_view between = text.substr(a.end, b.start - a.end);
  return between == "'" || between == "\u2019";
}

}  // namespace

void strip_apostrophe_suffixes(std::string_view text, std::vector<Token>& tokens) {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (!suffix_after_apostrophe(text, tokens[i], tokens[i + 1])) continue;
    tokens[i].end = tokens[i + 1].end;
    tokens[i].text.assign(text.substr(tokens[i].start, tokens[i].end - tokens[i].start));
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i + 1));
  }
  for (Token& t : tokens) {
    const auto apostrophe = t.term.find('\'');
    if (apostrophe != std::string::npos && apostrophe > 0) t.term.resize(apostrophe);
  }
}

}  // namespace kbsearch::analysis
