// kbsearch eval --db PATH --queries FILE --qrels FILE [--json]
//
// Runs every query (query_id<TAB>lang<TAB>query) as `kbsearch search` would
// and reports MRR@10, nDCG@10 and recall@10 against the judgments
// (query_id<TAB>doc_id<TAB>grade), overall and per language. A query the
// searcher rejects (over a limit) scores 0 and is reported on stderr.
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "kbsearch/error.h"
#include "kbsearch/evaluation.h"
#include "kbsearch/searcher.h"
#include "query_file.h"
#include "terminal.h"

namespace kbsearch::cli {
namespace {

constexpr std::size_t kCutoff = 10;

struct EvalArgs {
  std::string db;
  std::string queries;
  std::string qrels;
  bool json = false;
};

struct Totals {
  std::size_t queries = 0;
  double mrr = 0, ndcg = 0, recall = 0;

  void add(const RankingScores& s) {
    ++queries;
    mrr += s.reciprocal_rank;
    ndcg += s.ndcg;
    recall += s.recall;
  }
  nlohmann::json json() const {
    const double n = queries == 0 ? 1.0 : static_cast<double>(queries);
    return {{"queries", queries}, {"mrr@10", mrr / n}, {"ndcg@10", ndcg / n}, {"recall@10", recall / n}};
  }
};

void print_row(const std::string& name, const nlohmann::json& t) {
  std::cout << std::left << std::setw(10) << name << std::right << std::setw(8) << t["queries"].get<std::size_t>()
            << std::fixed << std::setprecision(3) << std::setw(10) << t["mrr@10"].get<double>()
            << std::setw(10) << t["ndcg@10"].get<double>() << std::setw(11) << t["recall@10"].get<double>()
            << "\n";
}

int run_eval(const EvalArgs& args) {
  const std::vector<JudgedLine> collection = read_test_collection(args.queries, args.qrels);
  Searcher searcher(args.db);
  Totals overall;
  std::map<std::string, Totals> per_language;
  nlohmann::json per_query = nlohmann::json::array();
  for (const auto& [number, judged] : collection) {
    SearchRequest request;
    request.lang = judged.lang;
    request.query = judged.query;
    request.limit = kCutoff;
    request.facets = false;
    request.snippets = false;
    // A query the searcher rejects finds nothing: it scores 0 and the
    // rest of the collection is still measured.
    std::vector<std::string> ranked;
    std::string error;
    try {
      for (const Hit& hit : searcher.search(request).hits) ranked.push_back(hit.id);
    } catch (const QueryError& e) {
      error = e.what();
    }
    const RankingScores scores = score_ranking(ranked, judged.grades, kCutoff);
    overall.add(scores);
    per_language[request.lang.empty() ? "(any)" : request.lang].add(scores);
    per_query.push_back({{"id", judged.id}, {"lang", request.lang}, {"query", request.query},
                         {"rr", scores.reciprocal_rank}, {"ndcg", scores.ndcg},
                         {"recall", scores.recall}, {"ranked", ranked}});
    if (!error.empty()) {
      per_query.back()["error"] = error;
      std::cerr << args.queries << ":" << number << ": " << error << "\n";
    }
  }
  nlohmann::json languages = nlohmann::json::object();
  for (const auto& [lang, totals] : per_language) languages[lang] = totals.json();
  if (args.json) {
    print_json({{"overall", overall.json()}, {"languages", languages}, {"queries", per_query}});
    return kExitOk;
  }
  std::cout << "language   queries    MRR@10   nDCG@10  recall@10\n";
  for (const auto& [lang, totals] : languages.items()) print_row(lang, totals);
  print_row("all", overall.json());
  return kExitOk;
}

}  // namespace

Command add_eval_command(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand("eval", "Measure ranking quality against relevance judgments");
  cmd->footer(
      "Example:\n"
      "  kbsearch eval --db /var/lib/kb --queries tests/relevance/queries.tsv --qrels tests/relevance/qrels.tsv\n"
      "A query the searcher rejects is named on stderr and counts as finding nothing.\n"
      "Exit codes: 0 success; 2 usage error, or a file that cannot be read or has a bad line; 4 index "
      "missing, corrupt or of another version; 5 other error.");
  cmd->add_option("--db", args->db, "Index directory or stub file")->required()->type_name("PATH");
  cmd->add_option("--queries", args->queries, "FILE of query_id<TAB>lang<TAB>query lines (lang may be empty)")
      ->required()
      ->type_name("FILE");
  cmd->add_option("--qrels", args->qrels, "FILE of query_id<TAB>doc_id<TAB>grade lines")
      ->required()
      ->type_name("FILE");
  cmd->add_flag("--json", args->json, "Print the figures, and each query's, as JSON");
  return {cmd, [args] { return run_eval(*args); }};
}

}  // namespace kbsearch::cli
