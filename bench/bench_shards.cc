// Sharded deployments against one database, on the same generated knowledge
// base, in the same run:
//
//   single      the unsharded index (the baseline of every ratio)
//   local-N     N shards (1, 2, 4) in one directory, opened as files
//   remote-N    the same N shards, each served by its own xapian-tcpsrv on
//               loopback, searched through a directory of remote stub lines
//
//   BM_Latency/<deployment>/<variant>
//                             warm in-process query latency, median and p99,
//                             over the mixed query set of bench_search (every
//                             kind, five languages); variant "full" builds
//                             snippets and counts facets, "bare" does neither
//   BM_Throughput/<deployment>/<variant>/clients:<C>
//                             queries answered per second by C threads, each
//                             with its own Searcher, over the same set
//
// At the end it prints each deployment's figures as ratios against the single
// database, taking the median over --benchmark_repetitions.
//
//   build/bench/bench_shards [--articles=N] [--dir=PATH] [--benchmark_repetitions=R]
//
// The corpus and the indexes are built once under --dir (default: a
// temporary directory) and reused by later runs given the same --dir and
// --articles; the remote searchers' directories are rebuilt every run, since
// the servers' ports change.
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "corpus_generator.h"
#include "kbsearch/kbsearch.h"
#include "query_sets.h"
#include "shard_server.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using kbsearch::bench::QueryOptions;

std::size_t g_articles = 20000;
fs::path g_dir;
bool g_keep_dir = false;

// Every query of the mixed set is run this many times per latency
// measurement: a fixed count rather than a minimum time, so that every
// deployment's median is taken over the same mix of queries.
constexpr std::size_t kLatencyPasses = 10;
constexpr double kThroughputSeconds = 2.0;
const std::vector<unsigned> kShardCounts = {1, 2, 4};

struct Deployment {
  std::string name;
  std::string path;  // what searchers open
};
std::vector<Deployment> g_deployments;
std::vector<std::unique_ptr<kbsearch::testutil::LoopbackServer>> g_servers;

fs::path articles_dir() { return g_dir / "articles"; }

QueryOptions query_options(const std::string& variant) { return {variant == "full", variant == "full", 10}; }

std::vector<kbsearch::SearchRequest> mixed_requests(const std::string& variant) {
  std::vector<kbsearch::SearchRequest> requests;
  for (const auto& [kind, queries] : kbsearch::bench::query_sets()) {
    for (const auto& q : queries) requests.push_back(kbsearch::bench::kbsearch_request(q, query_options(variant)));
  }
  return requests;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// --- deployments ---------------------------------------------------------------

// An index left by an interrupted run must not be measured as if whole.
bool holds_every_article(const fs::path& db) {
  if (!fs::exists(db / "XAPIANDB")) return false;
  try {
    return Xapian::Database(db.string()).get_doccount() == g_articles;
  } catch (const Xapian::Error&) {
    return false;
  }
}

void build_index(const fs::path& db, unsigned shards) {
  if (holds_every_article(db)) return;
  fs::remove_all(db);
  const auto started = Clock::now();
  kbsearch::IndexOptions options;
  options.threads = 2;
  options.shards = shards;
  kbsearch::Indexer indexer(db.string(), options);
  const kbsearch::IndexReport report = indexer.index({articles_dir().string()});
  if (report.added != g_articles) throw std::runtime_error("not every article was indexed into " + db.string());
  std::printf("built %s in %.1f s\n", db.filename().c_str(), seconds_since(started));
}

// Serves each shard of `local` from its own xapian-tcpsrv and writes the
// directory that searches them remotely.
fs::path serve_remotely(const fs::path& local, unsigned shards) {
  const fs::path remote = g_dir / ("remote-" + std::to_string(shards));
  fs::remove_all(remote);
  kbsearch::SideOptions side;
  for (unsigned k = 1; k <= shards; ++k) {
    g_servers.push_back(std::make_unique<kbsearch::testutil::LoopbackServer>(
        kbsearch::testutil::tcpsrv_command(kbsearch::Indexer::shard_directory(local.string(), k, shards))));
    side.shards.push_back("remote " + g_servers.back()->address());
  }
  const auto started = Clock::now();
  kbsearch::Indexer::update_side(remote.string(), side);
  std::printf("side database of %s in %.1f s\n", remote.filename().c_str(), seconds_since(started));
  return remote;
}

void prepare() {
  if (!fs::exists(articles_dir())) {
    kbsearch::bench::generate_corpus(std::string(KBSEARCH_SOURCE_DIR) + "/corpus/articles",
                                     articles_dir().string(), g_articles);
  }
  build_index(g_dir / "single", 0);
  g_deployments.push_back({"single", (g_dir / "single").string()});
  for (unsigned n : kShardCounts) {
    const fs::path local = g_dir / ("local-" + std::to_string(n));
    build_index(local, n);
    g_deployments.push_back({"local-" + std::to_string(n), local.string()});
  }
  for (unsigned n : kShardCounts) {
    const fs::path remote = serve_remotely(g_dir / ("local-" + std::to_string(n)), n);
    g_deployments.push_back({"remote-" + std::to_string(n), remote.string()});
  }
}

// --- measurements ----------------------------------------------------------------

// Per deployment and measurement, one figure per repetition.
std::map<std::string, std::map<std::string, std::vector<double>>> g_figures;

// A searcher that has run every request once: caches, lazily built
// analyzers and remote connections are ready.
std::unique_ptr<kbsearch::Searcher> warm_searcher(const Deployment& d,
                                                  const std::vector<kbsearch::SearchRequest>& requests) {
  auto searcher = std::make_unique<kbsearch::Searcher>(d.path);
  for (const auto& request : requests) searcher->search(request);
  return searcher;
}

void BM_Latency(benchmark::State& state, const Deployment& d, const std::string& variant) {
  const std::vector<kbsearch::SearchRequest> requests = mixed_requests(variant);
  std::vector<double> samples;
  std::size_t hits = 0, next = 0;
  try {
    const auto searcher = warm_searcher(d, requests);
    for (auto _ : state) {
      const auto started = Clock::now();
      hits += searcher->search(requests[next++ % requests.size()]).hits.size();
      const double seconds = seconds_since(started);
      state.SetIterationTime(seconds);
      samples.push_back(seconds * 1e3);
    }
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  benchmark::DoNotOptimize(hits);
  const double median = kbsearch::bench::percentile(samples, 0.5);
  const double p99 = kbsearch::bench::percentile(samples, 0.99);
  state.counters["median_ms"] = median;
  state.counters["p99_ms"] = p99;
  state.counters["hits_per_query"] = static_cast<double>(hits) / static_cast<double>(samples.size());
  g_figures[d.name][variant + " median"].push_back(median);
  g_figures[d.name][variant + " p99"].push_back(p99);
}

void BM_Throughput(benchmark::State& state, const Deployment& d, const std::string& variant, unsigned clients) {
  const std::vector<kbsearch::SearchRequest> requests = mixed_requests(variant);
  double queries_per_s = 0;
  for (auto _ : state) {
    std::vector<std::unique_ptr<kbsearch::Searcher>> searchers;
    try {
      for (unsigned c = 0; c < clients; ++c) searchers.push_back(warm_searcher(d, requests));
    } catch (const std::exception& e) {
      state.SkipWithError(e.what());
      return;
    }
    std::vector<std::size_t> answered(clients, 0);
    std::vector<std::string> errors(clients);
    std::vector<std::thread> threads;
    const auto started = Clock::now();
    const auto deadline = started + std::chrono::duration<double>(kThroughputSeconds);
    for (unsigned c = 0; c < clients; ++c) {
      threads.emplace_back([&, c] {
        // Each client starts elsewhere in the set, so that they do not run
        // the same query at the same time.
        std::size_t next = c * requests.size() / clients;
        try {
          while (Clock::now() < deadline) {
            searchers[c]->search(requests[next++ % requests.size()]);
            ++answered[c];
          }
        } catch (const std::exception& e) {
          errors[c] = e.what();
        }
      });
    }
    for (auto& t : threads) t.join();
    const double seconds = seconds_since(started);
    state.SetIterationTime(seconds);
    for (const std::string& error : errors) {
      if (!error.empty()) {
        state.SkipWithError(error.c_str());
        return;
      }
    }
    std::size_t total = 0;
    for (std::size_t n : answered) total += n;
    queries_per_s = static_cast<double>(total) / seconds;
  }
  state.counters["queries_per_s"] = queries_per_s;
  g_figures[d.name][variant + " qps " + std::to_string(clients)].push_back(queries_per_s);
}

// --- the tables at the end -------------------------------------------------------

double median_of(const std::string& deployment, const std::string& figure) {
  const auto d = g_figures.find(deployment);
  if (d == g_figures.end()) return 0;
  const auto f = d->second.find(figure);
  return f == d->second.end() || f->second.empty() ? 0 : kbsearch::bench::percentile(f->second, 0.5);
}

std::string format(const char* pattern, double value) {
  if (value <= 0) return "–";
  char buf[32];
  std::snprintf(buf, sizeof buf, pattern, value);
  return buf;
}

std::string ratio(double value, double baseline) { return baseline > 0 ? format("%.2f", value / baseline) : "–"; }

void print_tables() {
  if (g_figures.empty()) return;
  std::printf("\nWarm query latency over the mixed set, ms, median (p99), and the median as a ratio of the single "
              "database's:\n\n");
  std::printf("| deployment | full | bare | full / single | bare / single |\n|---|---|---|---|---|\n");
  for (const Deployment& d : g_deployments) {
    std::string cells, ratios;
    for (const char* variant : {"full", "bare"}) {
      const std::string v = variant;
      const double median = median_of(d.name, v + " median");
      cells += " | " + format("%.2f", median) + " (" + format("%.2f", median_of(d.name, v + " p99")) + ")";
      ratios += " | " + ratio(median, median_of("single", v + " median"));
    }
    std::printf("| %s%s%s |\n", d.name.c_str(), cells.c_str(), ratios.c_str());
  }
  std::printf("\nThroughput, queries/s with 1 and 2 client threads, as a ratio of the single database's, and "
              "2 clients against 1:\n\n");
  std::printf("| deployment | full, 1 | full, 2 | bare, 1 | bare, 2 | full 1 / single | full 2 / single "
              "| bare 1 / single | bare 2 / single | full 2 / 1 | bare 2 / 1 |\n"
              "|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const Deployment& d : g_deployments) {
    std::string cells, ratios, scaling;
    for (const char* variant : {"full", "bare"}) {
      const std::string v = variant;
      const double one = median_of(d.name, v + " qps 1"), two = median_of(d.name, v + " qps 2");
      cells += " | " + format("%.0f", one) + " | " + format("%.0f", two);
      ratios += " | " + ratio(one, median_of("single", v + " qps 1")) + " | " +
                ratio(two, median_of("single", v + " qps 2"));
      scaling += " | " + ratio(two, one);
    }
    std::printf("| %s%s%s%s |\n", d.name.c_str(), cells.c_str(), ratios.c_str(), scaling.c_str());
  }
}

void register_benchmarks() {
  for (const Deployment& d : g_deployments) {
    for (const char* variant : {"full", "bare"}) {
      benchmark::RegisterBenchmark(("BM_Latency/" + d.name + "/" + variant).c_str(), BM_Latency, d,
                                   std::string(variant))
          ->UseManualTime()
          ->Unit(benchmark::kMicrosecond)
          ->Iterations(static_cast<benchmark::IterationCount>(kLatencyPasses * mixed_requests(variant).size()));
    }
  }
  for (const Deployment& d : g_deployments) {
    for (const char* variant : {"full", "bare"}) {
      for (unsigned clients : {1u, 2u}) {
        const std::string name = "BM_Throughput/" + d.name + "/" + variant + "/clients:" + std::to_string(clients);
        benchmark::RegisterBenchmark(name.c_str(), BM_Throughput, d, std::string(variant), clients)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond)
            ->Iterations(1);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const kbsearch::bench::CorpusArgs args = kbsearch::bench::corpus_args(argc, argv, "kbsearch-bench-shards");
  g_articles = args.articles;
  g_dir = args.dir;
  g_keep_dir = args.keep_dir;
  benchmark::Initialize(&argc, argv);
  try {
    prepare();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_shards: %s\n", e.what());
    return 1;
  }
  register_benchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  g_servers.clear();
  print_tables();
  if (!g_keep_dir) fs::remove_all(g_dir);
  return 0;
}
