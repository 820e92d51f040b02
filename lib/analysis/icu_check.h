// The one place an ICU status code becomes a kbsearch error.
#ifndef KBSEARCH_LIB_ANALYSIS_ICU_CHECK_H
#define KBSEARCH_LIB_ANALYSIS_ICU_CHECK_H

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

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_ICU_CHECK_H
