// Reading the tab-separated files of batch searches and evaluations.
#ifndef KBSEARCH_TOOLS_QUERY_FILE_H
#define KBSEARCH_TOOLS_QUERY_FILE_H

#include <fstream>
#include <istream>
#include <stdexcept>
#include <string>
#include <vector>

#include "kbsearch/quality_check.h"

namespace kbsearch::cli {

// A command-line input file that is malformed: exit code 2.
class InputFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct TsvLine {
  std::size_t number = 0;  // 1-based line number, for messages
  std::vector<std::string> fields;
  // Why the line is not in the expected format, or empty when it is.
  std::string problem;
};

// Reads a file one line at a time, so that a caller can answer each line
// before the next one is written (a co-process on standard input).
class TsvReader {
 public:
  // `path` "-" is standard input. A line has `fields` fields, or up to
  // `max_fields` when more are optional. Throws InputFileError when the
  // file cannot be opened.
  TsvReader(const std::string& path, std::size_t fields, std::string format, std::size_t max_fields = 0);

  // The next non-empty line, split at tabs; a line without exactly `fields`
  // fields comes back with `problem` set, so the caller decides whether it
  // ends the run. False at the end of the input; throws InputFileError when
  // reading fails.
  bool next(TsvLine& line);

  // The file as messages name it.
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::size_t fields_;
  std::size_t max_fields_;
  std::string format_;
  std::ifstream file_;
  std::istream* in_;
  std::size_t number_ = 0;
};

// The non-empty lines of `path`, each split at tabs into exactly `fields`
// fields (up to `max_fields`, when set). Throws InputFileError naming the
// file and line otherwise.
std::vector<TsvLine> read_tsv(const std::string& path, std::size_t fields, const std::string& format,
                              std::size_t max_fields = 0);

// A query of a test collection (query_id<TAB>lang<TAB>query lines in
// `queries`) with its judgments (query_id<TAB>doc_id<TAB>grade lines in
// `qrels`), and the line it was read from.
struct JudgedLine {
  std::size_t number = 0;
  JudgedQuery query;
};
// Throws InputFileError naming the file and line of what is malformed,
// and of a query with no judgments.
std::vector<JudgedLine> read_test_collection(const std::string& queries, const std::string& qrels);

// A quality check's must-find queries: lang<TAB>query<TAB>article id
// [<TAB>max rank] lines (rank 10 when not given). Throws InputFileError
// naming the file and line of what is malformed.
std::vector<MustFind> read_must_find(const std::string& path);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_QUERY_FILE_H
