#include "metrics.h"

#include <sstream>

namespace kbsearch::serve {

void Metrics::record(const std::string& endpoint, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{endpoint, status}];
  Histogram& h = latency_[endpoint];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.counts[i];
      break;
    }
  }
  ++h.total;
  h.sum += seconds;
}

std::string Metrics::prometheus(const IndexStats& index) const {
  std::ostringstream out;
  out << "# HELP kbsearch_http_requests_total HTTP requests answered, by endpoint and status.\n"
         "# TYPE kbsearch_http_requests_total counter\n";
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [key, count] : requests_) {
    out << "kbsearch_http_requests_total{endpoint=\"" << key.first << "\",status=\"" << key.second << "\"} "
        << count << "\n";
  }
  out << "# HELP kbsearch_http_request_duration_seconds Time from reading a request to answering it.\n"
         "# TYPE kbsearch_http_request_duration_seconds histogram\n";
  for (const auto& [endpoint, h] : latency_) {
    const std::string label = "endpoint=\"" + endpoint + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.counts[i];
      out << "kbsearch_http_request_duration_seconds_bucket{" << label << ",le=\"" << kBuckets[i] << "\"} "
          << cumulative << "\n";
    }
    out << "kbsearch_http_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} " << h.total << "\n"
        << "kbsearch_http_request_duration_seconds_sum{" << label << "} " << h.sum << "\n"
        << "kbsearch_http_request_duration_seconds_count{" << label << "} " << h.total << "\n";
  }
  out << "# HELP kbsearch_http_connections Connections being served or waiting for a worker.\n"
         "# TYPE kbsearch_http_connections gauge\n"
         "kbsearch_http_connections "
      << connections.load() << "\n"
      << "# HELP kbsearch_index_generation The index generation searches read (0: sharded).\n"
         "# TYPE kbsearch_index_generation gauge\n"
         "kbsearch_index_generation "
      << index.generation << "\n"
      << "# HELP kbsearch_index_articles Articles in the index.\n"
         "# TYPE kbsearch_index_articles gauge\n"
         "kbsearch_index_articles "
      << index.articles << "\n";
  return out.str();
}

}  // namespace kbsearch::serve
