// Stage "case": case folding for search. Full Unicode case folding with NFKC
// (NFKC_Casefold), which also drops invisible format characters such as the
// soft hyphen. Turkish (and Azerbaijani) first lowercase with Turkish rules,
// so that I becomes ı and İ becomes i, instead of the default I -> i. The
// typographic apostrophe ’ becomes '.
#ifndef KBSEARCH_LIB_ANALYSIS_CASE_FOLDER_H
#define KBSEARCH_LIB_ANALYSIS_CASE_FOLDER_H

#include <unicode/uversion.h>

#include <string>
#include <string_view>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace kbsearch::analysis {

class CaseFolder {
 public:
  // `casing_locale` is "tr" for Turkish dotted/dotless i rules, else empty.
  explicit CaseFolder(std::string_view casing_locale);

  // Replaces `out` with the folded form of `word`.
  void fold(std::string_view word, std::string& out);

  // True when fold() would return `word` unchanged as far as a cheap check
  // can tell (lowercase ASCII, the commonest word).
  bool is_folded(std::string_view word) const;

 private:
  const icu::Normalizer2* nfkc_casefold_;  // owned by ICU, shared process-wide
  bool dotted_i_rules_;                    // tr, az: I -> ı, İ -> i
  std::string lowered_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_CASE_FOLDER_H
