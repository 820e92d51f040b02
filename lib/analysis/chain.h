// One language's analysis chain: the tokenizer (normalize, then segment)
// and the ordered filters recipe.cc gives that language. analyze() and
// explain() both run it; explain() only puts a hook between its stages
// that takes a copy of the tokens going by, so the tokens it shows last
// are the tokens analyze() returns, made by the same code.
#ifndef KBSEARCH_LIB_ANALYSIS_CHAIN_H
#define KBSEARCH_LIB_ANALYSIS_CHAIN_H

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/offset_map.h"
#include "analysis/term_forms.h"
#include "analysis/text_normalizer.h"
#include "analysis/token_filter.h"
#include "analysis/word_segmenter.h"
#include "kbsearch/token.h"

namespace kbsearch::analysis {

class Chain {
 public:
  explicit Chain(std::string lang) : lang_(std::move(lang)) {}
  Chain(const Chain&) = delete;
  Chain& operator=(const Chain&) = delete;

  const std::string& language() const { return lang_; }

  // What the case, stop, stem and fold filters share (term_forms.h).
  TermForms& forms() { return forms_; }

  // Appends a filter. Filters come in the order of the stages
  // (join, case, split, stop, stem, fold); a stage may have none or several.
  void add(std::unique_ptr<TokenFilter> filter);

  // The tokens of `text`. With `explain`, also the normalized text and
  // the tokens after every stage, the last being the tokens returned.
  std::vector<Token> run(std::string_view text, std::vector<AnalysisStage>* explain);

 private:
  class Collector;

  void segment(std::string_view normalized);

  std::string lang_;
  TermForms forms_;
  std::vector<std::unique_ptr<TokenFilter>> filters_;
  std::vector<std::size_t> stages_;  // each filter's stage, as an index of the stages
  // Buffers reused from call to call.
  TextNormalizer normalizer_;
  WordSegmenter segmenter_;
  OffsetMap offsets_;
  std::vector<Segment> segments_;
  std::vector<StreamToken> words_;  // the segments, with offsets in the input
  std::string cleaned_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_CHAIN_H
