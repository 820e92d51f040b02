// Stage "split", Turkish: a suffix after an apostrophe belongs to the word
// before it (SLA'lar "the SLAs", Windows'un "of Windows", iPhone’a "to the
// iPhone"), so the term is the base word: sla, windows, iphone. The token's
// text still covers the whole written word, suffix included. After a number
// or a code (4.2.1'dir, 11'de, 0x80070005'i) segmentation has already cut
// the suffix off as a word of its own; it is put back onto its base.
//
// A filter after "case" (’ has become '): it holds back one token, until
// the next shows whether it is that token's suffix.
#ifndef KBSEARCH_LIB_ANALYSIS_APOSTROPHE_SPLITTER_H
#define KBSEARCH_LIB_ANALYSIS_APOSTROPHE_SPLITTER_H

#include "analysis/token_filter.h"

namespace kbsearch::analysis {

class ApostropheSplitter final : public TokenFilter {
 public:
  const char* stage() const override { return "split"; }
  void push(StreamToken& token) override;
  void finish() override;

 private:
  void forget() override { holding_ = false; }
  void pass_on_held();

  StreamToken held_;
  bool holding_ = false;
  bool took_suffix_ = false;  // the held token has taken its one suffix
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_APOSTROPHE_SPLITTER_H
