// Stage "split", Turkish: a suffix after an apostrophe belongs to the word
// before it (SLA'lar "the SLAs", Windows'un "of Windows", iPhone’a "to the
// iPhone"), so the term is the base word: sla, windows, iphone. The token's
// text still covers the whole written word, suffix included. After a number
// or a code (4.2.1'dir, 11'de, 0x80070005'i) segmentation has already cut
// the suffix off as a word of its own; it is put back onto its base.
#ifndef KBSEARCH_LIB_ANALYSIS_APOSTROPHE_SPLITTER_H
#define KBSEARCH_LIB_ANALYSIS_APOSTROPHE_SPLITTER_H

#include <cstddef>
#include <string_view>
#include <vector>

#include "kbsearch/analyzer.h"

namespace kbsearch::analysis {

// Expects case-folded terms, where ’ has already become '. `text` is the
// original input the tokens' offsets point into.
void strip_apostrophe_suffixes(std::string_view text, std::vector<Token>& tokens);

// Its two steps, for building tokens one at a time. A word (not a part)
// takes the next word (not a part) as its suffix when only an apostrophe
// is between them, the word ending at byte `end` of `text` and the next
// starting at `next_start`; a word takes one suffix at most.
bool apostrophe_between(std::string_view text, std::size_t end, std::size_t next_start);
// The base of a case-folded term: up to its apostrophe (sla'lar -> sla).
std::string_view base_term(std::string_view term);

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_APOSTROPHE_SPLITTER_H
