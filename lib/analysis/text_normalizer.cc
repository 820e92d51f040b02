#include "analysis/text_normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include "analysis/icu_check.h"
#include "analysis/normalizers.h"

namespace kbsearch::analysis {
namespace {

// NIKHAHIT + SARA AA, in Thai and in Lao, and the SARA AM each one means.
struct Composition {
  std::string_view pair, composed;
};
constexpr Composition kSaraAm[] = {
    {"\u0E4D\u0E32", "\u0E33"},  // Thai
    {"\u0ECD\u0EB2", "\u0EB3"},  // Lao
};

bool has_decomposed_sara_am(std::string_view text) {
  for (const auto& c : kSaraAm) {
    if (text.find(c.pair) != std::string_view::npos) return true;
  }
  return false;
}

// Composes SARA AM in `in` into `out`, recording the edits.
void compose_sara_am(std::string_view in, std::string& out, icu::Edits& edits) {
  out.clear();
  std::size_t unchanged = 0;
  for (std::size_t i = 0; i < in.size();) {
    const Composition* match = nullptr;
    for (const auto& c : kSaraAm) {
      if (in.compare(i, c.pair.size(), c.pair) == 0) match = &c;
    }
    if (match == nullptr) {
      out += in[i++];
      ++unchanged;
      continue;
    }
    if (unchanged > 0) edits.addUnchanged(static_cast<int32_t>(unchanged));
    unchanged = 0;
    edits.addReplace(static_cast<int32_t>(match->pair.size()),
                     static_cast<int32_t>(match->composed.size()));
    out += match->composed;
    i += match->pair.size();
  }
  if (unchanged > 0) edits.addUnchanged(static_cast<int32_t>(unchanged));
}

bool is_normalized(const icu::Normalizer2& normalizer, const icu::StringPiece& text) {
  UErrorCode status = U_ZERO_ERROR;
  return normalizer.isNormalizedUTF8(text, status) && U_SUCCESS(status);
}

void fill_map(const icu::Edits& edits, OffsetMap& map) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    map.add(static_cast<std::size_t>(it.sourceIndex()), static_cast<std::size_t>(it.oldLength()),
            static_cast<std::size_t>(it.destinationIndex()),
            static_cast<std::size_t>(it.newLength()), it.hasChange());
  }
  check_icu(status, "mapping normalized offsets");
}

}  // namespace

TextNormalizer::TextNormalizer() : nfkc_(&search_nfkc()), plain_nfkc_(&nfkc()) {}

std::string_view TextNormalizer::normalize(std::string_view text, OffsetMap& map) {
  map.reset();
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  // Text that plain NFKC leaves alone has no SARA AM (NFKC decomposes it),
  // so the filtered normalizer leaves it alone too; checking plain NFKC
  // first spares the filter's scan of the text in the common case.
  const bool nfkc_already = is_normalized(*plain_nfkc_, piece) || is_normalized(*nfkc_, piece);
  const bool sara_am = has_decomposed_sara_am(text);
  if (nfkc_already && !sara_am) return text;

  std::string_view result = text;
  icu::Edits nfkc_edits;
  if (!nfkc_already) {
    status = U_ZERO_ERROR;
    nfkc_buffer_.clear();
    icu::StringByteSink<std::string> sink(&nfkc_buffer_);
    nfkc_->normalizeUTF8(0, piece, sink, &nfkc_edits, status);
    check_icu(status, "normalizing text to NFKC");
    result = nfkc_buffer_;
  }
  if (!has_decomposed_sara_am(result)) {
    fill_map(nfkc_edits, map);
    return result;
  }
  icu::Edits sara_am_edits;
  compose_sara_am(result, buffer_, sara_am_edits);
  if (nfkc_already) {
    fill_map(sara_am_edits, map);
  } else {
    icu::Edits merged;
    status = U_ZERO_ERROR;
    merged.mergeAndAppend(nfkc_edits, sara_am_edits, status);
    check_icu(status, "combining normalization edits");
    fill_map(merged, map);
  }
  return buffer_;
}

}  // namespace kbsearch::analysis
