// kbsearch against its peers (plain Xapian, SQLite FTS5; see peers.h) on the
// same generated knowledge base, in the same run:
//
//   BM_Index/<engine>         a full index: documents/s, MB/s, peak memory of
//                             the indexing process, index size on disk (plain
//                             Xapian also with kbsearch's flush batch, /flush:250)
//   BM_Query/<kind>/<variant>/<engine>
//                             warm in-process query latency, median and p99
//                             over every query of a kind, in the five languages;
//                             variant "full" builds snippets and counts facets
//                             over every match, "snippets" builds snippets for
//                             the top 10 only (issue 6's latency target), "bare"
//                             does neither
//
// At the end it prints each query median as a ratio against the peers.
//
//   build/bench/bench_search [--articles=N] [--dir=PATH] [--benchmark_filter=...]
//
// Indexes are built once under --dir (default: a temporary directory) and
// reused by later runs given the same --dir and --articles.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "corpus_generator.h"
#include "kbsearch/kbsearch.h"
#include "markdown/article.h"
#include "peers.h"
#include "query_sets.h"

namespace {

namespace fs = std::filesystem;
using kbsearch::bench::PeerArticle;
using kbsearch::bench::PeerEngine;
using kbsearch::bench::kbsearch_request;
using kbsearch::bench::percentile;
using kbsearch::bench::QueryOptions;
using kbsearch::bench::query_sets;
using kbsearch::bench::QuerySpec;

std::size_t g_articles = 20000;
fs::path g_dir;
bool g_keep_dir = false;

fs::path articles_dir() { return g_dir / "articles"; }
fs::path index_path(const std::string& engine) { return g_dir / ("index-" + engine); }

std::uint64_t bytes_under(const fs::path& path) {
  if (fs::is_regular_file(path)) return fs::file_size(path);
  std::uint64_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(path)) {
    if (e.is_regular_file()) bytes += e.file_size();
  }
  return bytes;
}

// The generated articles as the peers index them: the fields kbsearch
// parses from the same files.
std::vector<PeerArticle> read_articles() {
  std::vector<PeerArticle> articles;
  for (const auto& e : fs::recursive_directory_iterator(articles_dir())) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const kbsearch::markdown::Article a = kbsearch::markdown::parse_article(text.str(), e.path().string(), "");
    PeerArticle p{a.id, a.lang, a.title, "", a.tags};
    for (const auto& s : a.sections) p.body += s.heading + "\n" + s.prose + "\n" + s.code + "\n";
    articles.push_back(std::move(p));
  }
  return articles;
}

std::unique_ptr<PeerEngine> make_peer(const std::string& engine) {
  return engine == "xapian" ? kbsearch::bench::make_plain_xapian() : kbsearch::bench::make_sqlite_fts5();
}

// Builds one engine's index in a child process, so that its peak memory is
// its own: the child reads the articles itself and the parent holds nothing.
void build_index(const std::string& engine, unsigned threads) {
  fs::remove_all(index_path(engine));
  if (engine == "kbsearch") {
    kbsearch::IndexOptions options;
    options.threads = threads;
    kbsearch::Indexer indexer(index_path(engine).string(), options);
    const kbsearch::IndexReport report = indexer.index({articles_dir().string()});
    if (report.added != g_articles) std::_Exit(2);
  } else {
    make_peer(engine)->build(index_path(engine).string(), read_articles());
  }
}

// `xapian_flush`: plain Xapian's flush batch (XAPIAN_FLUSH_THRESHOLD), 0 for
// its default: the one kbsearch uses (IndexOptions::flush_every) is also
// measured on the peer, so the ratio shows what is Xapian tuning and what
// is kbsearch.
void BM_Index(benchmark::State& state, const std::string& engine, unsigned threads, unsigned xapian_flush) {
  long peak_kb = 0;
  for (auto _ : state) {
    const auto started = std::chrono::steady_clock::now();
    const pid_t child = ::fork();
    if (child == 0) {
      if (xapian_flush != 0) ::setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(xapian_flush).c_str(), 1);
      try {
        build_index(engine, threads);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", engine.c_str(), e.what());
        std::_Exit(1);
      }
      std::_Exit(0);
    }
    int status = 0;
    rusage usage{};
    ::wait4(child, &status, 0, &usage);
    state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) state.SkipWithError("indexing failed");
    peak_kb = std::max(peak_kb, usage.ru_maxrss);
  }
  const double articles_mb = static_cast<double>(bytes_under(articles_dir())) / 1e6;
  state.counters["docs_per_s"] =
      benchmark::Counter(static_cast<double>(g_articles) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["MB_per_s"] = benchmark::Counter(articles_mb * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["peak_MB"] = static_cast<double>(peak_kb) / 1024.0;
  state.counters["index_MB"] = static_cast<double>(bytes_under(index_path(engine))) / 1e6;
}

// --- queries -------------------------------------------------------------------

// Runs one engine's queries; the same interface for kbsearch and peers.
class QueryRunner {
 public:
  explicit QueryRunner(const std::string& engine) : engine_(engine) {
    if (!fs::exists(index_path(engine))) build_index(engine, 2);
    if (engine == "kbsearch") searcher_ = std::make_unique<kbsearch::Searcher>(index_path(engine).string());
    else {
      peer_ = make_peer(engine);
      peer_->open(index_path(engine).string());
    }
  }
  std::size_t run(const QuerySpec& q, const QueryOptions& options) {
    if (searcher_) return searcher_->search(kbsearch_request(q, options)).hits.size();
    return peer_->search(q, options);
  }

 private:
  std::string engine_;
  std::unique_ptr<kbsearch::Searcher> searcher_;
  std::unique_ptr<PeerEngine> peer_;
};

QueryRunner& runner(const std::string& engine) {
  static std::map<std::string, std::unique_ptr<QueryRunner>> runners;
  auto& r = runners[engine];
  if (!r) r = std::make_unique<QueryRunner>(engine);
  return *r;
}

// Median and p99 per benchmark, for the ratio table at the end.
struct Latency {
  double median_ms = 0, p99_ms = 0;
};
std::map<std::string, std::map<std::string, Latency>> g_latency;  // "<kind>/<variant>" -> engine -> latency

void BM_Query(benchmark::State& state, const std::string& kind, const std::string& variant,
              const std::string& engine, const std::vector<QuerySpec>& queries) {
  QueryRunner& r = runner(engine);
  const QueryOptions options{variant != "bare", variant == "full", 10};
  for (const QuerySpec& q : queries) r.run(q, options);  // warm: caches and lazily built analyzers
  std::vector<double> samples;
  std::size_t hits = 0, next = 0;
  for (auto _ : state) {
    const QuerySpec& q = queries[next++ % queries.size()];
    const auto started = std::chrono::steady_clock::now();
    hits += r.run(q, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    state.SetIterationTime(seconds);
    samples.push_back(seconds * 1e3);
  }
  benchmark::DoNotOptimize(hits);
  const Latency latency{percentile(samples, 0.5), percentile(samples, 0.99)};
  state.counters["median_ms"] = latency.median_ms;
  state.counters["p99_ms"] = latency.p99_ms;
  state.counters["hits_per_query"] = static_cast<double>(hits) / static_cast<double>(samples.size());
  g_latency[kind + "/" + variant][engine] = latency;
}

void print_ratios() {
  if (g_latency.empty()) return;
  std::printf("\nQuery latency, median (p99) ms, and kbsearch's median as a ratio of each peer's:\n\n");
  std::printf("| query | kbsearch | plain Xapian | SQLite FTS5 | vs Xapian | vs FTS5 |\n|---|---|---|---|---|---|\n");
  for (const auto& [name, engines] : g_latency) {
    auto cell = [&engines](const char* e) {
      const auto it = engines.find(e);
      char buf[64] = "–";
      if (it != engines.end()) std::snprintf(buf, sizeof buf, "%.3f (%.3f)", it->second.median_ms, it->second.p99_ms);
      return std::string(buf);
    };
    auto ratio = [&engines](const char* peer) {
      const auto kb = engines.find("kbsearch"), other = engines.find(peer);
      char buf[32] = "–";
      if (kb != engines.end() && other != engines.end() && other->second.median_ms > 0) {
        std::snprintf(buf, sizeof buf, "%.2f", kb->second.median_ms / other->second.median_ms);
      }
      return std::string(buf);
    };
    std::printf("| %s | %s | %s | %s | %s | %s |\n", name.c_str(), cell("kbsearch").c_str(), cell("xapian").c_str(),
                cell("sqlite").c_str(), ratio("xapian").c_str(), ratio("sqlite").c_str());
  }
}

// Builds what the query benchmarks need when an earlier run did not.
void prepare() {
  if (!fs::exists(articles_dir())) {
    kbsearch::bench::generate_corpus(std::string(KBSEARCH_SOURCE_DIR) + "/corpus/articles",
                                     articles_dir().string(), g_articles);
  }
}

void register_benchmarks() {
  const std::vector<std::string> engines = {"kbsearch", "xapian", "sqlite"};
  struct Build {
    std::string engine;
    unsigned threads, xapian_flush;
  };
  const std::vector<Build> builds = {
      {"kbsearch", 1, 0}, {"kbsearch", 2, 0}, {"xapian", 1, 0}, {"xapian", 1, 250}, {"sqlite", 1, 0}};
  for (const auto& [engine, threads, xapian_flush] : builds) {
    std::string name = "BM_Index/" + engine;
    if (engine == "kbsearch") name += "/threads:" + std::to_string(threads);
    if (xapian_flush != 0) name += "/flush:" + std::to_string(xapian_flush);
    benchmark::RegisterBenchmark(name.c_str(), BM_Index, engine, threads, xapian_flush)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->Iterations(1);
  }
  for (const auto& [kind, queries] : query_sets()) {
    for (const char* variant : {"full", "snippets", "bare"}) {
      for (const std::string& engine : engines) {
        benchmark::RegisterBenchmark(("BM_Query/" + kind + "/" + variant + "/" + engine).c_str(), BM_Query, kind,
                                     std::string(variant), engine, queries)
            ->UseManualTime()
            ->Unit(benchmark::kMicrosecond)
            ->MinTime(0.5);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const kbsearch::bench::CorpusArgs args = kbsearch::bench::corpus_args(argc, argv, "kbsearch-bench-search");
  g_articles = args.articles;
  g_dir = args.dir;
  g_keep_dir = args.keep_dir;
  benchmark::Initialize(&argc, argv);
  prepare();
  register_benchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  print_ratios();
  if (!g_keep_dir) fs::remove_all(g_dir);
  return 0;
}
