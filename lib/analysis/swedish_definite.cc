#include "analysis/swedish_definite.h"

#include "analysis/swedish_dictionary.h"
#include "util/utf8.h"

namespace kbsearch::analysis {
namespace {

// What is left has at least this many letters, as compound parts do: a
// shorter base is more often a word of its own or an English word's start
// (reset is no res+et, sent no sen+t) than a definite form (huset, ordet,
// which stay whole).
constexpr std::size_t kMinBaseChars = 4;

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() > end.size() && s.substr(s.size() - end.size()) == end;
}

bool ends_in_vowel(std::string_view s) {
  for (std::string_view v : {"a", "e", "i", "o", "u", "y", "å", "ä", "ö"}) {
    if (ends_with(s, v)) return true;
  }
  return false;
}

bool is_base(const SwedishDictionary& dict, std::string_view base, std::size_t min_chars) {
  return util::utf8_length(base) >= min_chars && dict.has_word(base);
}

}  // namespace

std::string swedish_indefinite(std::string_view word) {
  const SwedishDictionary& dict = swedish_dictionary();
  if (dict.has_word(word)) return {};
  if (ends_with(word, "et")) {
    const std::string_view base = word.substr(0, word.size() - 2);
    if (is_base(dict, base, kMinBaseChars)) return std::string(base);
    // A doubled final consonant (programmet, dokumentet is not doubled).
    const std::size_t n = base.size();
    if (n >= 2 && base[n - 1] == base[n - 2] && !ends_in_vowel(base) &&
        is_base(dict, base.substr(0, n - 1), kMinBaseChars)) {
      return std::string(base.substr(0, n - 1));
    }
  }
  // The plural definite -na (ärendena) and the common-gender -en (kunden),
  // then -t and -n straight after a vowel (kontot, fakturan).
  for (std::string_view end : {"na", "en", "t", "n"}) {
    if (!ends_with(word, end)) continue;
    const std::string_view base = word.substr(0, word.size() - end.size());
    if (end.size() == 1 && !ends_in_vowel(base)) continue;
    if (is_base(dict, base, kMinBaseChars)) return std::string(base);
  }
  return {};
}

}  // namespace kbsearch::analysis
