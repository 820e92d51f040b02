#include "connection_queue.h"

namespace kbsearch::serve {

ConnectionState& this_connection() {
  thread_local ConnectionState state;
  return state;
}

ConnectionQueue::ConnectionQueue(std::size_t threads, std::size_t max_connections,
                                 std::atomic<std::size_t>& connections)
    : max_connections_(max_connections), connections_(connections) {
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(false); });
  // One thread answers the refused connections: a 503 costs next to nothing.
  threads_.emplace_back([this] { work(true); });
}

ConnectionQueue::~ConnectionQueue() { shutdown(); }

void ConnectionQueue::enqueue(std::function<void()> fn) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (connections_.load() >= max_connections_) {
      refused_.push_back({std::move(fn), now});
    } else {
      ++connections_;
      admitted_.push_back({std::move(fn), now});
    }
  }
  ready_.notify_all();
}

void ConnectionQueue::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutting_down_ && threads_.empty()) return;
    shutting_down_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
  threads_.clear();
}

void ConnectionQueue::work(bool over_limit) {
  std::deque<Job>& jobs = over_limit ? refused_ : admitted_;
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [&] { return !jobs.empty() || shutting_down_; });
      if (jobs.empty()) return;  // shutting down, and nothing left to serve
      job = std::move(jobs.front());
      jobs.pop_front();
    }
    ConnectionState& state = this_connection();
    state = ConnectionState{};
    state.over_limit = over_limit;
    state.waited = std::chrono::steady_clock::now() - job.enqueued;
    job.fn();  // serves the connection until it closes
    if (!over_limit) --connections_;
  }
}

}  // namespace kbsearch::serve
