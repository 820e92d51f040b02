#include "analysis/text_normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include "analysis/icu_check.h"
#include "analysis/normalizers.h"

namespace kbsearch::analysis {
TextNormalizer::TextNormalizer() : nfkc_(&search_nfkc()) {}

std::string_view TextNormalizer::normalize(std::string_view text, OffsetMap& map) {
  map.reset();
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfkc_->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return text;

  status = U_ZERO_ERROR;
  buffer_.clear();
  icu::StringByteSink<std::string> sink(&buffer_);
  icu::Edits edits;
  nfkc_->normalizeUTF8(0, piece, sink, &edits, status);
  check_icu(status, "normalizing text to NFKC");
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    map.add(static_cast<std::size_t>(it.sourceIndex()), static_cast<std::size_t>(it.oldLength()),
            static_cast<std::size_t>(it.destinationIndex()),
            static_cast<std::size_t>(it.newLength()), it.hasChange());
  }
  check_icu(status, "mapping normalized offsets");
  return buffer_;
}

}  // namespace kbsearch::analysis
