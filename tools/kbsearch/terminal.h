// Output helpers shared by the commands: whether a stream is a terminal, and
// highlighting that is coloured there and absent elsewhere.
#ifndef KBSEARCH_TOOLS_TERMINAL_H
#define KBSEARCH_TOOLS_TERMINAL_H

#include <cstdio>
#include <string>
#include <vector>

#include "kbsearch/searcher.h"

namespace kbsearch::cli {

bool is_terminal(std::FILE* stream);

// Command-line words as one text, separated by single spaces.
std::string join_words(const std::vector<std::string>& words);

// `text` with each highlight wrapped in bold yellow when `colour` is set,
// and in [brackets] otherwise, so matches are visible in a pipe too.
std::string highlight(const std::string& text, const std::vector<Highlight>& spans, bool colour);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_TERMINAL_H
