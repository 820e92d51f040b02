// kbsearch: index and search multilingual support articles.
#include <iostream>
#include <vector>

#include "commands.h"
#include "query_file.h"
#include "kbsearch/error.h"
#include "kbsearch/version.h"

namespace {

constexpr const char* kExitCodesHelp =
    "Exit codes: 0 success; 1 some files failed (the rest was indexed and committed), or some "
    "--queries lines were rejected (the rest was answered); 2 "
    "usage error (arguments, query, language); 3 index locked by another writer; 4 index "
    "missing, corrupt or of another version (rebuild with 'index --rebuild'); 5 other error; 6 the "
    "quality check (index --check, --qrels) failed: nothing was committed or switched.";

// The documented exit code of an error that ended a command.
int exit_code_for(const std::exception& e) {
  using namespace kbsearch::cli;
  if (dynamic_cast<const kbsearch::IndexLockedError*>(&e)) return kExitLocked;
  if (dynamic_cast<const kbsearch::IndexUnusableError*>(&e)) return kExitIndexUnusable;
  if (dynamic_cast<const kbsearch::QueryError*>(&e)) return kExitUsage;
  if (dynamic_cast<const kbsearch::LanguageError*>(&e)) return kExitUsage;
  if (dynamic_cast<const InputFileError*>(&e)) return kExitUsage;
  // Thrown, not reported per file, only for configuration (synonym lists).
  if (dynamic_cast<const kbsearch::InputError*>(&e)) return kExitUsage;
  return kExitInternal;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kbsearch::cli;
  CLI::App app{"kbsearch: search multilingual support knowledge bases", "kbsearch"};
  app.footer(kExitCodesHelp);
  app.set_version_flag("--version", kbsearch::kVersion);
  app.require_subcommand(1);

  const std::vector<Command> commands = {add_index_command(app), add_rollback_command(app), add_check_command(app),
                                         add_search_command(app), add_eval_command(app),
                                         add_analyze_command(app), add_side_command(app),
                                         add_serve_shard_command(app)};

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  try {
    for (const Command& command : commands) {
      if (command.app->parsed()) return command.run();
    }
    return kExitUsage;
  } catch (const CLI::Error& e) {
    std::cerr << "kbsearch: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "kbsearch: " << e.what() << "\n";
    return exit_code_for(e);
  }
}
