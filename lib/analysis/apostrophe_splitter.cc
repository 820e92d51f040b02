#include "analysis/apostrophe_splitter.h"

namespace kbsearch::analysis {
namespace {

bool apostrophe_between(std::string_view text, std::size_t end, std::size_t next_start) {
  if (next_start <= end) return false;
  const std::string_view between = text.substr(end, next_start - end);
  return between == "'" || between == "\u2019";
}

// The base of a case-folded term: up to its apostrophe (sla'lar -> sla).
std::string_view base_term(std::string_view term) {
  const auto apostrophe = term.find('\'');
  return apostrophe != std::string_view::npos && apostrophe > 0 ? term.substr(0, apostrophe) : term;
}

}  // namespace

void ApostropheSplitter::push(StreamToken& token) {
  // A word (not a part) takes the next word (not a part) as its suffix when
  // only an apostrophe is between them; a word takes one suffix at most.
  if (holding_ && !took_suffix_ && !held_.part && !token.part &&
      apostrophe_between(text_, held_.end, token.start)) {
    held_.end = token.end;
    took_suffix_ = true;
    return;
  }
  pass_on_held();
  held_ = token;
  holding_ = true;
  took_suffix_ = false;
}

void ApostropheSplitter::finish() {
  pass_on_held();
  TokenFilter::finish();
}

void ApostropheSplitter::pass_on_held() {
  if (!holding_) return;
  holding_ = false;
  const std::string_view base = base_term(held_.term);
  if (base.size() != held_.term.size()) {
    held_.term = base;
    held_.forms = nullptr;  // those of the whole term
  }
  emit(held_);
}

}  // namespace kbsearch::analysis
