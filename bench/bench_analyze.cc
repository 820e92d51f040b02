// BM_Analyze/<lang>: bytes per second of the full analysis pipeline on real
// article text (the project's own corpus), next to BM_IcuWordBreak/<lang>,
// the raw ICU word-break throughput of the same text in the same binary, so
// the pipeline's cost is read as a ratio on this machine, in this run.
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "kbsearch/analyzer.h"

namespace {

// All of corpus/articles/*/<lang>.md, concatenated.
std::string corpus_text(const std::string& lang) {
  std::string text;
  const std::filesystem::path root = std::filesystem::path(KBSEARCH_SOURCE_DIR) / "corpus/articles";
  for (const auto& group : std::filesystem::directory_iterator(root)) {
    std::ifstream in(group.path() / (lang + ".md"));
    std::stringstream ss;
    ss << in.rdbuf();
    text += ss.str() + "\n\n";
  }
  return text;
}

void BM_Analyze(benchmark::State& state, const std::string& lang) {
  const std::string text = corpus_text(lang);
  kbsearch::Analyzer analyzer(lang);
  std::size_t tokens = 0;
  for (auto _ : state) {
    tokens = analyzer.analyze(text).size();
    benchmark::DoNotOptimize(tokens);
  }
  if (tokens == 0) state.SkipWithError("no tokens: corpus text missing?");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(tokens);
}

void BM_IcuWordBreak(benchmark::State& state, const std::string& lang) {
  const std::string text = corpus_text(lang);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  std::size_t words = 0;
  for (auto _ : state) {
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    bi->setText(ut, status);
    words = 0;
    for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
      words += bi->getRuleStatus() >= UBRK_WORD_NONE_LIMIT;
    }
    utext_close(ut);
    benchmark::DoNotOptimize(words);
  }
  if (U_FAILURE(status)) state.SkipWithError(u_errorName(status));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["words"] = static_cast<double>(words);
}

}  // namespace

#define KBSEARCH_LANG_BENCHMARKS(lang)                           \
  BENCHMARK_CAPTURE(BM_Analyze, lang, std::string(#lang));       \
  BENCHMARK_CAPTURE(BM_IcuWordBreak, lang, std::string(#lang));

KBSEARCH_LANG_BENCHMARKS(th)
KBSEARCH_LANG_BENCHMARKS(sv)
KBSEARCH_LANG_BENCHMARKS(tr)
KBSEARCH_LANG_BENCHMARKS(sw)
KBSEARCH_LANG_BENCHMARKS(pt)

BENCHMARK_MAIN();
