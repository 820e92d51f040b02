#include "analysis/language_tag.h"

#include <unicode/uloc.h>

#include <algorithm>

#include "util/ascii_case.h"

namespace kbsearch::analysis {
namespace {

bool is_ascii_alnum(char c) { return util::is_ascii_letter(c) || (c >= '0' && c <= '9'); }

// BCP 47's shape, with '_' accepted as POSIX locales write it: a primary
// language of 2 or 3 letters, then subtags of 1 to 8 letters or digits.
bool well_formed(std::string_view tag) {
  std::size_t start = 0;
  for (bool primary = true;; primary = false) {
    const std::size_t end = std::min(tag.find_first_of("-_", start), tag.size());
    const std::string_view subtag = tag.substr(start, end - start);
    if (primary ? (subtag.size() < 2 || subtag.size() > 3 || !std::all_of(subtag.begin(), subtag.end(), util::is_ascii_letter))
                : (subtag.empty() || subtag.size() > 8 || !std::all_of(subtag.begin(), subtag.end(), is_ascii_alnum))) {
      return false;
    }
    if (end == tag.size()) return true;
    start = end + 1;
  }
}

bool known_to_icu(const std::string& lang) {
  for (const char* const* code = uloc_getISOLanguages(); *code != nullptr; ++code) {
    if (lang == *code) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> language_of_tag(std::string_view tag) {
  if (!well_formed(tag)) return std::nullopt;
  std::string lang = util::ascii_lower(tag.substr(0, tag.find_first_of("-_")));
  if (!known_to_icu(lang)) return std::nullopt;
  return lang;
}

}  // namespace kbsearch::analysis
