// kbsearch analyze --lang CODE [--json] TEXT...
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "kbsearch/analyzer.h"

namespace kbsearch::cli {
namespace {

struct AnalyzeArgs {
  std::string lang;
  bool json = false;
  std::vector<std::string> words;
};

int run_analyze(const AnalyzeArgs& args) {
  std::string text;
  for (const auto& w : args.words) text += (text.empty() ? "" : " ") + w;
  Analyzer analyzer(args.lang);
  const std::vector<Token> tokens = analyzer.analyze(text);

  if (args.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const Token& t : tokens) {
      list.push_back({{"text", t.text},   {"term", t.term},         {"stem", t.stem},
                      {"start", t.start}, {"end", t.end},           {"position", t.position}});
    }
    std::cout << nlohmann::json{{"lang", analyzer.language()}, {"tokens", list}}.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << std::left << std::setw(5) << "pos" << std::setw(12) << "bytes" << "text -> term"
            << " (stem)\n";
  for (const Token& t : tokens) {
    std::cout << std::setw(5) << t.position << std::setw(12)
              << (std::to_string(t.start) + "-" + std::to_string(t.end)) << t.text << " -> "
              << t.term;
    if (!t.stem.empty() && t.stem != t.term) std::cout << " (" << t.stem << ")";
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace

Command add_analyze_command(CLI::App& app) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* cmd = app.add_subcommand("analyze", "Show how text is split into indexed terms");
  cmd->add_option("--lang", args->lang, "Language code (th, sv, tr, sw, pt, or any ISO 639-1)")
      ->required();
  cmd->add_flag("--json", args->json, "Print tokens as JSON");
  cmd->add_option("text", args->words, "Text to analyze")->required();
  return {cmd, [args] { return run_analyze(*args); }};
}

}  // namespace kbsearch::cli
