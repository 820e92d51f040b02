#include "analysis/chain.h"

#include <array>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "util/utf8.h"

namespace kbsearch::analysis {
namespace {

// The stages after "normalize", in order: what explain() shows, whether or
// not a language has a filter there.
constexpr std::array<const char*, 7> kStages = {"segment", "join", "case", "split", "stop", "stem", "fold"};

std::size_t stage_index(const char* stage) {
  for (std::size_t i = 0; i < kStages.size(); ++i) {
    if (std::strcmp(kStages[i], stage) == 0) return i;
  }
  throw std::logic_error(std::string("analysis filter of unknown stage ") + stage);
}

}  // namespace

// The end of the chain, and explain()'s hook between stages: makes each
// token a Token, numbering positions (a part shares the position of the
// word before it; every other token takes the next), and passes the token
// on when there is more chain after it.
class Chain::Collector final : public TokenStream {
 public:
  Collector(std::string_view text, std::vector<Token>& tokens, TokenStream* next)
      : text_(text), tokens_(tokens), next_(next) {}

  void push(StreamToken& t) override {
    Token& out = tokens_.emplace_back();
    out.text.assign(text_.substr(t.start, t.end - t.start));
    out.term.assign(t.term);
    if (t.forms_given != 0) {
      const TermForms::Forms& f = *t.forms;
      // Most forms are empty, and so is a new Token's: copy only the others.
      if (t.forms_given & StreamToken::kStop) out.stop = f.stop;
      if ((t.forms_given & StreamToken::kStem) && !f.stem.empty()) out.stem = f.stem;
      if (t.forms_given & StreamToken::kFold) {
        if (!f.folded.empty()) out.folded = f.folded;
        if (!f.folded_stem.empty()) out.folded_stem = f.folded_stem;
      }
    }
    out.start = t.start;
    out.end = t.end;
    out.part = t.part;
    out.position = t.part && next_position_ > 0 ? next_position_ - 1 : next_position_++;
    if (next_ != nullptr) next_->push(t);
  }

  void finish() override {
    if (next_ != nullptr) next_->finish();
  }

 private:
  std::string_view text_;
  std::vector<Token>& tokens_;
  TokenStream* next_;
  unsigned next_position_ = 0;
};

void Chain::add(std::unique_ptr<TokenFilter> filter) {
  const std::size_t stage = stage_index(filter->stage());
  if (!stages_.empty() && stage < stages_.back()) {
    throw std::logic_error(std::string("analysis filter of stage ") + filter->stage() + " after " +
                           filters_.back()->stage());
  }
  filters_.push_back(std::move(filter));
  stages_.push_back(stage);
}

void Chain::segment(std::string_view normalized) {
  segmenter_.segment(normalized, segments_);
  words_.clear();
  for (const auto& seg : segments_) {
    StreamToken& w = words_.emplace_back();
    w.start = offsets_.start(seg.start);
    w.end = offsets_.end(seg.end);
    w.term = normalized.substr(seg.start, seg.end - seg.start);
  }
}

std::vector<Token> Chain::run(std::string_view text, std::vector<AnalysisStage>* explain) {
  // Invalid bytes become spaces, one for one, so offsets stay those of the
  // caller's text and ICU only ever sees well-formed UTF-8.
  if (util::find_invalid_utf8(text) != std::string_view::npos) {
    cleaned_.assign(text);
    for (std::size_t bad; (bad = util::find_invalid_utf8(cleaned_)) != std::string::npos;) {
      cleaned_[bad] = ' ';
    }
    text = cleaned_;
  }
  const std::string_view normalized = normalizer_.normalize(text, offsets_);
  forms_.begin_call();
  segment(normalized);

  std::vector<Token> tokens;
  // Room for the parts the filters add, so the list rarely reallocates.
  tokens.reserve(words_.size() + words_.size() / 4 + 4);
  // Linked back to front: the result's collector, then each stage's
  // filters, each stage followed by explain()'s hook.
  std::array<std::vector<Token>, kStages.size()> stage_tokens;
  std::array<std::unique_ptr<Collector>, kStages.size()> hooks;
  Collector result(text, tokens, nullptr);
  TokenStream* head = &result;
  TokenFilter* head_filter = nullptr;  // the head, when it is a filter
  TokenStream* after_head_filter = nullptr;
  std::size_t filter = filters_.size();
  for (std::size_t stage = kStages.size(); stage-- > 0;) {
    if (explain != nullptr) {
      hooks[stage] = std::make_unique<Collector>(text, stage_tokens[stage], head);
      head = hooks[stage].get();
      head_filter = nullptr;
    }
    for (; filter > 0 && stages_[filter - 1] == stage; --filter) {
      TokenFilter& f = *filters_[filter - 1];
      f.begin(text);
      if (head_filter != nullptr && f.fuse(*head_filter)) {
        f.connect(*after_head_filter);
      } else {
        f.connect(*head);
        after_head_filter = head;
      }
      head = head_filter = &f;
    }
  }
  for (StreamToken& w : words_) head->push(w);
  head->finish();

  if (explain != nullptr) {
    explain->push_back({"normalize", std::string(normalized), {}});
    for (std::size_t stage = 0; stage < kStages.size(); ++stage) {
      explain->push_back({kStages[stage], {}, std::move(stage_tokens[stage])});
    }
  }
  return tokens;
}

}  // namespace kbsearch::analysis
