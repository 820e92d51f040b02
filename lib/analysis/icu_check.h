// The one place an ICU status code becomes a kbsearch error, and the shared
// ICU normalizer instances (owned by ICU, built once per process).
#ifndef KBSEARCH_LIB_ANALYSIS_ICU_CHECK_H
#define KBSEARCH_LIB_ANALYSIS_ICU_CHECK_H

#include <unicode/normalizer2.h>
#include <unicode/utypes.h>

#include <string>

#include "kbsearch/error.h"

namespace kbsearch::analysis {

// Throws kbsearch::Error naming the operation when `status` is a failure.
inline void check_icu(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw Error(std::string("ICU failed while ") + what + ": " + u_errorName(status));
  }
}

// Returns ICU's normalizer for `form` (for example getNFKCInstance),
// throwing if its data cannot be loaded.
inline const icu::Normalizer2* normalizer(
    const icu::Normalizer2* (*form)(UErrorCode&), const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = form(status);
  check_icu(status, name);
  return n;
}

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_ICU_CHECK_H
