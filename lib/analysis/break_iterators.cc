#include "analysis/break_iterators.h"

#include <unicode/locid.h>

#include "analysis/icu_check.h"

namespace kbsearch::analysis {
namespace {

using Create = icu::BreakIterator* (*)(const icu::Locale&, UErrorCode&);

std::unique_ptr<icu::BreakIterator> clone_of(const icu::BreakIterator& prototype, const char* kind) {
  std::unique_ptr<icu::BreakIterator> clone(prototype.clone());
  if (!clone) throw Error(std::string("ICU failed while cloning the ") + kind + " break iterator");
  return clone;
}

std::unique_ptr<icu::BreakIterator> create(Create create, const char* what) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(create(icu::Locale::getRoot(), status));
  check_icu(status, what);
  return bi;
}

}  // namespace

std::unique_ptr<icu::BreakIterator> new_word_iterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype =
      create(&icu::BreakIterator::createWordInstance, "creating the word break iterator");
  return clone_of(*prototype, "word");
}

std::unique_ptr<icu::BreakIterator> new_character_iterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype =
      create(&icu::BreakIterator::createCharacterInstance, "creating the character break iterator");
  return clone_of(*prototype, "character");
}

}  // namespace kbsearch::analysis
