// kbsearch search --db PATH [options] QUERY...
// kbsearch search --db PATH [options] --queries FILE|-   (lang<TAB>query lines)
#include <chrono>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"
#include "option_checks.h"
#include "kbsearch/error.h"
#include "kbsearch/searcher.h"
#include "query_file.h"
#include "results_json.h"
#include "search_output.h"
#include "terminal.h"

namespace kbsearch::cli {
namespace {

struct SearchArgs {
  std::string db;
  std::string lang;
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::string sort = "relevance";
  bool all_translations = false;
  bool no_facets = false;
  bool no_snippets = false;
  std::size_t facet_max_matches = SearchOptions{}.facet_max_matches;
  double recency_bonus = 0;
  std::size_t snippet_chars = SearchOptions{}.snippet_chars;
  std::string mark_pre = SearchOptions{}.mark_pre;
  std::string mark_post = SearchOptions{}.mark_post;
  bool allow_missing_shards = false;
  bool json = false;
  bool fail_on_empty = false;
  std::string colour = "auto";
  std::string queries;
  std::vector<std::string> words;
};

std::string facet_line(const std::vector<FacetCount>& counts) {
  std::string line;
  for (const FacetCount& c : counts) {
    line += (line.empty() ? "" : ", ") + c.value + " " + std::to_string(c.count);
  }
  return line;
}

}  // namespace

void print_results(const SearchResults& results, bool colour, std::size_t offset) {
  for (const std::string& shard : results.missing_shards) {
    std::cerr << "warning: shard '" << shard << "' did not answer; its articles are missing\n";
  }
  if (!results.suggestion.empty()) std::cout << "Did you mean: " << results.suggestion << "\n\n";
  if (results.phrases_as_words && !results.hits.empty()) {
    std::cout << "No article has the quoted words in sequence; these have the words.\n\n";
  }
  if (results.hits.empty() && results.total > 0 && offset > 0) {
    std::cout << "This page is empty: " << results.total << " result" << (results.total == 1 ? "" : "s")
              << " match \"" << results.query << "\", and --offset " << offset << " skips them all.\n";
    return;
  }
  if (results.hits.empty()) {
    std::cout << "No articles match \"" << results.query << "\".\n";
    return;
  }
  std::cout << (results.facets_exact ? "" : "About ") << results.total << " matching article"
            << (results.total == 1 ? "" : "s") << " for \"" << results.query << "\":\n\n";
  for (const Hit& h : results.hits) {
    std::ostringstream score;
    score << std::fixed << std::setprecision(2) << h.score;
    const std::string link = h.section_anchor.empty() ? h.path : h.path + "#" + h.section_anchor;
    std::cout << std::setw(3) << h.rank << ". " << (colour ? "\033[1m" : "") << h.title
              << (colour ? "\033[0m" : "") << "  [" << h.lang << "]  score " << score.str() << "\n"
              << "     " << h.id << "  " << link << "\n";
    std::vector<std::string> others;
    for (const std::string& lang : h.languages) {
      if (lang != h.lang) others.push_back(lang);
    }
    if (!others.empty()) std::cout << "     also in: " << join_words(others) << "\n";
    if (!h.section_heading.empty()) std::cout << "     § " << h.section_heading << "\n";
    std::cout << "     " << highlight(h.snippet, h.highlights, colour) << "\n\n";
  }
  // Past --facet-max-matches the counts are estimates.
  const char* estimated = results.facets_exact ? "" : " (estimated)";
  if (!results.languages.empty()) {
    std::cout << "Languages" << estimated << ": " << facet_line(results.languages) << "\n";
  }
  if (!results.tags.empty()) std::cout << "Tags" << estimated << ": " << facet_line(results.tags) << "\n";
}

namespace {

SearchRequest make_request(const SearchArgs& args, std::string query, std::string lang) {
  SearchRequest request;
  request.query = std::move(query);
  request.lang = std::move(lang);
  request.limit = args.limit;
  request.offset = args.offset;
  request.sort = args.sort == "updated" ? SortOrder::kUpdated : SortOrder::kRelevance;
  request.all_translations = args.all_translations;
  request.facets = !args.no_facets;
  request.snippets = !args.no_snippets;
  request.snippet_chars = args.snippet_chars;
  request.mark_pre = args.mark_pre;
  request.mark_post = args.mark_post;
  return request;
}

// Answers each line as it is read, as one line of JSON (JSON Lines),
// flushed, so that a program writing queries to our standard input reads
// each answer before it writes the next query. A line that cannot be
// answered gets an error answer naming it and the batch goes on; its exit
// code says so.
int run_batch(const SearchArgs& args, Searcher& searcher) {
  TsvReader reader(args.queries, 2, "lang<TAB>query");
  int exit_code = kExitOk;
  const auto reject = [&](const TsvLine& line, const char* code, const std::string& message) {
    std::cerr << reader.name() << ":" << line.number << ": " << message << "\n";
    print_json({{"line", line.number}, {"error", {{"code", code}, {"message", message}}}}, true);
    exit_code = kExitSomeFailed;
  };
  for (TsvLine line; reader.next(line);) {
    if (!line.problem.empty()) {
      reject(line, "malformed_line", line.problem);
      continue;
    }
    const auto started = std::chrono::steady_clock::now();
    try {
      nlohmann::json answer = results_json(searcher.search(make_request(args, line.fields[1], line.fields[0])));
      answer["line"] = line.number;
      answer["took_ms"] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      print_json(answer, true);
    } catch (const QueryError& e) {
      reject(line, "rejected_query", e.what());
    }
  }
  return exit_code;
}

int run_search(const SearchArgs& args) {
  // Before the index is opened: a usage error is the same whatever the index.
  if (!args.queries.empty() && !args.words.empty()) {
    throw CLI::ValidationError("search", "give a QUERY or --queries FILE, not both (the query '" +
                                             join_words(args.words) + "' would be ignored)");
  }
  if (args.queries.empty() && args.words.empty()) throw CLI::ValidationError("search", "give a QUERY or --queries FILE");
  SearchOptions options;
  options.recency_bonus = args.recency_bonus;
  options.allow_missing_shards = args.allow_missing_shards;
  options.facet_max_matches = args.facet_max_matches;
  Searcher searcher(args.db, options);
  if (!args.queries.empty()) return run_batch(args, searcher);
  const SearchResults results = searcher.search(make_request(args, join_words(args.words), args.lang));
  if (args.json) print_json(results_json(results));
  else print_results(results, use_colour(args.colour), args.offset);
  return args.fail_on_empty && results.hits.empty() ? kExitSomeFailed : kExitOk;
}

}  // namespace

Command add_search_command(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "Search the index");
  cmd->footer(
      "Query language: words; \"exact phrase\"; -excluded; OR, AND, (parentheses); prefix*; "
      "title:word; filters lang:sv tag:billing group:reset-password. Put the query after -- when "
      "it has -excluded words (kbsearch search --db DIR -- password -sso), or quote it whole.\n"
      "Examples:\n"
      "  kbsearch search --db /var/lib/kb -l sv glömt lösenord\n"
      "  kbsearch search --db /var/lib/kb -j -n 5 -- 'senha -sso' lang:pt\n"
      "Exit codes: 0 success, a match or none; 1 some --queries lines were rejected, or nothing matched with "
      "--fail-on-empty; 2 usage error (arguments, query, language); 4 index missing, corrupt or of another "
      "version; 5 other error.");
  cmd->add_option("--db", args->db, "Index directory or stub file")->required()
      ->type_name("PATH");
  cmd->add_option("-l,--lang", args->lang,
                  "The user's language: analyse the query for it and prefer its translations "
                  "(default: guess from the query)")
      ->type_name("LANG");
  cmd->add_option("-n,--limit", args->limit, "Number of hits")
      ->check(whole_number())
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--offset", args->offset, "Skip this many hits")
      ->check(whole_number())
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--sort", args->sort, "Order of hits: relevance or updated (newest first)")
      ->check(unlabelled(CLI::IsMember({"relevance", "updated"})))
      ->capture_default_str()
      ->type_name("relevance|updated");
  cmd->add_flag("--all-translations", args->all_translations,
                "One hit per translation instead of one per translation group");
  cmd->add_flag("--no-facets", args->no_facets, "Do not count languages and tags");
  cmd->add_flag("--no-snippets", args->no_snippets, "Do not build snippets");
  cmd->add_option("--facet-max-matches", args->facet_max_matches,
                  "Count facets and the total over at most this many matches; past it they are "
                  "estimated (\"about\", facets_exact false in --json)")
      ->check(whole_number())
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--snippet-chars", args->snippet_chars, "Snippet length in characters")
      ->check(whole_number())
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--mark-pre", args->mark_pre,
                  "Put before each highlight in snippet_html (--json), as it is")
      ->capture_default_str()
      ->type_name("MARKUP");
  cmd->add_option("--mark-post", args->mark_post, "Put after each highlight in snippet_html (--json)")
      ->capture_default_str()
      ->type_name("MARKUP");
  cmd->add_option("--recency-bonus", args->recency_bonus,
                  "Score added to articles updated today, falling to 0 over a year")
      ->check(unlabelled(CLI::NonNegativeNumber))
      ->type_name("X");
  cmd->add_flag("--allow-missing-shards", args->allow_missing_shards,
                "Sharded index: when a shard and its replicas do not answer, answer from the "
                "other shards (and say which are missing) instead of failing");
  cmd->add_flag("-j,--json", args->json, "Print results as JSON (--queries always does)");
  add_colour_option(cmd, args->colour);
  cmd->add_flag("--fail-on-empty", args->fail_on_empty,
                "Exit 1 when nothing matches, as grep does (by default no match is success, exit 0)");
  cmd->add_option("--queries", args->queries,
                  "Answer every lang<TAB>query line of FILE (lang may be empty), each as soon as "
                  "it is read, as one line of JSON with took_ms; FILE - is standard input")
      ->type_name("FILE");
  cmd->add_option("query", args->words, "Query words")
      ->type_name("WORDS");
  return {cmd, [args] { return run_search(*args); }};
}

}  // namespace kbsearch::cli
