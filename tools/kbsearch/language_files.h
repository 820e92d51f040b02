// Word lists and synonym lists given per language on the command line as
// LANG=FILE (--keep-whole, --synonyms).
#ifndef KBSEARCH_TOOLS_LANGUAGE_FILES_H
#define KBSEARCH_TOOLS_LANGUAGE_FILES_H

#include <map>
#include <string>
#include <vector>

namespace kbsearch::cli {

// --keep-whole LANG=FILE: one word per line. Throws CLI::ValidationError.
std::map<std::string, std::vector<std::string>> read_keep_whole(const std::vector<std::string>& specs);

// --synonyms LANG=FILE: one group per line, its words or phrases separated
// by commas ("2fa, tvåstegsverifiering"). Throws CLI::ValidationError.
std::map<std::string, std::vector<std::vector<std::string>>> read_synonyms(const std::vector<std::string>& specs);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_LANGUAGE_FILES_H
