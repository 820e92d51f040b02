// kbsearch: index and search multilingual support articles.
#include <algorithm>
#include <iostream>
#include <string_view>
#include <vector>

#include "commands.h"
#include "man_page.h"
#include "query_file.h"
#include "terminal.h"
#include "kbsearch/error.h"
#include "kbsearch/version.h"

namespace {

constexpr const char* kExitCodesHelp =
    "Exit codes: 0 success; 1 some files failed (the rest was indexed and committed), or some "
    "--queries lines were rejected (the rest was answered), or nothing matched with --fail-on-empty; 2 "
    "usage error (arguments, query, language); 3 index locked by another writer; 4 index "
    "missing, corrupt or of another version (rebuild with 'index --rebuild'); 5 other error; 6 the "
    "quality check (index --check, --qrels) failed: nothing was committed or switched; 130 index stopped "
    "by SIGINT (Ctrl-C): what was committed is reported; 143 index stopped by SIGTERM: the same.";

// The documented exit code of an error that ended a command.
int exit_code_for(const std::exception& e) {
  using namespace kbsearch::cli;
  if (dynamic_cast<const kbsearch::IndexLockedError*>(&e)) return kExitLocked;
  if (dynamic_cast<const kbsearch::IndexUnusableError*>(&e)) return kExitIndexUnusable;
  if (dynamic_cast<const kbsearch::QueryError*>(&e)) return kExitUsage;
  if (dynamic_cast<const kbsearch::LanguageError*>(&e)) return kExitUsage;
  if (dynamic_cast<const InputFileError*>(&e)) return kExitUsage;
  if (dynamic_cast<const kbsearch::InvalidArgumentError*>(&e)) return kExitUsage;
  // Thrown, not reported per file, only for configuration (a side stub).
  if (dynamic_cast<const kbsearch::InputError*>(&e)) return kExitUsage;
  return kExitInternal;
}

// The name of an exit code in a JSON error.
const char* error_code_name(int exit_code) {
  using namespace kbsearch::cli;
  switch (exit_code) {
    case kExitUsage: return "usage";
    case kExitLocked: return "index_locked";
    case kExitIndexUnusable: return "index_unusable";
    default: return "error";
  }
}

// A fatal error on stderr and, when the command line asked for JSON, as
// {"error": {code, message}} on stdout too, so that a log is never empty.
int fail(const std::string& message, int exit_code, bool json) {
  std::cerr << "kbsearch: " << message << "\n";
  if (json) kbsearch::cli::print_json({{"error", {{"code", error_code_name(exit_code)}, {"message", message}}}});
  return exit_code;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// What to do about the arguments of `command` it does not know: the option
// meant (--limt: --limit), or, for a word starting with one dash (senha
// -sso), putting the query after --.
std::string advice_for_unknown(const CLI::App& command, const std::vector<std::string>& args) {
  std::string advice;
  for (const std::string& arg : args) {
    if (arg == "--") break;
    // A negative number is the value of an option, not a word to exclude.
    if (arg.size() < 2 || arg[0] != '-' || (arg[1] >= '0' && arg[1] <= '9')) continue;
    const std::string name = arg.substr(0, arg.find('='));
    if (command.get_option_no_throw(name) != nullptr) continue;
    if (name[1] != '-') {
      advice += " To exclude a word, put the query after --: kbsearch " + command.get_name() + " [OPTIONS] -- " +
                "WORDS " + name + ".";
      continue;
    }
    std::string nearest;
    std::size_t best = 3;  // more edits than this is another word
    for (const CLI::Option* option : command.get_options()) {
      for (const std::string& long_name : option->get_lnames()) {
        const std::size_t d = edit_distance(name.substr(2), long_name);
        if (d < best) best = d, nearest = "--" + long_name;
      }
    }
    if (!nearest.empty()) advice += " Did you mean " + nearest + " (for " + name + ")?";
  }
  return advice;
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
                                         add_serve_shard_command(app), add_suggest_command(app),
                                         add_serve_command(app)};

  const std::vector<std::string> args(argv + 1, argv + argc);
  const auto end_of_options = std::find(args.begin(), args.end(), "--");
  const bool json = std::find(args.begin(), end_of_options, "--json") != end_of_options ||
                    std::find(args.begin(), end_of_options, "-j") != end_of_options;
  // Hidden from --help (not a CLI11 option, which would leave a blank group
  // there): CMake writes kbsearch.1 with it.
  if (args == std::vector<std::string>{"--man"}) {
    write_man_page(app, std::cout);
    return kExitOk;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    const auto named = std::find_if(commands.begin(), commands.end(), [&](const Command& c) {
      return !args.empty() && c.app->get_name() == args.front();
    });
    const std::string advice = named != commands.end() ? advice_for_unknown(*named->app, args) : "";
    if (!advice.empty()) message += "." + advice;
    const int code = fail(message, kExitUsage, json);
    std::cerr << "Run with --help for more information.\n";
    return code;
  }

  try {
    for (const Command& command : commands) {
      if (command.app->parsed()) return command.run();
    }
    return kExitUsage;
  } catch (const CLI::Error& e) {
    return fail(e.what(), kExitUsage, json);
  } catch (const std::exception& e) {
    return fail(e.what(), exit_code_for(e), json);
  }
}
