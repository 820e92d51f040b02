// One Analyzer per language, built on first use and kept: indexing and
// querying meet many languages, and an Analyzer holds ICU clones worth reusing.
#ifndef KBSEARCH_LIB_ANALYSIS_ANALYZER_CACHE_H
#define KBSEARCH_LIB_ANALYSIS_ANALYZER_CACHE_H

#include <map>
#include <memory>
#include <string>

#include "kbsearch/analyzer.h"

namespace kbsearch::analysis {

class AnalyzerCache {
 public:
  // `options` per language code; languages not listed get the defaults.
  explicit AnalyzerCache(std::map<std::string, AnalyzerOptions> options = {})
      : options_(std::move(options)) {}

  Analyzer& get(const std::string& lang) {
    auto& slot = analyzers_[lang];
    if (!slot) {
      const auto it = options_.find(lang);
      slot = std::make_unique<Analyzer>(lang, it == options_.end() ? AnalyzerOptions{} : it->second);
    }
    return *slot;
  }

 private:
  std::map<std::string, AnalyzerOptions> options_;
  std::map<std::string, std::unique_ptr<Analyzer>> analyzers_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_ANALYZER_CACHE_H
