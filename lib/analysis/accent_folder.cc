#include "analysis/accent_folder.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "analysis/normalizers.h"

namespace kbsearch::analysis {
namespace {

void append_utf8(UChar32 c, std::string& out) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

}  // namespace

AccentFolder::AccentFolder(std::string_view keep) : nfd_(&nfd()) {
  const auto* s = reinterpret_cast<const uint8_t*>(keep.data());
  for (int32_t i = 0, n = static_cast<int32_t>(keep.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0) keep_ += static_cast<char32_t>(c);
  }
}

void AccentFolder::fold(std::string_view word, std::string& out) const {
  out.clear();
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  icu::UnicodeString decomposition;
  for (int32_t i = 0; i < n;) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0x80) {
      if (c >= 0) out += static_cast<char>(c);
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    const bool latin = uscript_getScript(c, &status) == USCRIPT_LATIN;
    if (!latin || keep_.find(static_cast<char32_t>(c)) != std::u32string::npos) {
      out.append(word.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(i - begin)));
    } else if (c == 0x0131) {  // dotless ı has no decomposition
      out += 'i';
    } else if (nfd_->getDecomposition(c, decomposition)) {
      for (int32_t k = 0; k < decomposition.length();) {
        const UChar32 d = decomposition.char32At(k);
        k += U16_LENGTH(d);
        if (u_charType(d) != U_NON_SPACING_MARK) append_utf8(d, out);
      }
    } else {
      out.append(word.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(i - begin)));
    }
  }
}

}  // namespace kbsearch::analysis
