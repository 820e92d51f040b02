#include "analysis/word_merger.h"

#include <algorithm>

namespace kbsearch::analysis {
namespace {

// A listed word of more pieces than this is not looked for.
constexpr std::size_t kMaxRun = 8;

}  // namespace

WordMerger::WordMerger(std::unordered_set<std::string> words) : words_(std::move(words)) {
  for (const auto& w : words_) max_bytes_ = std::max(max_bytes_, w.size());
}

void WordMerger::push(StreamToken& token) {
  // A part, or a token with a gap before it, ends every run held: they are
  // decided, and only this token may start a new one.
  if (!run_.empty() && (token.part || token.start != run_.back().end)) pass_on(run_.size());
  run_.push_back(token);
  if (token.part) pass_on(run_.size());
  // The oldest token's longest run is now in sight.
  while (run_.size() >= kMaxRun) pass_on_first();
}

void WordMerger::finish() {
  pass_on(run_.size());
  TokenFilter::finish();
}

void WordMerger::pass_on(std::size_t count) {
  const std::size_t keep = run_.size() - count;
  while (run_.size() > keep) pass_on_first();
}

// Passes on the first token held, merged with the longest run after it
// that spells a listed word.
void WordMerger::pass_on_first() {
  StreamToken first = run_.front();
  std::size_t best = 0;
  if (!first.part) {
    joined_.assign(first.term);
    for (std::size_t j = 1; j < run_.size() && j < kMaxRun; ++j) {
      if (run_[j].part || run_[j].start != run_[j - 1].end) break;
      joined_ += run_[j].term;
      if (joined_.size() > max_bytes_) break;
      if (words_.count(joined_) != 0) best = j;
    }
  }
  if (best > 0) {
    joined_.clear();
    for (std::size_t k = 0; k <= best; ++k) joined_ += run_[k].term;
    first.end = run_[best].end;
    first.term = joined_;
    first.forms = nullptr;
  }
  run_.erase(run_.begin(), run_.begin() + static_cast<std::ptrdiff_t>(best + 1));
  emit(first);
}

}  // namespace kbsearch::analysis
