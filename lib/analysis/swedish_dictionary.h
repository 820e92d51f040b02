// The Swedish words of Debian's hunspell-sv, and their Snowball stems, for
// the stages that need to know whether a string is a Swedish word: the
// compound splitter (decompounder.h) and the definite-form step of the
// Swedish stemmer (swedish_definite.h).
#ifndef KBSEARCH_LIB_ANALYSIS_SWEDISH_DICTIONARY_H
#define KBSEARCH_LIB_ANALYSIS_SWEDISH_DICTIONARY_H

#include <string_view>
#include <vector>

namespace kbsearch::analysis {

struct SwedishDictionary {
  // Each sorted, for binary search. A list is split in a few milliseconds
  // where hash sets of it took a fifth of a second, which every
  // command-line search in Swedish waited for; callers cache what they
  // look up per word, so the lookups' speed hardly shows.
  std::vector<std::string_view> words;  // about 136,000 base forms, lowercase
  std::vector<std::string_view> stems;  // the Snowball stems of the words

  bool has_word(std::string_view word) const;
  bool has_stem(std::string_view stem) const;
};

// Built once per process, on first use.
const SwedishDictionary& swedish_dictionary();

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_SWEDISH_DICTIONARY_H
