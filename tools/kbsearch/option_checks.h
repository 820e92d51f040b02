// Checks of option values whose names --help leaves out: an option's
// placeholder says what its value is (N, DIR, SECONDS), its text the range,
// and neither shows the parser's types ("N:UINT in [0 - 1024]").
#ifndef KBSEARCH_TOOLS_OPTION_CHECKS_H
#define KBSEARCH_TOOLS_OPTION_CHECKS_H

#include <CLI/CLI.hpp>

#include <string>

namespace kbsearch::cli {

inline CLI::Validator unlabelled(CLI::Validator check) {
  check.description("");
  return check;
}

// 0 or more: unsigned parsing alone would read -1 as 18446744073709551615.
inline CLI::Validator whole_number() {
  return CLI::Validator(
      [](const std::string& value) {
        return value.find_first_not_of("0123456789") == std::string::npos && !value.empty()
                   ? std::string()
                   : "must be a whole number, 0 or more, not '" + value + "'";
      },
      "");
}

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_OPTION_CHECKS_H
