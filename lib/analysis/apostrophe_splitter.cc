#include "analysis/apostrophe_splitter.h"

namespace kbsearch::analysis {

bool apostrophe_between(std::string_view text, std::size_t end, std::size_t next_start) {
  if (next_start <= end) return false;
  const std::string_view between = text.substr(end, next_start - end);
  return between == "'" || between == "\u2019";
}

std::string_view base_term(std::string_view term) {
  const auto apostrophe = term.find('\'');
  return apostrophe != std::string_view::npos && apostrophe > 0 ? term.substr(0, apostrophe) : term;
}

void strip_apostrophe_suffixes(std::string_view text, std::vector<Token>& tokens) {
  // One pass that moves each kept token at most once (erasing each suffix
  // would move the whole rest of the list).
  std::size_t kept = 0;
  bool took_suffix = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (kept > 0 && !took_suffix && !tokens[kept - 1].part && !tokens[i].part &&
        apostrophe_between(text, tokens[kept - 1].end, tokens[i].start)) {
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
  for (Token& t : tokens) t.term.resize(base_term(t.term).size());
}

}  // namespace kbsearch::analysis
