#include "analysis/word_segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "analysis/icu_check.h"

namespace kbsearch::analysis {
namespace {

const icu::BreakIterator& prototype() {
  static const std::unique_ptr<icu::BreakIterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    // The root locale's rules already apply the dictionaries of every
    // script that needs one, so one prototype serves all languages.
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    check_icu(status, "creating the word break iterator");
    return bi;
  }();
  return *instance;
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

}  // namespace

WordSegmenter::WordSegmenter() : iterator_(prototype().clone()) {
  if (!iterator_) throw Error("ICU failed while cloning the word break iterator");
}
WordSegmenter::~WordSegmenter() = default;
WordSegmenter::WordSegmenter(WordSegmenter&&) noexcept = default;
WordSegmenter& WordSegmenter::operator=(WordSegmenter&&) noexcept = default;

void WordSegmenter::segment(std::string_view text, std::vector<Segment>& out) {
  out.clear();
  UErrorCode status = U_ZERO_ERROR;
  // A UTF-8 UText makes the iterator's indexes byte offsets into `text`.
  std::unique_ptr<UText, UTextCloser> ut(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  check_icu(status, "opening text for segmentation");
  iterator_->setText(ut.get(), status);
  check_icu(status, "setting the text to segment");

  int32_t start = iterator_->first();
  for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE;
       start = end, end = iterator_->next()) {
    if (iterator_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
      out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end)});
    }
  }
  // Do not leave the iterator pointing at text that is about to go away.
  iterator_->setText(icu::UnicodeString());
}

}  // namespace kbsearch::analysis
