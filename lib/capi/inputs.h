// The structs a C caller fills (options, request, article): their defaults,
// taken from the C++ structs' own, the check of the size their init
// function recorded, and their conversion to the C++ structs.
#ifndef KBSEARCH_LIB_CAPI_INPUTS_H
#define KBSEARCH_LIB_CAPI_INPUTS_H

#include <cstddef>

#include "kbsearch/article.h"
#include "kbsearch/kbsearch_c.h"
#include "kbsearch/options.h"
#include "kbsearch/search_request.h"

namespace kbsearch::capi {

// The body of kbsearch_*_init: fills the caller's `size` bytes of `*out`
// (the argument named `argument`) with the defaults of T, after checking
// `size` as below.
template <typename T>
void init_struct(T* out, std::size_t size, const char* function, const char* argument);

// Each throws KBSEARCH_INVALID_ARGUMENT for a struct whose `size` is not
// one its init function can have recorded (0 for a struct never set up,
// more than this library's sizeof for one from a newer header), and for
// field values out of their range. Fields past the caller's `size` take
// their defaults. A NULL `options` means the defaults.
IndexOptions to_cpp(const kbsearch_index_options* options, const char* function);
SearchOptions to_cpp(const kbsearch_search_options* options, const char* function);
SearchRequest to_cpp(const kbsearch_request& request, const char* function);
SuggestRequest to_cpp(const kbsearch_suggest_request& request, const char* function);
Article to_cpp(const kbsearch_article& article, const char* function);

}  // namespace kbsearch::capi

#endif  // KBSEARCH_LIB_CAPI_INPUTS_H
