#include "analysis/grapheme_clusters.h"

#include "analysis/break_iterators.h"
#include "analysis/icu_check.h"

namespace kbsearch::analysis {

GraphemeClusters::GraphemeClusters(std::string_view text) : iterator_(new_character_iterator()) {
  UErrorCode status = U_ZERO_ERROR;
  // A UTF-8 UText makes the iterator's indexes byte offsets into `text`.
  text_.reset(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  check_icu(status, "opening text for character breaks");
  iterator_->setText(text_.get(), status);
  check_icu(status, "setting the text for character breaks");
}

GraphemeClusters::~GraphemeClusters() = default;

std::size_t GraphemeClusters::at_or_before(std::size_t offset) {
  const auto at = static_cast<int32_t>(offset);
  return iterator_->isBoundary(at) ? offset : static_cast<std::size_t>(iterator_->preceding(at));
}

std::size_t GraphemeClusters::at_or_after(std::size_t offset) {
  const auto at = static_cast<int32_t>(offset);
  return iterator_->isBoundary(at) ? offset : static_cast<std::size_t>(iterator_->following(at));
}

}  // namespace kbsearch::analysis
