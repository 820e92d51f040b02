// kbsearch index --db DIR [options] PATH...; kbsearch rollback --db DIR
#include <fstream>
#include <iomanip>
#include <iostream>
#include <optional>
#include <map>
#include <sstream>
#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>

#include "commands.h"
#include "option_checks.h"
#include "language_files.h"
#include "kbsearch/indexer.h"
#include "query_file.h"
#include "terminal.h"

namespace kbsearch::cli {
namespace {

struct IndexArgs {
  std::string db;
  std::vector<std::string> paths;
  bool json = false;
  bool quiet = false;
  std::string max_file_size = "8M";
  std::vector<std::string> keep_whole;  // LANG=FILE
  std::vector<std::string> synonyms;    // LANG=FILE
  bool rebuild = false;
  bool from_source = false;
  bool dry_run = false;
  unsigned threads = 0;
  double wait_seconds = 0;
  std::size_t commit_every = 0;
  std::size_t flush_every = IndexOptions().flush_every;
  unsigned shards = 0;
  std::string shard;  // K/N
  bool follow_links = false;
  unsigned max_depth = IndexOptions().max_depth;
  std::string check;    // must-find queries
  std::string queries;  // with qrels: a test collection
  std::string qrels;
  double min_mrr = 0;
  std::optional<double> max_mrr_drop;
  bool no_check = false;
};

// "8M", "512K", "1G" (powers of 1024, an optional "iB" or "B" after the
// letter) or a number of bytes.
std::uint64_t parse_size(const std::string& text) {
  std::size_t used = 0;
  std::uint64_t number = 0;
  try {
    if (!text.empty() && text[0] != '-') number = std::stoull(text, &used);
  } catch (const std::logic_error&) {
  }
  std::string unit = text.substr(used);
  for (const char* suffix : {"iB", "B"}) {
    if (unit.size() > std::char_traits<char>::length(suffix) && unit.substr(1) == suffix) unit = unit.substr(0, 1);
  }
  const std::map<std::string, unsigned> shifts = {{"", 0}, {"K", 10}, {"k", 10}, {"M", 20}, {"G", 30}};
  const auto shift = shifts.find(unit);
  if (used == 0 || shift == shifts.end() || number > (UINT64_MAX >> shift->second)) {
    throw CLI::ValidationError("--max-file-size", "expected a size such as 8M, 512K or 1048576, not '" + text + "'");
  }
  return number << shift->second;
}

// The quality check the options give, if they give one.
std::optional<QualityCheck> quality_check(const IndexArgs& args) {
  if (args.no_check) return QualityCheck{};
  if (args.check.empty() && args.qrels.empty()) return std::nullopt;
  QualityCheck check;
  if (!args.check.empty()) check.must_find = read_must_find(args.check);
  if (!args.qrels.empty()) {
    for (JudgedLine& line : read_test_collection(args.queries, args.qrels)) check.judged.push_back(std::move(line.query));
  }
  check.min_mrr = args.min_mrr;
  check.max_mrr_drop = args.max_mrr_drop;
  return check;
}

nlohmann::json check_json(const QualityReport& check) {
  if (!check.ran) return nullptr;
  nlohmann::json failed = nlohmann::json::array();
  for (const QualityFailure& f : check.failed) {
    failed.push_back({{"lang", f.lang},
                      {"query", f.query},
                      {"expected", f.expected_id},
                      {"max_rank", f.max_rank},
                      {"got_rank", f.got_rank == 0 ? nlohmann::json(nullptr) : nlohmann::json(f.got_rank)}});
  }
  const auto figure = [](const std::optional<double>& mrr) { return mrr ? nlohmann::json(*mrr) : nlohmann::json(nullptr); };
  return {{"passed", check.passed}, {"failed", failed}, {"mrr", figure(check.mrr)},
          {"live_mrr", figure(check.live_mrr)}, {"reason", check.reason}};
}

void print_check(const QualityReport& check, const IndexReport& report) {
  if (!check.ran) return;
  if (check.passed) {
    std::cerr << "quality check passed";
    if (check.mrr) std::cerr << std::fixed << std::setprecision(3) << ": MRR@10 " << *check.mrr;
    if (check.live_mrr) std::cerr << " (live " << *check.live_mrr << ")";
    std::cerr << "\n";
    return;
  }
  std::cerr << "quality check failed: " << check.reason << "\n";
  for (const QualityFailure& f : check.failed) {
    std::cerr << "  missed: " << (f.lang.empty() ? "" : "[" + f.lang + "] ") << f.query << " -> " << f.expected_id
              << (f.got_rank == 0 ? std::string(" not in the first 100 hits")
                                  : " at rank " + std::to_string(f.got_rank))
              << " (must be in the first " << f.max_rank << ")\n";
  }
  std::cerr << "readers keep generation " << report.generation << "\n";
}

nlohmann::json file_errors_json(const std::vector<FileError>& errors) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : errors) out.push_back({{"path", e.path}, {"message", e.message}});
  return out;
}

nlohmann::json report_json(const IndexReport& r) {
  return {{"added", r.added},
          {"updated", r.updated},
          {"deleted", r.deleted},
          {"unchanged", r.unchanged},
          {"reanalysed", r.reanalysed},
          {"failed", r.failed},
          {"elsewhere", r.elsewhere},
          {"ids", {{"added", r.added_ids}, {"updated", r.updated_ids}, {"deleted", r.deleted_ids}}},
          {"errors", file_errors_json(r.errors)},
          {"warnings", file_errors_json(r.warnings)},
          {"stopped", r.stopped},
          {"dry_run", r.dry_run},
          {"generation", r.generation},
          {"seconds", r.seconds},
          {"check", check_json(r.check)},
          {"timings", {{"read", r.read_seconds}, {"analyze", r.analyze_seconds}, {"write", r.write_seconds}}}};
}

// A one-line progress bar with rate and time left, redrawn in place.
void draw_progress(const IndexProgress& p) {
  constexpr int kWidth = 30;
  const double fraction = p.total == 0 ? 1.0 : static_cast<double>(p.done) / static_cast<double>(p.total);
  const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
  const double left = rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0;
  const int filled = static_cast<int>(fraction * kWidth);
  std::fprintf(stderr, "\r[%s%s] %zu/%zu files  %.0f/s  ETA %.0fs ", std::string(static_cast<std::size_t>(filled), '#').c_str(),
               std::string(static_cast<std::size_t>(kWidth - filled), ' ').c_str(), p.done, p.total, rate, left);
  if (p.done == p.total) std::fputc('\n', stderr);
}

// SIGINT and SIGTERM ask the run to stop at the next file; a second one
// ends the process at once (the index is safe to kill). A signal the
// process was started ignoring (nohup, a background job) stays ignored.
std::atomic<bool> stop_asked{false};
volatile std::sig_atomic_t stop_signal = 0;

extern "C" void ask_to_stop(int signal) {
  stop_signal = signal;
  stop_asked.store(true);
}

void stop_on_signals() {
  struct sigaction action {};
  action.sa_handler = ask_to_stop;
  action.sa_flags = SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  for (const int signal : {SIGINT, SIGTERM}) {
    struct sigaction before {};
    sigaction(signal, nullptr, &before);
    if (before.sa_handler != SIG_IGN) sigaction(signal, &action, nullptr);
  }
}

std::string counts(const IndexReport& r) {
  return std::to_string(r.added) + " added, " + std::to_string(r.updated) + " updated, " +
         std::to_string(r.deleted) + " deleted";
}

// What an interrupted run leaves, and the exit code of its signal (128 + N,
// as a shell reports a process the signal killed).
int report_stopped(const IndexReport& report, bool progress_shown) {
  if (progress_shown) std::fputs("\r\033[K", stderr);
  const int signal = stop_signal;
  std::cerr << "interrupted by " << (signal == SIGINT ? "SIGINT" : "SIGTERM") << ": ";
  if (report.added + report.updated + report.deleted + report.reanalysed == 0) {
    std::cerr << "nothing was committed";
  } else {
    std::cerr << "committed " << counts(report) << " before it; the rest was not";
  }
  std::cerr << ". Readers have generation " << report.generation
            << "; run the same command again to finish.\n";
  return 128 + signal;
}

int run_index(const IndexArgs& args) {
  IndexOptions options;
  options.max_file_bytes = parse_size(args.max_file_size);
  options.keep_whole = read_keep_whole(args.keep_whole);
  options.synonyms = read_synonyms(args.synonyms);
  options.rebuild = args.rebuild;
  options.from_source = args.from_source;
  options.dry_run = args.dry_run;
  options.threads = args.threads;
  options.wait_seconds = args.wait_seconds;
  options.commit_every = args.commit_every;
  options.flush_every = args.flush_every;
  options.shards = args.shards;
  options.follow_links = args.follow_links;
  options.max_depth = args.max_depth;
  options.check = quality_check(args);
  if (!args.shard.empty()) {
    const auto [k, n] = parse_shard_spec(args.shard);
    if (args.shards != 0 && args.shards != n) {
      throw CLI::ValidationError("--shard", "names " + std::to_string(n) + " shards but --shards says " +
                                               std::to_string(args.shards));
    }
    options.shard = k;
    options.shards = n;
  }
  const bool progress_shown = is_terminal(stderr) && !args.quiet;
  if (progress_shown) options.progress = draw_progress;
  options.stop = &stop_asked;
  stop_on_signals();
  Indexer indexer(args.db, options);
  const IndexReport report = indexer.index(args.paths);

  if (args.json) print_json(report_json(report));
  for (const auto& e : report.errors) std::cerr << "error: " << e.path << ": " << e.message << "\n";
  if (report.stopped) return report_stopped(report, progress_shown);
  if (!args.quiet) {
    for (const auto& w : report.warnings) std::cerr << "warning: " << w.path << ": " << w.message << "\n";
  }
  if (args.quiet && report.check.passed) return report.failed == 0 ? kExitOk : kExitSomeFailed;
  std::cerr << (report.dry_run          ? "dry run, nothing written: would have "
                : !report.check.passed ? "refused by the quality check, nothing written: would have "
                : args.rebuild         ? "rebuilt " + args.db + ", every article analysed afresh: "
                                       : "indexed into " + args.db + ": ")
            << counts(report) << ", " << report.unchanged << " unchanged, "
            << (report.reanalysed != 0 ? std::to_string(report.reanalysed) + " analysed again (text unchanged), "
                                       : "")
            << report.failed << " failed"
            << (report.elsewhere != 0 ? ", " + std::to_string(report.elsewhere) + " in other shards" : "") << " ("
            << report.seconds << " s, generation " << report.generation << ")\n";
  print_check(report.check, report);
  if (!report.check.passed) return kExitCheckFailed;
  return report.failed == 0 ? kExitOk : kExitSomeFailed;
}

int run_rollback(const std::string& db, double wait_seconds) {
  const int generation = Indexer::rollback(db, wait_seconds);
  std::cerr << "rolled back " << db << " to generation " << generation << "\n";
  return kExitOk;
}

int run_check(const std::string& db, bool json) {
  const CheckReport report = Indexer::check(db);
  if (json) {
    print_json({{"ok", report.ok}, {"problems", report.problems}, {"checked", report.checked},
                {"articles", report.articles}});
  }
  for (const std::string& problem : report.problems) std::cerr << "error: " << problem << "\n";
  if (report.ok) {
    std::cerr << "checked " << db << ": " << report.checked.size() << " database(s), " << report.articles
              << " articles, no problem found\n";
  }
  return report.ok ? kExitOk : kExitIndexUnusable;
}

}  // namespace

Command add_index_command(CLI::App& app) {
  auto args = std::make_shared<IndexArgs>();
  CLI::App* cmd = app.add_subcommand("index", "Index Markdown articles (.md, .markdown, .txt)");
  cmd->footer(
      "Examples:\n"
      "  kbsearch index --db /var/lib/kb /srv/help-center\n"
      "  kbsearch index --db /var/lib/kb --rebuild --quiet --json --check must-find.tsv /srv/help-center\n"
      "Exit codes: 0 success; 1 some files failed (the rest was indexed and committed); 2 usage error; "
      "3 index locked by another writer; 4 index corrupt or of another version; 5 other error; "
      "6 the quality check failed: nothing was committed or switched; 130 stopped by SIGINT (Ctrl-C): what "
      "was committed is reported, the rest was not; 143 stopped by SIGTERM: the same.");
  cmd->add_option("--db", args->db, "Index directory (created if missing)")->required()
      ->type_name("DIR");
  cmd->add_flag("-j,--json", args->json, "Print the report as JSON on stdout");
  cmd->add_flag("-q,--quiet", args->quiet,
                "For cron: nothing on stderr unless something failed (files, the quality check, the run)");
  cmd->add_option("--max-file-size", args->max_file_size,
                  "Files larger than this are reported, not read: bytes, or with K, M or G (powers of 1024)")
      ->type_name("SIZE")
      ->capture_default_str();
  cmd->add_option("--keep-whole", args->keep_whole,
                  "LANG=FILE: words (one per line) that segmentation must not split, e.g. "
                  "th=thai-words.txt; stored in the index, used by every later run and search")
      ->type_name("LANG=FILE");
  cmd->add_option("--synonyms", args->synonyms,
                  "LANG=FILE: synonym groups, one per line, entries separated by commas, e.g. "
                  "sv=synonyms-sv.txt; stored in the index, they replace earlier ones")
      ->type_name("LANG=FILE");
  cmd->add_flag("--rebuild", args->rebuild,
                "Write a new generation, analysing every article afresh, and switch readers to it "
                "atomically, keeping the previous one for 'kbsearch rollback'");
  cmd->add_flag("--from-source", args->from_source,
                "With --rebuild: start from nothing rather than a copy of the live generation, for when "
                "its content cannot be trusted (a damaged one is never copied); articles of files outside "
                "the PATHs given are not kept")
      ->needs("--rebuild");
  cmd->add_flag("--dry-run", args->dry_run, "Report what would change; write nothing");
  cmd->add_option("--threads", args->threads, "Analysis threads, up to 1024 (default, 0: one per core)")
      ->check(unlabelled(CLI::Range(0u, 1024u)))
      ->type_name("N");
  cmd->add_option("--wait", args->wait_seconds,
                  "Wait up to SECONDS for another indexer's lock instead of failing at once")
      ->type_name("SECONDS");
  cmd->add_option("--commit-every", args->commit_every,
                  "Commit after every N changed articles (bounds memory; readers then see the "
                  "run in batches). Default: one commit at the end")
      ->type_name("N");
  cmd->add_option("--flush-every", args->flush_every,
                  "Write changes to the index files (still uncommitted) after every N changed "
                  "articles: bounds the writer's memory; 0: Xapian's default (10000)")
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--shards", args->shards,
                  "Split the index into N shards (by a hash of each article's id) with a side "
                  "database for spelling and synonyms; see README 'Scaling out'")
      ->check(unlabelled(CLI::Range(1u, 1024u)))
      ->type_name("N");
  cmd->add_option("--shard", args->shard,
                  "K/N: write only shard K of N (DIR/shard-K-of-N), as a shard's own host does; "
                  "then run 'kbsearch side' where searches run")
      ->type_name("K/N");
  cmd->add_flag("--follow-links", args->follow_links,
                "Follow symbolic links to article files outside the indexed directory too "
                "(never to devices or pipes); by default they are reported and skipped");
  cmd->add_option("--max-depth", args->max_depth,
                  "Directories nested deeper than N are reported and not walked (their articles "
                  "already indexed stay)")
      ->capture_default_str()
      ->type_name("N");
  CLI::Option* check = cmd->add_option(
      "--check", args->check,
      "FILE of lang<TAB>query<TAB>article id[<TAB>max rank] lines (rank 10 if not given): each query must find its "
      "article by then, or the run commits and switches nothing (exit 6). Stored in the index for later runs")
      ->type_name("FILE");
  CLI::Option* queries = cmd->add_option("--queries", args->queries,
                                         "With --qrels: the check's test collection's queries, as for 'kbsearch eval'")
      ->type_name("FILE");
  CLI::Option* qrels = cmd->add_option(
      "--qrels", args->qrels,
      "FILE of judgments, as for 'kbsearch eval': the run's MRR@10 on them must reach --min-mrr (and fall at most "
      "--max-mrr-drop below the live index's), or it commits and switches nothing (exit 6)")
      ->type_name("FILE");
  queries->needs(qrels);
  qrels->needs(queries);
  cmd->add_option("--min-mrr", args->min_mrr, "With --qrels: the lowest MRR@10 accepted (0 to 1)")
      ->needs(qrels)
      ->check(unlabelled(CLI::Range(0.0, 1.0)))
      ->type_name("X");
  cmd->add_option("--max-mrr-drop", args->max_mrr_drop,
                  "With --qrels: how far MRR@10 may fall below the live index's (0 to 1)")
      ->needs(qrels)
      ->check(unlabelled(CLI::Range(0.0, 1.0)))
      ->type_name("X");
  cmd->add_flag("--no-check", args->no_check, "Remove the stored quality check: this run and later ones are not checked")
      ->excludes(check)
      ->excludes(qrels);
  cmd->add_option("paths", args->paths, "Files and directories to index")->required()
      ->type_name("PATH");
  return {cmd, [args] { return run_index(*args); }};
}

Command add_rollback_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto wait_seconds = std::make_shared<double>(0);
  CLI::App* cmd = app.add_subcommand(
      "rollback", "Switch readers back to the generation before the last 'index --rebuild'");
  cmd->footer(
      "Example:\n"
      "  kbsearch rollback --db /var/lib/kb --wait 60\n"
      "Exit codes: 0 switched back (the generation is printed); 2 usage error; 3 index locked by another "
      "writer (see --wait); 4 no index at --db (nothing is created); 5 other error, such as no earlier "
      "generation to switch to.");
  cmd->add_option("--db", *db, "Index directory")->required()->type_name("DIR");
  cmd->add_option("--wait", *wait_seconds, "Wait up to SECONDS for another indexer's lock")->type_name("SECONDS");
  return {cmd, [db, wait_seconds] { return run_rollback(*db, *wait_seconds); }};
}

Command add_check_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "check", "Check an index without writing to it: its stub, its schema and every table of its live "
               "generation (Xapian's own check); exit 4 when damaged");
  cmd->footer(
      "Example:\n"
      "  kbsearch check --db /var/lib/kb --json\n"
      "Exit codes: 0 no problem found; 2 usage error; 4 the index is missing, damaged or of another version "
      "(the problems are printed, and with --json listed); 5 other error.");
  cmd->add_option("--db", *db, "Index directory")->required()->type_name("DIR");
  cmd->add_flag("--json", *json, "Print the report as JSON on stdout");
  return {cmd, [db, json] { return run_check(*db, *json); }};
}

}  // namespace kbsearch::cli
