// Output helpers shared by the commands: whether a stream is a terminal, and
// highlighting that is coloured there and absent elsewhere.
#ifndef KBSEARCH_TOOLS_TERMINAL_H
#define KBSEARCH_TOOLS_TERMINAL_H

#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "kbsearch/search_results.h"

namespace kbsearch::cli {

bool is_terminal(std::FILE* stream);

// --color WHEN, for the commands that print highlights: auto (the default),
// always or never.
void add_colour_option(CLI::App* cmd, std::string& when);

// Whether standard output gets colours: always; never; auto, on a terminal
// unless NO_COLOR is set to anything but "" (https://no-color.org).
bool use_colour(const std::string& when);

// Command-line words as one text, separated by single spaces.
std::string join_words(const std::vector<std::string>& words);

// `text` with each highlight wrapped in bold yellow when `colour` is set,
// and in [brackets] otherwise, so matches are visible in a pipe too.
std::string highlight(const std::string& text, const std::vector<Highlight>& spans, bool colour);

// Prints `value` and a newline, and flushes: indented, or on one line (JSON
// Lines). Text that is not UTF-8 (a file name, an unknown language code
// quoted back) is printed with U+FFFD in its place, rather than end the
// command with nlohmann's exception.
void print_json(const nlohmann::json& value, bool one_line = false);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_TERMINAL_H
