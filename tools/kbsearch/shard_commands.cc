// kbsearch side --db DIR [--remote HOST:PORT]... [--synonyms LANG=FILE]...
// kbsearch serve-shard --db DIR [--shard K/N] --port PORT [--interface ADDR]
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>

#include "commands.h"
#include "option_checks.h"
#include "language_files.h"
#include "kbsearch/error.h"
#include "kbsearch/indexer.h"
#include "kbsearch/searcher.h"

namespace kbsearch::cli {
namespace {

struct SideArgs {
  std::string db;
  std::vector<std::string> remotes;   // HOST:PORT
  std::vector<std::string> synonyms;  // LANG=FILE
  double wait_seconds = 0;
};

int run_side(const SideArgs& args) {
  SideOptions options;
  for (const std::string& remote : args.remotes) {
    // HOST:PORT[,REPLICA_HOST:PORT...]
    std::vector<std::string> copies;
    std::size_t start = 0;
    for (std::size_t comma; (comma = remote.find(',', start)) != std::string::npos; start = comma + 1) {
      copies.push_back("remote " + remote.substr(start, comma - start));
    }
    copies.push_back("remote " + remote.substr(start));
    options.shards.push_back(copies.front());
    if (copies.size() > 1) options.replicas[copies.front()].assign(copies.begin() + 1, copies.end());
  }
  options.synonyms = read_synonyms(args.synonyms);
  options.wait_seconds = args.wait_seconds;
  const std::size_t words = Indexer::update_side(args.db, options);
  std::cerr << "side database of " << args.db << " rebuilt: " << words << " spelling words\n";
  return kExitOk;
}

struct ServeArgs {
  std::string db;
  std::string shard;  // K/N, or empty: serve db itself
  unsigned port = 0;
  // Loopback unless asked: xapian-tcpsrv answers anyone who connects.
  std::string interface = "127.0.0.1";
};

// xapian-tcpsrv is Xapian's own server for its remote backend; kbsearch only
// names the shard's directory, so nothing of ours stands between a search
// and the shard.
int run_serve_shard(const ServeArgs& args) {
  std::string dir = args.db;
  if (!args.shard.empty()) {
    const auto [k, n] = parse_shard_spec(args.shard);
    dir = Indexer::shard_directory(args.db, k, n);
  }
  Searcher check(dir);  // a missing or foreign index fails here, with its reason
  std::vector<std::string> argv_strings = {"xapian-tcpsrv", "--port", std::to_string(args.port), "--interface",
                                           args.interface};
  argv_strings.push_back(dir);
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::cerr << "serving " << dir << " on " << args.interface << " port " << args.port << " with xapian-tcpsrv\n";
  ::execvp(argv[0], argv.data());
  std::cerr << "kbsearch: cannot run xapian-tcpsrv: " << std::strerror(errno)
            << " (install Debian's xapian-tools)\n";
  return kExitInternal;
}

}  // namespace

std::pair<unsigned, unsigned> parse_shard_spec(const std::string& spec) {
  unsigned k = 0, n = 0;
  char slash = 0, extra = 0;
  if (std::sscanf(spec.c_str(), "%u%c%u%c", &k, &slash, &n, &extra) != 3 || slash != '/' || k == 0 || k > n) {
    throw CLI::ValidationError("--shard", "expected K/N with 1 <= K <= N, got '" + spec + "'");
  }
  return {k, n};
}

Command add_side_command(CLI::App& app) {
  auto args = std::make_shared<SideArgs>();
  CLI::App* cmd = app.add_subcommand(
      "side", "Point a sharded index at its shards and rebuild its side database (spelling, synonyms) "
              "from them; run where searches run, after the shards' own index jobs");
  cmd->footer(
      "Example:\n"
      "  kbsearch side --db /var/lib/kb --remote shard1:7001,replica1:7001 --remote shard2:7001\n"
      "Exit codes: 0 success; 2 usage error; 3 index locked by another writer (see --wait); 4 a shard "
      "missing, corrupt or of another version; 5 other error.");
  cmd->add_option("--db", args->db, "Index directory searches open (created if missing)")
      ->required()
      ->type_name("DIR");
  cmd->add_option("--remote", args->remotes,
                  "HOST:PORT of a shard server, once per shard, in order, optionally followed by its "
                  "replicas' servers: HOST:PORT,REPLICA:PORT... (default: the shards the index names "
                  "already)")
      ->type_name("HOST:PORT[,REPLICA:PORT...]");
  cmd->add_option("--synonyms", args->synonyms,
                  "LANG=FILE: synonym groups, as for 'kbsearch index'; they replace earlier ones")
      ->type_name("LANG=FILE");
  cmd->add_option("--wait", args->wait_seconds, "Wait up to SECONDS for another writer's lock")
      ->type_name("SECONDS");
  return {cmd, [args] { return run_side(*args); }};
}

Command add_serve_shard_command(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve-shard", "Serve one shard to remote searchers with Xapian's xapian-tcpsrv (no "
                     "authentication: listen on a private network)");
  cmd->footer(
      "Example:\n"
      "  kbsearch serve-shard --db /var/lib/kb --shard 1/2 --port 7001 --interface 10.0.0.5\n"
      "Runs xapian-tcpsrv in its place once the shard opens.\n"
      "Exit codes: 2 usage error; 4 the shard is missing, corrupt or of another version; 5 other error, "
      "such as xapian-tcpsrv not installed.");
  cmd->add_option("--db", args->db, "Index directory holding the shard")->required()->type_name("DIR");
  cmd->add_option("--shard", args->shard, "K/N: serve DIR/shard-K-of-N (default: DIR itself)")->type_name("K/N");
  cmd->add_option("--port", args->port, "TCP port to listen on, 1 to 65535")
      ->required()
      ->check(unlabelled(CLI::Range(1u, 65535u)))
      ->type_name("PORT");
  cmd->add_option("--interface", args->interface,
                  "Address to listen on; other hosts reach the shard only on one of this host's "
                  "addresses, or 0.0.0.0 for every interface (the shard protocol has no "
                  "authentication: keep it on a private network)")
      ->capture_default_str()
      ->type_name("ADDR");
  return {cmd, [args] { return run_serve_shard(*args); }};
}

}  // namespace kbsearch::cli
