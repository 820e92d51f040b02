#include "searchers.h"

namespace kbsearch::serve {

Searcher& PerThreadSearchers::get() {
  const std::thread::id self = std::this_thread::get_id();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = searchers_.find(self);
    if (it != searchers_.end()) return *it->second;
  }
  // Opened outside the lock, so that one slow open holds up no other thread.
  auto searcher = std::make_unique<Searcher>(db_);
  std::lock_guard<std::mutex> lock(mutex_);
  return *searchers_.emplace(self, std::move(searcher)).first->second;
}

}  // namespace kbsearch::serve
