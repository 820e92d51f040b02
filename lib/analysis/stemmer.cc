#include "analysis/stemmer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "util/utf8.h"

namespace kbsearch::analysis {
namespace {

constexpr std::size_t kMinFixedPointChars = 4;

// Letters and combining marks only (an apostrophe may join them).
bool is_word(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c == '\'') continue;
    if (c < 0 || !(u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0)) return false;
  }
  return n > 0;
}

}  // namespace

Stemmer::Stemmer(std::string_view lang, StemPasses passes) : passes_(passes) {
  if (lang.empty() || lang == "und") return;
  try {
    // Xapian::Stem accepts ISO 639 codes as well as language names.
    stem_ = Xapian::Stem(std::string(lang));
    enabled_ = true;
  } catch (const Xapian::InvalidArgumentError&) {
    enabled_ = false;  // no Snowball stemmer for this language
  }
}

std::string Stemmer::stem(const std::string& word) const {
  if (!enabled_ || !is_word(word)) return {};
  if (passes_ == StemPasses::kOne) return stem_(word);
  std::string stem = passes_ == StemPasses::kFixedPoint ? stem_(word) : word;
  for (int steps = 0; steps < 5; ++steps) {
    std::string next = stem_(stem);
    if (next == stem || util::utf8_length(next) < kMinFixedPointChars) break;
    stem = std::move(next);
  }
  return stem;
}

}  // namespace kbsearch::analysis
