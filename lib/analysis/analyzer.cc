#include "kbsearch/analyzer.h"

#include <memory>

#include "analysis/chain.h"
#include "analysis/language_tag.h"
#include "analysis/recipe.h"
#include "kbsearch/error.h"

namespace kbsearch {

// Hidden: a class nested in an exported class is exported with it.
struct [[gnu::visibility("hidden")]] Analyzer::Rep {
  std::unique_ptr<analysis::Chain> chain;
};

Analyzer::Analyzer(const std::string& lang, const AnalyzerOptions& options) {
  const std::optional<std::string> language = analysis::language_of_tag(lang);
  if (!language) throw LanguageError("unknown language code '" + lang + "': " + analysis::kLanguageTagAdvice);
  rep_ = std::make_unique<Rep>(Rep{analysis::chain_for(*language, options)});
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const std::string& Analyzer::language() const { return rep_->chain->language(); }

const std::vector<std::string>& Analyzer::tuned_languages() {
  static const std::vector<std::string> langs = {"pt", "sv", "sw", "th", "tr"};
  return langs;
}

std::vector<Token> Analyzer::analyze(std::string_view text) { return rep_->chain->run(text, nullptr); }

std::vector<AnalysisStage> Analyzer::explain(std::string_view text) {
  std::vector<AnalysisStage> stages;
  rep_->chain->run(text, &stages);
  return stages;
}

}  // namespace kbsearch
