// Validating YYYY-MM-DD dates, for front matter and publication labels.
#ifndef KBSEARCH_LIB_UTIL_CALENDAR_DATE_H
#define KBSEARCH_LIB_UTIL_CALENDAR_DATE_H

#include <string_view>

namespace kbsearch::util {

// True when `s` is exactly YYYY-MM-DD and names a day that exists
// (2024-02-29 yes, 2023-02-29 and 2024-04-31 no).
bool is_calendar_date(std::string_view s);

}  // namespace kbsearch::util

#endif  // KBSEARCH_LIB_UTIL_CALENDAR_DATE_H
