// kbsearch index --db DIR [--json] [--max-file-size BYTES] PATH...
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "kbsearch/indexer.h"

namespace kbsearch::cli {
namespace {

struct IndexArgs {
  std::string db;
  std::vector<std::string> paths;
  bool json = false;
  std::uint64_t max_file_bytes = IndexOptions().max_file_bytes;
  std::vector<std::string> keep_whole;  // LANG=FILE
};

// Reads --keep-whole LANG=FILE word lists: one word per line, '#' comments.
std::map<std::string, std::vector<std::string>> read_keep_whole(const std::vector<std::string>& specs) {
  std::map<std::string, std::vector<std::string>> lists;
  for (const auto& spec : specs) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw CLI::ValidationError("--keep-whole", "expected LANG=FILE, got '" + spec + "'");
    }
    const std::string path = spec.substr(eq + 1);
    std::ifstream in(path);
    if (!in) throw CLI::ValidationError("--keep-whole", "cannot read " + path);
    std::vector<std::string>& words = lists[spec.substr(0, eq)];
    for (std::string line; std::getline(in, line);) {
      const auto first = line.find_first_not_of(" \t\r");
      const auto last = line.find_last_not_of(" \t\r");
      if (first == std::string::npos || line[first] == '#') continue;
      words.push_back(line.substr(first, last - first + 1));
    }
  }
  return lists;
}

nlohmann::json report_json(const IndexReport& r) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : r.errors) errors.push_back({{"path", e.path}, {"message", e.message}});
  return {{"added", r.added},     {"updated", r.updated}, {"deleted", r.deleted},
          {"unchanged", r.unchanged}, {"failed", r.failed}, {"errors", errors},
          {"seconds", r.seconds}};
}

int run_index(const IndexArgs& args) {
  IndexOptions options;
  options.max_file_bytes = args.max_file_bytes;
  options.keep_whole = read_keep_whole(args.keep_whole);
  Indexer indexer(args.db, options);
  const IndexReport report = indexer.index(args.paths);

  if (args.json) std::cout << report_json(report).dump(2) << "\n";
  for (const auto& e : report.errors) std::cerr << "error: " << e.path << ": " << e.message << "\n";
  std::cerr << "indexed into " << args.db << ": " << report.added << " added, " << report.updated
            << " updated, " << report.deleted << " deleted, " << report.unchanged
            << " unchanged, " << report.failed << " failed (" << report.seconds << " s)\n";
  return report.failed == 0 ? kExitOk : kExitSomeFailed;
}

}  // namespace

Command add_index_command(CLI::App& app) {
  auto args = std::make_shared<IndexArgs>();
  CLI::App* cmd = app.add_subcommand("index", "Index Markdown articles (.md, .markdown, .txt)");
  cmd->add_option("--db", args->db, "Index directory (created if missing)")->required();
  cmd->add_flag("--json", args->json, "Print the report as JSON on stdout");
  cmd->add_option("--max-file-size", args->max_file_bytes,
                  "Files larger than this many bytes are reported, not read")
      ->capture_default_str();
  cmd->add_option("--keep-whole", args->keep_whole,
                  "LANG=FILE: words (one per line) that segmentation must not split, e.g. "
                  "th=thai-words.txt; stored in the index, used by every later run and search");
  cmd->add_option("paths", args->paths, "Files and directories to index")->required();
  return {cmd, [args] { return run_index(*args); }};
}

}  // namespace kbsearch::cli
