// Reading the tab-separated files of batch searches and evaluations.
#ifndef KBSEARCH_TOOLS_QUERY_FILE_H
#define KBSEARCH_TOOLS_QUERY_FILE_H

#include <stdexcept>
#include <string>
#include <vector>

namespace kbsearch::cli {

// A command-line input file that is malformed: exit code 2.
class InputFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct TsvLine {
  std::size_t number = 0;  // 1-based line number, for messages
  std::vector<std::string> fields;
};

// The non-empty lines of `path`, each split at tabs into exactly `fields`
// fields. Throws InputFileError naming the file and line otherwise.
std::vector<TsvLine> read_tsv(const std::string& path, std::size_t fields, const std::string& format);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_QUERY_FILE_H
