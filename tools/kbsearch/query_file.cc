#include "query_file.h"

#include <algorithm>
#include <iostream>
#include <map>

namespace kbsearch::cli {

TsvReader::TsvReader(const std::string& path, std::size_t fields, std::string format, std::size_t max_fields)
    : name_(path == "-" ? "<stdin>" : path),
      fields_(fields),
      max_fields_(std::max(fields, max_fields)),
      format_(std::move(format)) {
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
    if (line.fields.size() < fields_ || line.fields.size() > max_fields_) {
      const std::string count =
          std::to_string(fields_) + (max_fields_ > fields_ ? " or " + std::to_string(max_fields_) : "");
      line.problem = "expected " + format_ + " (" + count + " tab-separated fields), found " +
                     std::to_string(line.fields.size());
    }
    return true;
  }
  if (in_->bad()) throw InputFileError(name_ + ":" + std::to_string(number_ + 1) + ": cannot be read");
  return false;
}

std::vector<TsvLine> read_tsv(const std::string& path, std::size_t fields, const std::string& format,
                              std::size_t max_fields) {
  TsvReader reader(path, fields, format, max_fields);
  std::vector<TsvLine> lines;
  for (TsvLine line; reader.next(line);) {
    if (!line.problem.empty()) {
      throw InputFileError(reader.name() + ":" + std::to_string(line.number) + ": " + line.problem);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

namespace {

std::string where(const std::string& path, std::size_t line) { return path + ":" + std::to_string(line) + ": "; }

// A whole number from `min` to `max`, or an InputFileError naming the line.
long whole_number(const std::string& text, long min, long max, const std::string& what, const std::string& at) {
  try {
    std::size_t used = 0;
    const long n = std::stol(text, &used);
    if (used == text.size() && n >= min && n <= max) return n;
  } catch (const std::logic_error&) {
  }
  throw InputFileError(at + what + " '" + text + "' is not a whole number from " + std::to_string(min) + " to " +
                       std::to_string(max));
}

std::map<std::string, Grades> read_qrels(const std::string& path) {
  std::map<std::string, Grades> qrels;
  for (const TsvLine& line : read_tsv(path, 3, "query_id<TAB>doc_id<TAB>grade")) {
    qrels[line.fields[0]][line.fields[1]] =
        static_cast<int>(whole_number(line.fields[2], -1000, 1000, "grade", where(path, line.number)));
  }
  return qrels;
}

}  // namespace

std::vector<JudgedLine> read_test_collection(const std::string& queries, const std::string& qrels) {
  const std::map<std::string, Grades> judgments = read_qrels(qrels);
  std::vector<JudgedLine> collection;
  for (TsvLine& line : read_tsv(queries, 3, "query_id<TAB>lang<TAB>query")) {
    const auto grades = judgments.find(line.fields[0]);
    if (grades == judgments.end()) {
      throw InputFileError(where(queries, line.number) + "query '" + line.fields[0] + "' has no judgments in " +
                           qrels);
    }
    collection.push_back(
        {line.number, {line.fields[0], std::move(line.fields[1]), std::move(line.fields[2]), grades->second}});
  }
  return collection;
}

std::vector<MustFind> read_must_find(const std::string& path) {
  std::vector<MustFind> must_find;
  for (TsvLine& line : read_tsv(path, 3, "lang<TAB>query<TAB>article id[<TAB>max rank]", 4)) {
    MustFind q{std::move(line.fields[0]), std::move(line.fields[1]), std::move(line.fields[2])};
    if (q.query.empty() || q.expected_id.empty()) {
      throw InputFileError(where(path, line.number) + "the query and the article id must not be empty");
    }
    if (line.fields.size() == 4) {
      q.max_rank = static_cast<std::size_t>(whole_number(line.fields[3], 1, 100, "max rank", where(path, line.number)));
    }
    must_find.push_back(std::move(q));
  }
  return must_find;
}

}  // namespace kbsearch::cli
