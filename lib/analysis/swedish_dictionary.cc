#include "analysis/swedish_dictionary.h"

#include <algorithm>
#include <string_view>

namespace kbsearch::analysis {
namespace data {
// Generated from hunspell-sv at build time (data/make_word_list.cc), each
// list sorted and without repeats.
extern const char* const kSwedishWords[];
extern const char* const kSwedishStems[];
}  // namespace data

namespace {

// The lines of a generated list, as views.
std::vector<std::string_view> lines_of(const char* const* chunks) {
  std::size_t lines = 0;
  for (const char* const* chunk = chunks; *chunk != nullptr; ++chunk) {
    const std::string_view text(*chunk);
    lines += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  }
  std::vector<std::string_view> list;
  list.reserve(lines);
  for (; *chunks != nullptr; ++chunks) {
    std::string_view rest(*chunks);
    for (std::size_t eol; (eol = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(eol + 1)) {
      list.push_back(rest.substr(0, eol));
    }
  }
  return list;
}

}  // namespace

bool SwedishDictionary::has_word(std::string_view word) const {
  return std::binary_search(words.begin(), words.end(), word);
}

bool SwedishDictionary::has_stem(std::string_view stem) const {
  return std::binary_search(stems.begin(), stems.end(), stem);
}

const SwedishDictionary& swedish_dictionary() {
  static const SwedishDictionary* dict =
      new SwedishDictionary{lines_of(data::kSwedishWords), lines_of(data::kSwedishStems)};
  return *dict;
}

}  // namespace kbsearch::analysis
