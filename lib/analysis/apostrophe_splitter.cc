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
  // One pass that moves each kept token at most once (erasing each suffix
  // would move the whole rest of the list). A word takes one suffix at most.
  std::size_t kept = 0;
  bool took_suffix = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (kept > 0 && !took_suffix && suffix_after_apostrophe(text, tokens[kept - 1], tokens[i])) {
      Token& base = tokens[kept - 1];
      base.end = tokens[i].end;
      base.text.assign(text.substr(base.start, base.end - base.start));
      took_suffix = true;
      continue;
    }
    if (kept != i) tokens[kept] = std::move(tokens[i]);
    ++kept;
    took_suffix = false;
  }
  tokens.resize(kept);
  for (Token& t : tokens) {
    const auto apostrophe = t.term.find('\'');
    if (apostrophe != std::string::npos && apostrophe > 0) t.term.resize(apostrophe);
  }
}

}  // namespace kbsearch::analysis
