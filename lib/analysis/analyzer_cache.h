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
  Analyzer& get(const std::string& lang) {
    auto& slot = analyzers_[lang];
    if (!slot) slot = std::make_unique<Analyzer>(lang);
    return *slot;
  }

 private:
  std::map<std::string, std::unique_ptr<Analyzer>> analyzers_;
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_ANALYZER_CACHE_H
