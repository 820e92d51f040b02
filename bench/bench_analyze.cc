// BM_Analyze/<lang>: bytes per second of the full analysis pipeline on real
// article text (the project's own corpus, one article per call, as the
// indexer calls it), next to BM_IcuWordBreak/<lang>, the raw ICU word-break
// throughput of the same texts in the same binary, so the pipeline's cost is
// read as a ratio on this machine, in this run.
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "kbsearch/analyzer.h"

namespace {

// The text of every corpus/articles/*/<lang>.md.
std::vector<std::string> corpus_texts(const std::string& lang) {
  std::vector<std::string> texts;
  const std::filesystem::path root = std::filesystem::path(KBSEARCH_SOURCE_DIR) / "corpus/articles";
  for (const auto& group : std::filesystem::directory_iterator(root)) {
    std::ifstream in(group.path() / (lang + ".md"));
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
  }
  return texts;
}

int64_t total_bytes(const std::vector<std::string>& texts) {
  int64_t n = 0;
  for (const auto& t : texts) n += static_cast<int64_t>(t.size());
  return n;
}

void BM_Analyze(benchmark::State& state, const std::string& lang) {
  const std::vector<std::string> texts = corpus_texts(lang);
  kbsearch::Analyzer analyzer(lang);
  std::size_t tokens = 0;
  for (auto _ : state) {
    tokens = 0;
    for (const auto& text : texts) tokens += analyzer.analyze(text).size();
    benchmark::DoNotOptimize(tokens);
  }
  if (tokens == 0) state.SkipWithError("no tokens: corpus text missing?");
  state.SetBytesProcessed(state.iterations() * total_bytes(texts));
  state.counters["tokens"] = static_cast<double>(tokens);
}

void BM_IcuWordBreak(benchmark::State& state, const std::string& lang) {
  const std::vector<std::string> texts = corpus_texts(lang);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  std::size_t words = 0;
  for (auto _ : state) {
    words = 0;
    for (const auto& text : texts) {
      UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
      bi->setText(ut, status);
      for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
        words += bi->getRuleStatus() >= UBRK_WORD_NONE_LIMIT;
      }
      utext_close(ut);
    }
    benchmark::DoNotOptimize(words);
  }
  if (U_FAILURE(status)) state.SkipWithError(u_errorName(status));
  state.SetBytesProcessed(state.iterations() * total_bytes(texts));
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
