// kbsearch suggest --db PATH [--lang L] [-n N] [--completions N] [--json] QUERY...
// Search as you type: completions of the query's last word and the top
// articles of the first completion.
#include <iostream>

#include "commands.h"
#include "option_checks.h"
#include "kbsearch/searcher.h"
#include "results_json.h"
#include "search_output.h"
#include "terminal.h"

namespace kbsearch::cli {
namespace {

struct SuggestArgs {
  std::string db;
  SuggestRequest request;
  bool no_snippets = false;
  bool json = false;
  std::string colour = "auto";
  std::vector<std::string> words;
};

void print_suggestions(const Suggestions& suggestions, bool colour) {
  if (suggestions.completions.empty()) {
    std::cout << "No completions.\n\n";
  } else {
    std::cout << "Completions:\n";
    for (const Completion& c : suggestions.completions) {
      std::cout << "  " << c.query << "  (" << c.frequency << ")\n";
    }
    std::cout << "\n";
  }
  print_results(suggestions.results, colour);
}

int run_suggest(SuggestArgs& args) {
  // The query as typed, its last space included: a space after the last
  // word says it is finished, so the words are joined, not trimmed.
  std::string query;
  for (const std::string& word : args.words) query += (query.empty() ? "" : " ") + word;
  args.request.query = query;
  args.request.snippets = !args.no_snippets;
  Searcher searcher(args.db);
  const Suggestions suggestions = searcher.suggest(args.request);
  if (args.json) print_json(suggestions_json(suggestions));
  else print_suggestions(suggestions, use_colour(args.colour));
  return kExitOk;
}

}  // namespace

Command add_suggest_command(CLI::App& app) {
  auto args = std::make_shared<SuggestArgs>();
  CLI::App* cmd = app.add_subcommand("suggest", "Search as you type: complete the last word and search");
  cmd->footer(
      "The last word is completed from the index's words, the most frequent first, unless the query "
      "ends in a space. Thai typed without spaces completes its last segment.\n"
      "Examples:\n"
      "  kbsearch suggest --db /var/lib/kb --lang pt 'esqueci a sen'\n"
      "  kbsearch suggest --db /var/lib/kb --json ลืมรหัส\n"
      "Exit codes: 0 success, completions or none; 2 usage error (arguments, query, language); 4 index "
      "missing, corrupt or of another version; 5 other error.");
  cmd->add_option("--db", args->db, "Index directory or stub file")->required()->type_name("PATH");
  cmd->add_option("--lang", args->request.lang, "The user's language (default: guess from the query)")
      ->type_name("LANG");
  cmd->add_option("-n,--limit", args->request.limit, "Number of hits")
      ->check(whole_number())
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--completions", args->request.completions, "Number of completions (at most 10)")
      ->check(whole_number())
      ->capture_default_str()
      ->type_name("N");
  cmd->add_flag("--no-snippets", args->no_snippets, "Do not build snippets");
  cmd->add_flag("--json", args->json, "Print completions and results as JSON");
  add_colour_option(cmd, args->colour);
  cmd->add_option("query", args->words, "What has been typed so far")->required()->type_name("WORDS");
  return {cmd, [args] { return run_suggest(*args); }};
}

}  // namespace kbsearch::cli
