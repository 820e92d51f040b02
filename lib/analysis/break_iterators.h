// ICU break iterators: each kind is built once per process (building one
// loads its rules and dictionaries) and cloned for each user (a clone is
// cheap, and an iterator is not safe to share between threads).
#ifndef KBSEARCH_LIB_ANALYSIS_BREAK_ITERATORS_H
#define KBSEARCH_LIB_ANALYSIS_BREAK_ITERATORS_H

#include <unicode/brkiter.h>

#include <memory>

namespace kbsearch::analysis {

// Word boundaries. The root locale's rules already apply the dictionaries
// of every script that needs one, so one iterator serves all languages.
std::unique_ptr<icu::BreakIterator> new_word_iterator();

// Grapheme cluster boundaries (characters as a reader sees them).
std::unique_ptr<icu::BreakIterator> new_character_iterator();

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_BREAK_ITERATORS_H
