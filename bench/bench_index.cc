// Nightly reindex costs on a generated knowledge base (default 20,000
// articles; --articles=N to change): a full index with 1 and 2 analysis
// threads, an unchanged re-run, and a run after 1% of the files changed,
// each in documents per second. The ratios that matter (unchanged re-run
// against a full index; 2 threads against 1) come from the same run.
//
//   build/bench/bench_index [--articles=N] [--benchmark_repetitions=3]
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "corpus_generator.h"
#include "kbsearch/kbsearch.h"

namespace {

namespace fs = std::filesystem;

std::size_t g_articles = 20000;
fs::path g_root;

const std::string& corpus_dir() {
  static const std::string dir = [] {
    const fs::path kb = g_root / "kb";
    kbsearch::bench::generate_corpus(std::string(KBSEARCH_SOURCE_DIR) + "/corpus/articles", kb.string(),
                                     g_articles);
    return kb.string();
  }();
  return dir;
}

kbsearch::IndexReport index_into(const std::string& db, unsigned threads) {
  kbsearch::IndexOptions options;
  options.threads = threads;
  kbsearch::Indexer indexer(db, options);
  return indexer.index({corpus_dir()});
}

void report(benchmark::State& state, std::size_t documents) {
  state.counters["docs_per_s"] = benchmark::Counter(static_cast<double>(documents) * state.iterations(),
                                                    benchmark::Counter::kIsRate);
}

void BM_FullIndex(benchmark::State& state) {
  const auto threads = static_cast<unsigned>(state.range(0));
  corpus_dir();
  for (auto _ : state) {
    state.PauseTiming();
    const std::string db = (g_root / "full").string();
    fs::remove_all(db);
    state.ResumeTiming();
    const kbsearch::IndexReport r = index_into(db, threads);
    if (r.added != g_articles) state.SkipWithError("not every article was indexed");
  }
  report(state, g_articles);
}

void BM_UnchangedRerun(benchmark::State& state) {
  const std::string db = (g_root / "rerun").string();
  if (!fs::exists(db)) index_into(db, 2);
  for (auto _ : state) {
    const kbsearch::IndexReport r = index_into(db, 2);
    if (r.unchanged != g_articles) state.SkipWithError("a file counted as changed");
  }
  report(state, g_articles);
}

void BM_OnePercentChanged(benchmark::State& state) {
  const std::string db = (g_root / "rerun").string();
  if (!fs::exists(db)) index_into(db, 2);
  const std::size_t changed = g_articles / 100;
  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    // Every 100th article gets a new last line.
    std::size_t n = 0;
    for (const auto& entry : fs::recursive_directory_iterator(corpus_dir())) {
      if (!entry.is_regular_file() || (n++ % 100) != 0) continue;
      std::ofstream(entry.path(), std::ios::app) << "\nround " << round << "\n";
    }
    ++round;
    state.ResumeTiming();
    const kbsearch::IndexReport r = index_into(db, 2);
    if (r.updated < changed) state.SkipWithError("fewer articles updated than changed");
  }
  report(state, changed);
}

BENCHMARK(BM_FullIndex)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_UnchangedRerun)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_OnePercentChanged)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--articles=", 11) == 0) g_articles = std::strtoul(argv[i] + 11, nullptr, 10);
  }
  g_root = fs::temp_directory_path() / ("kbsearch-bench-index-" + std::to_string(::getpid()));
  fs::create_directories(g_root);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  fs::remove_all(g_root);
  return 0;
}
