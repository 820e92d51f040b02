#include "analysis/normalizers.h"

#include <unicode/normalizer2.h>
#include <unicode/uniset.h>

#include <memory>

#include "analysis/icu_check.h"

namespace kbsearch::analysis {
namespace {

// Everything but SARA AM; frozen, so it is safe to share between threads.
const icu::UnicodeSet& all_but_sara_am() {
  static const icu::UnicodeSet* set = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto* s = new icu::UnicodeSet(icu::UnicodeString(u"[^\\u0E33\\u0EB3]"), status);
    check_icu(status, "building the normalization filter");
    s->freeze();
    return s;
  }();
  return *set;
}

const icu::Normalizer2& instance(const icu::Normalizer2* (*form)(UErrorCode&), const char* what) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = form(status);
  check_icu(status, what);
  return *n;
}

const icu::Normalizer2& filtered(const icu::Normalizer2* (*form)(UErrorCode&), const char* what) {
  // Intentionally never freed: used until the process exits.
  return *new icu::FilteredNormalizer2(instance(form, what), all_but_sara_am());
}

}  // namespace

const icu::Normalizer2& search_nfkc() {
  static const icu::Normalizer2& n =
      filtered(&icu::Normalizer2::getNFKCInstance, "loading the NFKC normalizer");
  return n;
}

const icu::Normalizer2& search_nfkc_casefold() {
  static const icu::Normalizer2& n =
      filtered(&icu::Normalizer2::getNFKCCasefoldInstance, "loading the NFKC_Casefold normalizer");
  return n;
}

const icu::Normalizer2& nfkc() {
  static const icu::Normalizer2& n = instance(&icu::Normalizer2::getNFKCInstance, "loading the NFKC normalizer");
  return n;
}

const icu::Normalizer2& nfd() {
  static const icu::Normalizer2& n = instance(&icu::Normalizer2::getNFDInstance, "loading the NFD normalizer");
  return n;
}

std::string to_nfc(std::string_view text) {
  static const icu::Normalizer2& n = instance(&icu::Normalizer2::getNFCInstance, "loading the NFC normalizer");
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (n.isNormalized(u, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  const icu::UnicodeString normal = n.normalize(u, status);
  check_icu(status, "normalizing an id to NFC");
  std::string out;
  normal.toUTF8String(out);
  return out;
}

}  // namespace kbsearch::analysis
