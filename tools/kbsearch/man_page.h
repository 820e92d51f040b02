// kbsearch(1), the manual page, written in man(7) roff from the same CLI11
// App tree that --help prints: descriptions, option names, placeholders,
// defaults and footers, so that the two cannot tell different stories.
#ifndef KBSEARCH_TOOLS_MAN_PAGE_H
#define KBSEARCH_TOOLS_MAN_PAGE_H

#include <CLI/CLI.hpp>

#include <ostream>

namespace kbsearch::cli {

// Writes kbsearch(1) for `app` and its commands to `out`, in UTF-8
// (`kbsearch --man`, which CMake runs to write the page it installs).
void write_man_page(const CLI::App& app, std::ostream& out);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_MAN_PAGE_H
