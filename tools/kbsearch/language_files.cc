#include "language_files.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <sstream>

namespace kbsearch::cli {
namespace {

// The lines of each LANG=FILE given to `option`, trimmed, without blank
// lines and '#' comments.
struct ListLine {
  std::string file;
  std::size_t number;
  std::string text;
};
std::map<std::string, std::vector<ListLine>> read_language_files(const std::string& option,
                                                                 const std::vector<std::string>& specs) {
  std::map<std::string, std::vector<ListLine>> files;
  for (const auto& spec : specs) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw CLI::ValidationError(option, "expected LANG=FILE, got '" + spec + "'");
    }
    const std::string path = spec.substr(eq + 1);
    std::ifstream in(path);
    if (!in) throw CLI::ValidationError(option, "cannot read " + path);
    std::vector<ListLine>& lines = files[spec.substr(0, eq)];
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      const auto first = line.find_first_not_of(" \t\r");
      const auto last = line.find_last_not_of(" \t\r");
      if (first == std::string::npos || line[first] == '#') continue;
      lines.push_back({path, number, line.substr(first, last - first + 1)});
    }
  }
  return files;
}

}  // namespace

std::map<std::string, std::vector<std::string>> read_keep_whole(const std::vector<std::string>& specs) {
  std::map<std::string, std::vector<std::string>> lists;
  for (const auto& [lang, lines] : read_language_files("--keep-whole", specs)) {
    for (const ListLine& line : lines) lists[lang].push_back(line.text);
  }
  return lists;
}

std::map<std::string, std::vector<std::vector<std::string>>> read_synonyms(const std::vector<std::string>& specs) {
  std::map<std::string, std::vector<std::vector<std::string>>> lists;
  for (const auto& [lang, lines] : read_language_files("--synonyms", specs)) {
    for (const ListLine& line : lines) {
      std::vector<std::string> group;
      std::stringstream entries(line.text);
      for (std::string entry; std::getline(entries, entry, ',');) {
        const auto first = entry.find_first_not_of(" \t");
        if (first != std::string::npos) group.push_back(entry.substr(first, entry.find_last_not_of(" \t") - first + 1));
      }
      if (group.size() < 2) {
        throw CLI::ValidationError("--synonyms", line.file + ":" + std::to_string(line.number) +
                                                     ": a group needs two or more entries separated by commas");
      }
      lists[lang].push_back(std::move(group));
    }
  }
  return lists;
}

}  // namespace kbsearch::cli
