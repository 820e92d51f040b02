#include "shard/routing.h"

#include <cstdint>

namespace kbsearch::shard {

unsigned shard_of(const std::string& id, unsigned shards) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : id) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return static_cast<unsigned>(hash % shards) + 1;
}

}  // namespace kbsearch::shard
