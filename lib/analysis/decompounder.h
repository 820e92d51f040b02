// Stage "split", Swedish: compound words are split into their parts, which
// are indexed at the compound's position, so that `kundsupport`, `support`
// and `förfrågningar` all find `kundsupportförfrågningar`.
//
// Dictionary-based: a part before the last must be a word of the Swedish
// Hunspell dictionary as written (a linking -s- after it is allowed:
// kundtjänst+s+ärende); the last part may be any inflected form whose
// Snowball stem is the stem of a dictionary word (förfrågningar ->
// förfrågning). Parts have at least four letters, so short words such as
// "ord" or "app" never split a compound into noise, and a word the
// dictionary knows as a whole (återställ, kundtjänsten) is not split at all:
// only compounds coined in the text are.
//
// In the chain, the filter in compound_parts.h adds the parts.
#ifndef KBSEARCH_LIB_ANALYSIS_DECOMPOUNDER_H
#define KBSEARCH_LIB_ANALYSIS_DECOMPOUNDER_H

#include <string>
#include <string_view>
#include <vector>

#include "analysis/stemmer.h"
#include "util/flat_string_map.h"

namespace kbsearch::analysis {

class Decompounder {
 public:
  Decompounder();

  // The parts of a case-folded word, or nothing when it is not a compound.
  std::vector<std::string> split(std::string_view word);

  // The terms of the part tokens that follow a case-folded word: its parts
  // and every run of adjacent parts but the whole word (kund, kundsupport,
  // support, supportförfrågningar, förfrågningar), or nothing when it is not
  // a compound. Valid until the next call.
  const std::vector<std::string>& part_terms(std::string_view word);

 private:
  bool split_from(std::string_view word, std::size_t pos, int depth, std::vector<std::string>& parts);
  bool is_final_part(std::string_view part);

  // Trying every split point costs dozens of lookups a word; words repeat,
  // so part terms are remembered (bounded: cleared when full).
  static constexpr std::size_t kCacheLimit = 1 << 15;
  util::FlatStringMap<std::vector<std::string>> cache_;
  Stemmer stemmer_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_DECOMPOUNDER_H
