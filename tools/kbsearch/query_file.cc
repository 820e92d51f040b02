#include "query_file.h"

#include <iostream>

namespace kbsearch::cli {

TsvReader::TsvReader(const std::string& path, std::size_t fields, std::string format)
    : name_(path == "-" ? "<stdin>" : path), fields_(fields), format_(std::move(format)) {
  if (path == "-") {
    in_ = &std::cin;
    return;
  }
  file_.open(path);
  if (!file_) throw InputFileError(path + ": cannot be read");
  in_ = &file_;
}

bool TsvReader::next(TsvLine& line) {
  std::string text;
  while (std::getline(*in_, text)) {
    ++number_;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty()) continue;
    line = TsvLine{number_, {}, {}};
    std::size_t start = 0;
    for (std::size_t tab; (tab = text.find('\t', start)) != std::string::npos; start = tab + 1) {
      line.fields.push_back(text.substr(start, tab - start));
    }
    line.fields.push_back(text.substr(start));
    if (line.fields.size() != fields_) {
      line.problem = "expected " + format_ + " (" + std::to_string(fields_) + " tab-separated fields), found " +
                     std::to_string(line.fields.size());
    }
    return true;
  }
  if (in_->bad()) throw InputFileError(name_ + ":" + std::to_string(number_ + 1) + ": cannot be read");
  return false;
}

std::vector<TsvLine> read_tsv(const std::string& path, std::size_t fields, const std::string& format) {
  TsvReader reader(path, fields, format);
  std::vector<TsvLine> lines;
  for (TsvLine line; reader.next(line);) {
    if (!line.problem.empty()) {
      throw InputFileError(reader.name() + ":" + std::to_string(line.number) + ": " + line.problem);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace kbsearch::cli
