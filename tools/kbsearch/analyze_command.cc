// kbsearch analyze --lang CODE [--json] [--explain] TEXT...
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "option_checks.h"
#include "kbsearch/analyzer.h"
#include "terminal.h"
#include "tokens_json.h"

namespace kbsearch::cli {
namespace {

struct AnalyzeArgs {
  std::string lang;
  bool json = false;
  bool explain = false;
  std::vector<std::string> words;
};

// One line per token: position, bytes, text -> term, then what else is indexed.
void print_tokens(const std::vector<Token>& tokens, const std::string& indent) {
  for (const Token& t : tokens) {
    std::cout << indent << std::left << std::setw(5) << t.position << std::setw(10)
              << (std::to_string(t.start) + "-" + std::to_string(t.end)) << (t.part ? "  + " : "")
              << t.text << " -> " << t.term;
    if (!t.stem.empty() && t.stem != t.term) std::cout << "  stem:" << t.stem;
    if (!t.folded.empty()) std::cout << "  folded:" << t.folded;
    if (!t.folded_stem.empty()) std::cout << "  folded-stem:" << t.folded_stem;
    if (t.stop) std::cout << "  (stop word)";
    std::cout << "\n";
  }
}

int run_analyze(const AnalyzeArgs& args) {
  const std::string text = join_words(args.words);
  Analyzer analyzer(args.lang);

  if (args.explain) {
    const std::vector<AnalysisStage> stages = analyzer.explain(text);
    if (args.json) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& s : stages) {
        list.push_back({{"stage", s.name}, {"text", s.text}, {"tokens", tokens_json(s.tokens)}});
      }
      print_json({{"lang", analyzer.language()}, {"stages", list}});
      return kExitOk;
    }
    for (const auto& s : stages) {
      std::cout << s.name << ":" << (s.text.empty() ? "" : " " + s.text) << "\n";
      if (s.name != "normalize") print_tokens(s.tokens, "  ");
    }
    return kExitOk;
  }

  const std::vector<Token> tokens = analyzer.analyze(text);
  if (args.json) {
    print_json({{"lang", analyzer.language()}, {"tokens", tokens_json(tokens)}});
    return kExitOk;
  }
  std::cout << std::left << std::setw(5) << "pos" << std::setw(10) << "bytes"
            << "text -> term (a leading + marks a part of the word above)\n";
  print_tokens(tokens, "");
  return kExitOk;
}

}  // namespace

Command add_analyze_command(CLI::App& app) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* cmd = app.add_subcommand("analyze", "Show how text is split into indexed terms");
  cmd->footer(
      "Examples:\n"
      "  kbsearch analyze --lang th ลืมรหัสผ่าน\n"
      "  kbsearch analyze --lang sv --explain lösenordet\n"
      "Exit codes: 0 success; 2 usage error (arguments, language); 5 other error.");
  cmd->add_option("--lang", args->lang, "Language code (th, sv, tr, sw, pt, or any ISO 639-1)")
      ->required()
      ->type_name("LANG");
  cmd->add_flag("--json", args->json, "Print tokens as JSON");
  cmd->add_flag("--explain", args->explain, "Show the tokens after every stage of the pipeline");
  cmd->add_option("text", args->words, "Text to analyze")->required()->type_name("WORDS");
  return {cmd, [args] { return run_analyze(*args); }};
}

}  // namespace kbsearch::cli
