// Stage "fold": accent folding of Latin letters (ç -> c, ã -> a, ş -> s,
// ı -> i), for users who type without them. The letters of a language's own
// alphabet are not accents and are kept (Swedish å, ä, ö: kör is not kor).
// The folded form is indexed beside the exact one, never instead of it, so
// exact spellings still rank first.
#ifndef KBSEARCH_LIB_ANALYSIS_ACCENT_FOLDER_H
#define KBSEARCH_LIB_ANALYSIS_ACCENT_FOLDER_H

#include <unicode/uversion.h>

#include <string>
#include <string_view>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace kbsearch::analysis {

class AccentFolder {
 public:
  // `keep` lists, in UTF-8, the lowercase letters never folded ("åäö").
  explicit AccentFolder(std::string_view keep);

  // Replaces `out` with the folded form of a case-folded word.
  void fold(std::string_view word, std::string& out) const;

 private:
  const icu::Normalizer2* nfd_;  // owned by ICU
  std::u32string keep_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_ACCENT_FOLDER_H
