// Parsing and analysing changed articles on worker threads, for the single
// Xapian writer to add in order. Each worker owns its analyzers (they are
// not thread-safe); Xapian documents are built on the worker and handed
// over whole through a future, so no Xapian object is shared between threads.
#ifndef KBSEARCH_LIB_INDEX_ANALYSIS_POOL_H
#define KBSEARCH_LIB_INDEX_ANALYSIS_POOL_H

#include <xapian.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "index/file_walker.h"
#include "kbsearch/analyzer.h"
#include "shard/routing.h"

namespace kbsearch::index {

struct AnalysisJob {
  ArticleFile file;
  std::string text;          // the file's bytes, already read and checked
  std::string content_hash;
};

struct AnalysisOutcome {
  std::string id;         // the article's id, when it parsed
  Xapian::Document document;
  std::vector<std::string> spelling_words;  // the document's (spelling_words.h)
  std::string error;      // why it did not, otherwise
  bool elsewhere = false; // it belongs to another shard: only its id was read
  double seconds = 0;     // time spent parsing and analysing
};

class AnalysisPool {
 public:
  // `threads` workers (at least 1); with 1 the work runs on the caller's
  // thread when the result is asked for, and no thread is started. Articles
  // that `filter` does not accept are not analysed. Throws Error when the
  // system cannot start that many threads.
  AnalysisPool(unsigned threads, std::map<std::string, AnalyzerOptions> options, std::string config_fingerprint,
               shard::ShardFilter filter);
  ~AnalysisPool();
  AnalysisPool(const AnalysisPool&) = delete;
  AnalysisPool& operator=(const AnalysisPool&) = delete;

  std::future<AnalysisOutcome> submit(AnalysisJob job);

  unsigned threads() const { return threads_; }

 private:
  struct Worker;
  void run_worker();
  void stop_workers();

  unsigned threads_;
  std::map<std::string, AnalyzerOptions> options_;
  std::string config_fingerprint_;
  shard::ShardFilter filter_;
  std::unique_ptr<Worker> inline_worker_;  // when threads_ == 1
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<AnalysisOutcome(Worker&)>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_ANALYSIS_POOL_H
