#include "search/query_languages.h"

#include <algorithm>

#include "kbsearch/analyzer.h"
#include "util/utf8.h"

namespace kbsearch::search {
namespace {

// Identification needs some text to be right; a word or two is too little
// ("SLA" or "iPhone" belong to every language).
constexpr std::size_t kMinWordsToIdentify = 3;

// Words as the query parser separates them: by Unicode white space, so
// that a query typed with no-break spaces counts as many words as it has.
std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    const util::CodePoint ch = util::decode_utf8(text, i);
    const bool space = util::is_white_space(ch.code);
    if (!space && !in_word) ++words;
    in_word = !space;
    i += ch.size;
  }
  return words;
}

}  // namespace

QueryLanguages choose_query_languages(const std::string& query, const std::string& requested,
                                      const std::vector<std::string>& indexed) {
  if (!requested.empty()) return {{requested}, requested};
  const auto is_indexed = [&indexed](const std::string& lang) {
    return std::binary_search(indexed.begin(), indexed.end(), lang);
  };
  if (util::has_thai(query) && is_indexed("th")) return {{"th"}, "th"};
  if (word_count(query) >= kMinWordsToIdentify) {
    const std::string identified = identify_language(query);
    if (!identified.empty() && is_indexed(identified)) return {{identified}, identified};
  }
  return {indexed, ""};
}

}  // namespace kbsearch::search
