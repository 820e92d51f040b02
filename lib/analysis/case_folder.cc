#include "analysis/case_folder.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>

#include "analysis/icu_check.h"
#include "analysis/normalizers.h"

namespace kbsearch::analysis {
namespace {

constexpr std::string_view kRightQuote = "\u2019";

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

CaseFolder::CaseFolder(std::string_view casing_locale)
    : nfkc_casefold_(&search_nfkc_casefold()),
      dotted_i_rules_(casing_locale == "tr") {}

bool CaseFolder::is_folded(std::string_view word) const {
  for (unsigned char c : word) {
    if (c >= 0x80 || (c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

void CaseFolder::fold(std::string_view word, std::string& out) {
  out.clear();
  // Most words in most texts are ASCII, where folding is lowercasing; the
  // exception is a Turkish capital I, which must become dotless ı.
  if (is_ascii(word) && !(dotted_i_rules_ && word.find('I') != std::string_view::npos)) {
    out.assign(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::string_view source = word;
  if (dotted_i_rules_) {
    lowered_.clear();
    icu::StringByteSink<std::string> sink(&lowered_);
    icu::CaseMap::utf8ToLower("tr", 0, icu::StringPiece(word.data(), static_cast<int32_t>(word.size())),
                              sink, nullptr, status);
    check_icu(status, "lowercasing with Turkish rules");
    source = lowered_;
  }
  icu::StringByteSink<std::string> sink(&out);
  nfkc_casefold_->normalizeUTF8(0, icu::StringPiece(source.data(), static_cast<int32_t>(source.size())),
                                sink, nullptr, status);
  check_icu(status, "case folding");
  // A typographic apostrophe is the same mark as a typed one: iPhone’a and
  // iPhone'a are one word.
  for (std::size_t at; (at = out.find(kRightQuote)) != std::string::npos;) {
    out.replace(at, kRightQuote.size(), "'");
  }
}

}  // namespace kbsearch::analysis
