// kbsearch search --db PATH [--lang CODE] [--limit N] [--offset N] [--json] QUERY...
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"
#include "kbsearch/searcher.h"
#include "terminal.h"

namespace kbsearch::cli {
namespace {

struct SearchArgs {
  std::string db;
  std::string lang;
  std::size_t limit = 10;
  std::size_t offset = 0;
  bool json = false;
  std::vector<std::string> words;
};

nlohmann::json results_json(const SearchResults& results) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& h : results.hits) {
    nlohmann::json spans = nlohmann::json::array();
    for (const auto& s : h.highlights) spans.push_back({s.start, s.end});
    hits.push_back({{"rank", h.rank},   {"id", h.id},       {"lang", h.lang},
                    {"title", h.title}, {"path", h.path},   {"score", h.score},
                    {"snippet", h.snippet}, {"highlights", spans}});
  }
  return {{"query", results.query}, {"total", results.total}, {"hits", hits}};
}

void print_human(const SearchResults& results) {
  const bool colour = is_terminal(stdout);
  if (results.hits.empty()) {
    std::cout << "No articles match \"" << results.query << "\".\n";
    return;
  }
  std::cout << "About " << results.total << " matching article" << (results.total == 1 ? "" : "s")
            << " for \"" << results.query << "\":\n\n";
  for (const Hit& h : results.hits) {
    std::ostringstream score;
    score << std::fixed << std::setprecision(2) << h.score;
    std::cout << std::setw(3) << h.rank << ". " << (colour ? "\033[1m" : "") << h.title
              << (colour ? "\033[0m" : "") << "  [" << h.lang << "]  score " << score.str() << "\n"
              << "     " << h.id << "  " << h.path << "\n"
              << "     " << highlight(h.snippet, h.highlights, colour) << "\n\n";
  }
}

int run_search(const SearchArgs& args) {
  Searcher searcher(args.db);
  SearchRequest request;
  request.query = join_words(args.words);
  request.lang = args.lang;
  request.limit = args.limit;
  request.offset = args.offset;
  const SearchResults results = searcher.search(request);
  if (args.json) std::cout << results_json(results).dump(2) << "\n";
  else print_human(results);
  return kExitOk;
}

}  // namespace

Command add_search_command(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "Search the index");
  cmd->add_option("--db", args->db, "Index directory or stub file")->required();
  cmd->add_option("--lang", args->lang,
                  "Analyse the query for this language only (default: every indexed language)");
  cmd->add_option("--limit", args->limit, "Number of hits")->capture_default_str();
  cmd->add_option("--offset", args->offset, "Skip this many hits")->capture_default_str();
  cmd->add_flag("--json", args->json, "Print results as JSON");
  cmd->add_option("query", args->words, "Query words")->required();
  return {cmd, [args] { return run_search(*args); }};
}

}  // namespace kbsearch::cli
