// One Searcher per server thread: a Searcher answers one query at a time,
// and opening one is cheap, so each worker opens its own on first use and
// keeps it (it follows commits, rebuilds and rollbacks by itself).
#ifndef KBSEARCH_TOOLS_SERVE_SEARCHERS_H
#define KBSEARCH_TOOLS_SERVE_SEARCHERS_H

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "kbsearch/searcher.h"

namespace kbsearch::serve {

class PerThreadSearchers {
 public:
  explicit PerThreadSearchers(std::string db) : db_(std::move(db)) {}

  // The calling thread's Searcher. Throws IndexUnusableError when the
  // index cannot be opened (the next call tries again).
  Searcher& get();

 private:
  std::string db_;
  std::mutex mutex_;
  std::map<std::thread::id, std::unique_ptr<Searcher>> searchers_;
};

}  // namespace kbsearch::serve

#endif  // KBSEARCH_TOOLS_SERVE_SEARCHERS_H
