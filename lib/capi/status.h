// The C API's one door for errors: every entry point runs its body through
// guard(), which turns whatever was thrown into a kbsearch_status and keeps
// the message for kbsearch_errmsg(), so no exception crosses into C.
#ifndef KBSEARCH_LIB_CAPI_STATUS_H
#define KBSEARCH_LIB_CAPI_STATUS_H

#include <stdexcept>
#include <string>

#include "kbsearch/kbsearch_c.h"

namespace kbsearch::capi {

// A failure the C layer finds itself (a NULL argument, an unknown id), for
// the statuses that have no C++ error class.
class Failure : public std::runtime_error {
 public:
  Failure(kbsearch_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  kbsearch_status status() const noexcept { return status_; }

 private:
  kbsearch_status status_;
};

// Throws KBSEARCH_INVALID_ARGUMENT, the message naming the entry point.
[[noreturn]] void invalid_argument(const char* function, const std::string& problem);

// `pointer`, which must not be NULL: `name` says which argument it is.
template <typename T>
T* require(T* pointer, const char* function, const char* name) {
  if (pointer == nullptr) invalid_argument(function, std::string(name) + " is NULL");
  return pointer;
}

// Maps the exception being handled to its status and records its message.
kbsearch_status fail_with_current_exception() noexcept;

// Runs `body`: KBSEARCH_OK, or the status of what it threw.
template <typename Body>
kbsearch_status guard(Body&& body) noexcept {
  try {
    body();
    return KBSEARCH_OK;
  } catch (...) {
    return fail_with_current_exception();
  }
}

}  // namespace kbsearch::capi

#endif  // KBSEARCH_LIB_CAPI_STATUS_H
