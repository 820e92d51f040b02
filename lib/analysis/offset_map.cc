#include "analysis/offset_map.h"

#include <algorithm>

namespace kbsearch::analysis {

void OffsetMap::add(std::size_t src, std::size_t src_len, std::size_t dest,
                    std::size_t dest_len, bool changed) {
  spans_.push_back({src, src_len, dest, dest_len, changed});
}

const OffsetMap::Span* OffsetMap::find(std::size_t dest) const {
  // The last span starting at or before dest.
  auto it = std::upper_bound(spans_.begin(), spans_.end(), dest,
                             [](std::size_t d, const Span& s) { return d < s.dest; });
  return it == spans_.begin() ? nullptr : &*(it - 1);
}

std::size_t OffsetMap::start(std::size_t dest) const {
  const Span* s = find(dest);
  if (s == nullptr) return dest;
  if (!s->changed) return s->src + std::min(dest - s->dest, s->src_len);
  // Inside a replaced run the whole original run belongs to the token.
  return s->src;
}

std::size_t OffsetMap::end(std::size_t dest) const {
  if (dest == 0) return 0;
  // Look at the byte before the end: the span the token's last byte is in.
  const Span* s = find(dest - 1);
  if (s == nullptr) return dest;
  if (!s->changed) return s->src + std::min(dest - s->dest, s->src_len);
  return s->src + s->src_len;
}

}  // namespace kbsearch::analysis
