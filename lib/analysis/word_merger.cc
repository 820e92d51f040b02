#include "analysis/word_merger.h"

namespace kbsearch::analysis {
namespace {

constexpr std::size_t kMaxRun = 8;

}  // namespace

WordMerger::WordMerger(std::unordered_set<std::string> words) : words_(std::move(words)) {
  for (const auto& w : words_) max_bytes_ = std::max(max_bytes_, w.size());
}

void WordMerger::merge(std::string_view text, std::vector<Token>& tokens) const {
  if (words_.empty()) return;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].part) continue;
    // The longest run i..best of adjacent whole tokens spelling a listed word.
    std::size_t best = i;
    std::string joined = tokens[i].term;
    for (std::size_t j = i + 1; j < tokens.size() && j - i < kMaxRun; ++j) {
      if (tokens[j].part || tokens[j].start != tokens[j - 1].end) break;
      joined += tokens[j].term;
      if (joined.size() > max_bytes_) break;
      if (words_.count(joined) != 0) best = j;
    }
    if (best == i) continue;
    Token& merged = tokens[i];
    merged.end = tokens[best].end;
    merged.text.assign(text.substr(merged.start, merged.end - merged.start));
    for (std::size_t k = i + 1; k <= best; ++k) merged.term += tokens[k].term;
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i + 1),
                 tokens.begin() + static_cast<std::ptrdiff_t>(best + 1));
  }
}

}  // namespace kbsearch::analysis
