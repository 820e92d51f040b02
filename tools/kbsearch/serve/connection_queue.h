// The server's workers. httplib serves each connection (its keep-alive
// requests one after another) on a thread of a task queue; this one has a
// fixed number of workers and admits at most `max_connections` connections
// being served or waiting for one. A connection past that is still read and
// answered, by a thread of its own kind, but every request on it is refused
// with 503 (ConnectionState::over_limit), so an overloaded server answers at
// once instead of letting the queue grow.
#ifndef KBSEARCH_TOOLS_SERVE_CONNECTION_QUEUE_H
#define KBSEARCH_TOOLS_SERVE_CONNECTION_QUEUE_H

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kbsearch::serve {

// What the thread serving a connection knows about it and its request.
struct ConnectionState {
  bool over_limit = false;      // admitted past max_connections: refuse every request
  bool first_request = true;    // the connection's first request is not yet routed
  std::chrono::steady_clock::duration waited{};  // for a worker, before the first request
  // The request being served, for the metrics.
  bool started = false;
  std::chrono::steady_clock::time_point started_at;
  std::string endpoint;
};

// The calling thread's connection.
ConnectionState& this_connection();

class ConnectionQueue : public httplib::TaskQueue {
 public:
  // `connections` counts what is served or waits (for the metrics).
  ConnectionQueue(std::size_t threads, std::size_t max_connections, std::atomic<std::size_t>& connections);
  ~ConnectionQueue() override;

  void enqueue(std::function<void()> fn) override;
  // Serves what was admitted, then joins the threads.
  void shutdown() override;

 private:
  struct Job {
    std::function<void()> fn;
    std::chrono::steady_clock::time_point enqueued;
  };
  void work(bool over_limit);

  const std::size_t max_connections_;
  std::atomic<std::size_t>& connections_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job> admitted_;
  std::deque<Job> refused_;
  bool shutting_down_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace kbsearch::serve

#endif  // KBSEARCH_TOOLS_SERVE_CONNECTION_QUEUE_H
