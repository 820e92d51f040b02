// The on-disk layout of a kbsearch index directory, and atomic switches
// between generations of it:
//
//   DIR/XAPIANDB        a Xapian stub file naming the current generation
//                       ("auto gen-000002"); Xapian opens DIR through it
//   DIR/gen-NNNNNN/     one Xapian database per generation
//   DIR/kbsearch.lock   the writer lock (index_lock.h)
//
// Readers open DIR and get the generation the stub names. A rebuild writes
// a new generation beside the live one and then replaces the stub with
// rename(2), which is atomic: a reader opening DIR sees the old generation
// or the new one, never a mixture. The previous generation is kept, so a
// rollback is one more stub switch. Generations newer than the current one
// are leftovers of an interrupted rebuild and are removed by the next one.
#ifndef KBSEARCH_LIB_INDEX_GENERATIONS_H
#define KBSEARCH_LIB_INDEX_GENERATIONS_H

#include <optional>
#include <string>
#include <vector>

namespace kbsearch::index {

class Generations {
 public:
  explicit Generations(std::string dir) : dir_(std::move(dir)) {}

  // The generation the stub names; nothing for a new index (no stub, no
  // generation). Throws IndexUnusableError, naming the fault and the way
  // out, when the stub is missing beside generations, does not name one,
  // or names one that does not exist.
  std::optional<int> current() const;
  // The newest generation older than the current one, if it still exists.
  std::optional<int> previous() const;
  // previous(), or an Error naming the directory when there is none.
  int rollback_target() const;
  // Every generation directory present, oldest first.
  std::vector<int> all() const;

  std::string path(int generation) const;

  // The generation after every existing one; its directory does not exist.
  int next() const;

  // Makes `generation` the one readers open (atomic stub replacement).
  void switch_to(int generation) const;

  // Deletes every generation but `keep_a` and `keep_b`.
  void remove_all_but(int keep_a, int keep_b) const;

  std::string stub_path() const { return dir_ + "/XAPIANDB"; }

 private:
  [[noreturn]] void damaged(const std::string& what) const;

  std::string dir_;
};

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_GENERATIONS_H
