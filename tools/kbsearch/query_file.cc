#include "query_file.h"

#include <fstream>

namespace kbsearch::cli {

std::vector<TsvLine> read_tsv(const std::string& path, std::size_t fields, const std::string& format) {
  std::ifstream in(path);
  if (!in) throw InputFileError(path + ": cannot be read");
  std::vector<TsvLine> lines;
  std::string text;
  for (std::size_t number = 1; std::getline(in, text); ++number) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty()) continue;
    TsvLine line{number, {}};
    std::size_t start = 0;
    for (std::size_t tab; (tab = text.find('\t', start)) != std::string::npos; start = tab + 1) {
      line.fields.push_back(text.substr(start, tab - start));
    }
    line.fields.push_back(text.substr(start));
    if (line.fields.size() != fields) {
      throw InputFileError(path + ":" + std::to_string(number) + ": expected " + format + " (" +
                               std::to_string(fields) + " tab-separated fields), found " +
                               std::to_string(line.fields.size()));
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace kbsearch::cli
