// kbsearch index --db DIR [options] PATH...; kbsearch rollback --db DIR
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <nlohmann/json.hpp>

#include <cstdio>

#include "commands.h"
#include "language_files.h"
#include "kbsearch/indexer.h"
#include "terminal.h"

namespace kbsearch::cli {
namespace {

struct IndexArgs {
  std::string db;
  std::vector<std::string> paths;
  bool json = false;
  std::uint64_t max_file_bytes = IndexOptions().max_file_bytes;
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
};

nlohmann::json report_json(const IndexReport& r) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : r.errors) errors.push_back({{"path", e.path}, {"message", e.message}});
  return {{"added", r.added},
          {"updated", r.updated},
          {"deleted", r.deleted},
          {"unchanged", r.unchanged},
          {"failed", r.failed},
          {"elsewhere", r.elsewhere},
          {"errors", errors},
          {"dry_run", r.dry_run},
          {"generation", r.generation},
          {"seconds", r.seconds},
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

int run_index(const IndexArgs& args) {
  IndexOptions options;
  options.max_file_bytes = args.max_file_bytes;
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
  if (!args.shard.empty()) {
    const auto [k, n] = parse_shard_spec(args.shard);
    if (args.shards != 0 && args.shards != n) {
      throw CLI::ValidationError("--shard", "names " + std::to_string(n) + " shards but --shards says " +
                                               std::to_string(args.shards));
    }
    options.shard = k;
    options.shards = n;
  }
  if (is_terminal(stderr)) options.progress = draw_progress;
  Indexer indexer(args.db, options);
  const IndexReport report = indexer.index(args.paths);

  if (args.json) print_json(report_json(report));
  for (const auto& e : report.errors) std::cerr << "error: " << e.path << ": " << e.message << "\n";
  std::cerr << (report.dry_run ? "dry run, nothing written: would have " : "indexed into " + args.db + ": ")
            << report.added << " added, " << report.updated << " updated, " << report.deleted
            << " deleted, " << report.unchanged << " unchanged, " << report.failed << " failed"
            << (report.elsewhere != 0 ? ", " + std::to_string(report.elsewhere) + " in other shards" : "") << " ("
            << report.seconds << " s, generation " << report.generation << ")\n";
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
  cmd->add_option("--db", args->db, "Index directory (created if missing)")->required();
  cmd->add_flag("--json", args->json, "Print the report as JSON on stdout");
  cmd->add_option("--max-file-size", args->max_file_bytes,
                  "Files larger than this many bytes are reported, not read")
      ->capture_default_str();
  cmd->add_option("--keep-whole", args->keep_whole,
                  "LANG=FILE: words (one per line) that segmentation must not split, e.g. "
                  "th=thai-words.txt; stored in the index, used by every later run and search");
  cmd->add_option("--synonyms", args->synonyms,
                  "LANG=FILE: synonym groups, one per line, entries separated by commas, e.g. "
                  "sv=synonyms-sv.txt; stored in the index, they replace earlier ones");
  cmd->add_flag("--rebuild", args->rebuild,
                "Write a new generation and switch readers to it atomically, keeping the "
                "previous one for 'kbsearch rollback'");
  cmd->add_flag("--from-source", args->from_source,
                "With --rebuild: analyse every article afresh rather than start from a copy of "
                "the live generation (a damaged one is never copied anyway)")
      ->needs("--rebuild");
  cmd->add_flag("--dry-run", args->dry_run, "Report what would change; write nothing");
  cmd->add_option("--threads", args->threads, "Analysis threads (default: one per core)")
      ->check(CLI::Range(0u, 1024u));
  cmd->add_option("--wait", args->wait_seconds,
                  "Wait up to SECONDS for another indexer's lock instead of failing at once");
  cmd->add_option("--commit-every", args->commit_every,
                  "Commit after every N changed articles (bounds memory; readers then see the "
                  "run in batches). Default: one commit at the end");
  cmd->add_option("--flush-every", args->flush_every,
                  "Write changes to the index files (still uncommitted) after every N changed "
                  "articles: bounds the writer's memory; 0: Xapian's default (10000)")
      ->capture_default_str();
  cmd->add_option("--shards", args->shards,
                  "Split the index into N shards (by a hash of each article's id) with a side "
                  "database for spelling and synonyms; see README 'Scaling out'")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_option("--shard", args->shard,
                  "K/N: write only shard K of N (DIR/shard-K-of-N), as a shard's own host does; "
                  "then run 'kbsearch side' where searches run");
  cmd->add_flag("--follow-links", args->follow_links,
                "Follow symbolic links to article files outside the indexed directory too "
                "(never to devices or pipes); by default they are reported and skipped");
  cmd->add_option("--max-depth", args->max_depth,
                  "Directories nested deeper than N are reported and not walked (their articles "
                  "already indexed stay)")
      ->capture_default_str();
  cmd->add_option("paths", args->paths, "Files and directories to index")->required();
  return {cmd, [args] { return run_index(*args); }};
}

Command add_rollback_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto wait_seconds = std::make_shared<double>(0);
  CLI::App* cmd = app.add_subcommand(
      "rollback", "Switch readers back to the generation before the last 'index --rebuild'");
  cmd->add_option("--db", *db, "Index directory")->required();
  cmd->add_option("--wait", *wait_seconds, "Wait up to SECONDS for another indexer's lock");
  return {cmd, [db, wait_seconds] { return run_rollback(*db, *wait_seconds); }};
}

Command add_check_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "check", "Check an index without writing to it: its stub, its schema and every table of its live "
               "generation (Xapian's own check); exit 4 when damaged");
  cmd->add_option("--db", *db, "Index directory")->required();
  cmd->add_flag("--json", *json, "Print the report as JSON on stdout");
  return {cmd, [db, json] { return run_check(*db, *json); }};
}

}  // namespace kbsearch::cli
