// Request counts and latencies for GET /metrics, in Prometheus's text
// format: requests by endpoint and status, a latency histogram per
// endpoint, and the index's generation and size.
#ifndef KBSEARCH_TOOLS_SERVE_METRICS_H
#define KBSEARCH_TOOLS_SERVE_METRICS_H

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "kbsearch/search_results.h"

namespace kbsearch::serve {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds: from a cached query
  // (under a millisecond) to one over every article of a large index.
  static constexpr std::array<double, 11> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1,    2.5};

  void record(const std::string& endpoint, int status, double seconds);

  // Connections being served or waiting for a worker (set by the server).
  std::atomic<std::size_t> connections{0};

  std::string prometheus(const IndexStats& index) const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> counts{};  // not cumulative
    std::uint64_t total = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
};

}  // namespace kbsearch::serve

#endif  // KBSEARCH_TOOLS_SERVE_METRICS_H
