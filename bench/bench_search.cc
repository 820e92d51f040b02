// kbsearch against its peers (plain Xapian, SQLite FTS5; see peers.h) on the
// same knowledge base, in the same run.
//
//   build/bench/bench_search [--articles=N] [--dir=PATH] [--rounds=N] [--facet-max-matches=N]
//   build/bench/bench_search --real=WORK --dir=PATH [--rounds=N] [--facet-max-matches=N]
//
// prints the query latency table of bench/RESULTS.md as Markdown: for each
// query kind of query_sets.h (or, with --real, the short, description and
// sentence queries of real_relevance.py's work folder over its articles),
// "bare" (ranking alone: no snippets, no facets) and "default" (snippets
// and language/tag facets, the top 10), the median and p99 of every query
// of the kind run `rounds` times (default 20) by each engine in turn, and
// kbsearch's as a ratio of each peer's, median (p99). Every engine counts
// facets over at most facet_max_matches + 1 matches (default: kbsearch's).
//
//   build/bench/bench_search --index [--articles=N] [--dir=PATH] [--benchmark_filter=...]
//
// runs the indexing benchmarks instead, BM_Index/<engine>: documents/s, MB/s,
// peak memory of the indexing process, index size on disk (plain Xapian also
// with kbsearch's flush batch, /flush:250).
//
// Indexes are built once under --dir (default: a temporary directory) and
// reused by later runs given the same --dir and corpus.
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

fs::path g_articles_dir;  // the generated articles (g_dir/articles), or --real's

fs::path articles_dir() { return g_articles_dir; }
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
    if (!e.is_regular_file() || e.path().extension() != ".md") continue;
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

// --- the query table ----------------------------------------------------------------

struct Latency {
  double median_ms = 0, p99_ms = 0;
};

const std::vector<std::string> kEngines = {"kbsearch", "xapian", "sqlite"};

// The queries every engine answers (a real query may be refused as
// syntax, as "1)-4)" by kbsearch), each run once: this warms caches and
// lazily built analyzers.
std::vector<QuerySpec> answered(const std::vector<QuerySpec>& queries, const QueryOptions& options) {
  std::vector<QuerySpec> out;
  for (const QuerySpec& q : queries) {
    try {
      for (const std::string& e : kEngines) runner(e).run(q, options);
      out.push_back(q);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "left out, %s: %s\n", q.kind.c_str(), e.what());
    }
  }
  return out;
}

// Every query of a kind, `rounds` times, each engine in turn on the same
// query, so that the load of a shared machine falls on all three alike.
std::map<std::string, Latency> time_kind(const std::vector<QuerySpec>& queries, const QueryOptions& options,
                                         unsigned rounds) {
  std::map<std::string, std::vector<double>> samples;
  std::size_t hits = 0;
  for (unsigned r = 0; r < rounds; ++r) {
    for (const QuerySpec& q : queries) {
      for (const std::string& e : kEngines) {
        const auto started = std::chrono::steady_clock::now();
        hits += runner(e).run(q, options);
        const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - started;
        samples[e].push_back(took.count());
      }
    }
  }
  benchmark::DoNotOptimize(hits);
  std::map<std::string, Latency> out;
  for (const auto& [e, ms] : samples) out[e] = {percentile(ms, 0.5), percentile(ms, 0.99)};
  return out;
}

std::string cell(const Latency& l) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f (%.1f)", l.median_ms, l.p99_ms);
  return buf;
}

std::string ratio(const Latency& kb, const Latency& peer) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f (%.2f)", kb.median_ms / peer.median_ms, kb.p99_ms / peer.p99_ms);
  return buf;
}

// Prints the query latency table as Markdown: each kind, bare and default.
void print_query_table(const std::map<std::string, std::vector<QuerySpec>>& sets, unsigned rounds,
                       std::size_t facet_max_matches) {
  std::printf("| kind | queries | search | kbsearch | plain Xapian | FTS5 | kbsearch / Xapian | kbsearch / FTS5 |\n");
  std::printf("|---|---|---|---|---|---|---|---|\n");
  for (const auto& [kind, queries] : sets) {
    for (const char* variant : {"bare", "default"}) {
      const bool bare = std::string(variant) == "bare";
      const QueryOptions options{!bare, !bare, 10, facet_max_matches};
      const std::vector<QuerySpec> timed = answered(queries, options);
      std::map<std::string, Latency> l = time_kind(timed, options, rounds);
      std::printf("| %s | %zu | %s | %s | %s | %s | %s | %s |\n", kind.c_str(), timed.size(), variant,
                  cell(l["kbsearch"]).c_str(), cell(l["xapian"]).c_str(), cell(l["sqlite"]).c_str(),
                  ratio(l["kbsearch"], l["xapian"]).c_str(), ratio(l["kbsearch"], l["sqlite"]).c_str());
      std::fflush(stdout);
    }
  }
}

// The queries of real_relevance.py's work folder (queries-lang.tsv: id,
// language, text), by kind: the query id says which (<lang>-s-N short,
// <lang>-desc-N description, <lang>-sent-N sentence).
std::map<std::string, std::vector<QuerySpec>> real_query_sets(const fs::path& work) {
  std::ifstream in(work / "queries-lang.tsv");
  if (!in) throw std::runtime_error("no queries-lang.tsv in " + work.string() + ": run bench/real_relevance.py first");
  std::map<std::string, std::vector<QuerySpec>> sets;
  for (std::string line; std::getline(in, line);) {
    const auto a = line.find('\t'), b = line.find('\t', a + 1);
    if (b == std::string::npos) continue;
    const std::string id = line.substr(0, a);
    const std::string kind = id.find("-desc-") != std::string::npos   ? "description"
                             : id.find("-sent-") != std::string::npos ? "sentence"
                                                                       : "short";
    QuerySpec q;
    q.kind = kind;
    q.lang = line.substr(a + 1, b - a - 1);
    std::istringstream words(line.substr(b + 1));
    for (std::string w; words >> w;) q.words.push_back(w);
    sets[kind].push_back(std::move(q));
  }
  return sets;
}

// Builds what the query benchmarks need when an earlier run did not.
void prepare() {
  if (!fs::exists(articles_dir())) {
    kbsearch::bench::generate_corpus(std::string(KBSEARCH_SOURCE_DIR) + "/corpus/articles",
                                     articles_dir().string(), g_articles);
  }
}

void register_index_benchmarks() {
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
}

}  // namespace

int main(int argc, char** argv) {
  const kbsearch::bench::CorpusArgs args = kbsearch::bench::corpus_args(argc, argv, "kbsearch-bench-search");
  g_articles = args.articles;
  g_dir = args.dir;
  g_keep_dir = args.keep_dir;
  bool index_benchmarks = false;
  unsigned rounds = 20;
  std::size_t facet_max_matches = QueryOptions{}.facet_max_matches;
  fs::path real;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--index") index_benchmarks = true;
    if (arg.rfind("--rounds=", 0) == 0) rounds = static_cast<unsigned>(std::stoul(arg.substr(9)));
    if (arg.rfind("--real=", 0) == 0) real = arg.substr(7);
    if (arg.rfind("--facet-max-matches=", 0) == 0) facet_max_matches = std::stoul(arg.substr(20));
  }
  if (!real.empty()) {
    g_articles_dir = real / "corpus";
    g_articles = 0;
    for (const auto& e : fs::recursive_directory_iterator(g_articles_dir)) g_articles += e.path().extension() == ".md";
  } else {
    g_articles_dir = g_dir / "articles";
    prepare();
  }
  benchmark::Initialize(&argc, argv);
  if (index_benchmarks) {
    register_index_benchmarks();
    benchmark::RunSpecifiedBenchmarks();
  } else {
    print_query_table(real.empty() ? query_sets() : real_query_sets(real), rounds, facet_max_matches);
  }
  benchmark::Shutdown();
  if (!g_keep_dir) fs::remove_all(g_dir);
  return 0;
}
