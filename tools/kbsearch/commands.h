// The kbsearch command table: each command registers its options on a CLI11
// subcommand and runs against the public API only.
#ifndef KBSEARCH_TOOLS_COMMANDS_H
#define KBSEARCH_TOOLS_COMMANDS_H

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <utility>

namespace kbsearch::cli {

// Documented exit codes (README, --help).
enum ExitCode : int {
  kExitOk = 0,            // everything succeeded
  kExitSomeFailed = 1,    // some files (index) or query lines (search --queries) failed; the rest was done;
                          // or search --fail-on-empty found nothing
  kExitUsage = 2,         // bad arguments, query or language
  kExitLocked = 3,        // the index is locked by another writer
  kExitIndexUnusable = 4, // the index is missing, corrupt or of another version
  kExitInternal = 5,      // any other failure
  kExitCheckFailed = 6,   // index: the quality check failed; nothing was committed or switched
};

// A registered command: its CLI11 subcommand, and what runs it once the
// command line is parsed. run() returns the exit code.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

// --shard K/N: shard K of N. Throws CLI::ValidationError.
std::pair<unsigned, unsigned> parse_shard_spec(const std::string& spec);

Command add_index_command(CLI::App& app);
Command add_rollback_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_search_command(CLI::App& app);
Command add_suggest_command(CLI::App& app);
Command add_eval_command(CLI::App& app);
Command add_analyze_command(CLI::App& app);
Command add_side_command(CLI::App& app);
Command add_serve_shard_command(CLI::App& app);
Command add_serve_command(CLI::App& app);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_COMMANDS_H
