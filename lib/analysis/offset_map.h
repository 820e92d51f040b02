// Maps byte offsets in normalized text back to the original text, so that a
// token found in the normalized text still points at the user's own bytes.
#ifndef KBSEARCH_LIB_ANALYSIS_OFFSET_MAP_H
#define KBSEARCH_LIB_ANALYSIS_OFFSET_MAP_H

#include <cstddef>
#include <vector>

namespace kbsearch::analysis {

class OffsetMap {
 public:
  // Forget all edits: the identity map.
  void reset() { spans_.clear(); }

  // Records that normalized bytes [dest, dest+dest_len) came from original
  // bytes [src, src+src_len). Unchanged runs are recorded with
  // changed = false and map byte for byte.
  void add(std::size_t src, std::size_t src_len, std::size_t dest, std::size_t dest_len,
           bool changed);

  // Original offset of a token starting at normalized offset `dest`.
  std::size_t start(std::size_t dest) const;
  // Original offset one past a token ending at normalized offset `dest`.
  std::size_t end(std::size_t dest) const;

 private:
  struct Span {
    std::size_t src, src_len, dest, dest_len;
    bool changed;
  };
  const Span* find(std::size_t dest) const;
  std::vector<Span> spans_;  // sorted by dest; empty means identity
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_OFFSET_MAP_H
