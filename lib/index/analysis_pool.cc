#include "index/analysis_pool.h"

#include <chrono>
#include <system_error>

#include "analysis/analyzer_cache.h"
#include "index/document_builder.h"
#include "index/spelling_words.h"
#include "kbsearch/error.h"
#include "markdown/article.h"
#include "markdown/front_matter.h"

namespace kbsearch::index {

struct AnalysisPool::Worker {
  analysis::AnalyzerCache analyzers;
  std::string config_fingerprint;
  shard::ShardFilter filter;

  AnalysisOutcome run(const AnalysisJob& job) {
    const auto started = std::chrono::steady_clock::now();
    AnalysisOutcome out;
    try {
      if (filter.active()) {
        // The id alone decides the shard; the front matter alone gives it.
        const markdown::FrontMatter fm = markdown::split_front_matter(job.text, job.file.path).front_matter;
        out.id = fm.id.value_or(job.file.default_id);
        if (!filter.accepts(out.id)) {
          out.elsewhere = true;
          return out;
        }
      }
      const markdown::Article article =
          markdown::parse_article(job.text, job.file.path, job.file.default_id);
      out.id = article.id;
      out.document =
          build_document(article, {job.file.path, job.content_hash, config_fingerprint}, analyzers);
      // Here rather than on the writer's thread, which is the one that waits.
      out.spelling_words = spelling_words_of(out.document);
    } catch (const InputError& e) {
      out.error = e.reason();
    }
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return out;
  }
};

AnalysisPool::AnalysisPool(unsigned threads, std::map<std::string, AnalyzerOptions> options,
                           std::string config_fingerprint, shard::ShardFilter filter)
    : threads_(threads == 0 ? 1 : threads),
      options_(std::move(options)),
      config_fingerprint_(std::move(config_fingerprint)),
      filter_(filter) {
  if (threads_ == 1) {
    inline_worker_.reset(new Worker{analysis::AnalyzerCache(options_), config_fingerprint_, filter_});
    return;
  }
  try {
    for (unsigned i = 0; i < threads_; ++i) workers_.emplace_back([this] { run_worker(); });
  } catch (const std::system_error& e) {
    // The threads started must be joined before the pool goes, or their
    // std::thread objects would end the process.
    stop_workers();
    throw Error("cannot start " + std::to_string(threads_) + " analysis threads (" + e.what() +
                "); ask for fewer threads");
  }
}

AnalysisPool::~AnalysisPool() { stop_workers(); }

void AnalysisPool::stop_workers() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& t : workers_) t.join();
  workers_.clear();
}

std::future<AnalysisOutcome> AnalysisPool::submit(AnalysisJob job) {
  if (inline_worker_) {
    // Deferred: runs when the writer asks for it, on the writer's thread.
    Worker* worker = inline_worker_.get();
    return std::async(std::launch::deferred,
                      [worker, job = std::move(job)] { return worker->run(job); });
  }
  std::packaged_task<AnalysisOutcome(Worker&)> task(
      [job = std::move(job)](Worker& worker) { return worker.run(job); });
  std::future<AnalysisOutcome> result = task.get_future();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(task));
  }
  ready_.notify_one();
  return result;
}

void AnalysisPool::run_worker() {
  Worker worker{analysis::AnalyzerCache(options_), config_fingerprint_, filter_};
  for (;;) {
    std::packaged_task<AnalysisOutcome(Worker&)> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to do
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task(worker);
  }
}

}  // namespace kbsearch::index
