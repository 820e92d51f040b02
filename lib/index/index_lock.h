// The writer lock of a kbsearch index: one indexer at a time per index.
//
// An flock(2) on DIR/kbsearch.lock, which the kernel releases when the
// process ends however it ends (kill -9 included), so a crashed indexer
// never leaves a stale lock. The file holds the owner's process id, so a
// second indexer can say who holds the lock.
#ifndef KBSEARCH_LIB_INDEX_INDEX_LOCK_H
#define KBSEARCH_LIB_INDEX_INDEX_LOCK_H

#include <string>

namespace kbsearch::index {

class IndexLock {
 public:
  // Takes the lock of index directory `dir` (created if missing), waiting
  // up to `wait_seconds` for another holder to let go. Throws
  // IndexLockedError ("index ... is locked by process N") when it cannot.
  IndexLock(const std::string& dir, double wait_seconds);
  ~IndexLock();
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_INDEX_LOCK_H
