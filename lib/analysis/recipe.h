// The analysis chain of each language: which filters run, in what order,
// with what data. One readable entry per language in recipe.cc, so that
// adding a language means adding an entry there (and golden rows in
// tests/analysis/).
#ifndef KBSEARCH_LIB_ANALYSIS_RECIPE_H
#define KBSEARCH_LIB_ANALYSIS_RECIPE_H

#include <memory>
#include <string_view>

#include "analysis/chain.h"
#include "kbsearch/analyzer.h"

namespace kbsearch::analysis {

// The chain for `lang`: tuned for th, sv, tr, sw and pt; the generic one
// for any other code. `options` adds the user's keep-whole words.
std::unique_ptr<Chain> chain_for(std::string_view lang, const AnalyzerOptions& options);

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_RECIPE_H
