// Which shard an article goes to.
//
// An article's shard is a stable hash of its id, so the same id always meets
// itself in the same shard (id conflicts are still found) and every host
// routes the same way. This header needs nothing else of lib/shard: the
// single-database writer (index/database_writer.h) and the analysis pool
// route with it.
#ifndef KBSEARCH_LIB_SHARD_ROUTING_H
#define KBSEARCH_LIB_SHARD_ROUTING_H

#include <string>

namespace kbsearch::shard {

// The shard (1..shards) the article with this id belongs to: FNV-1a 64 of
// the id's bytes, modulo `shards`, plus one.
unsigned shard_of(const std::string& id, unsigned shards);

// Which articles a database keeps: all (shards == 0) or one shard's.
struct ShardFilter {
  unsigned shard = 0;
  unsigned shards = 0;
  bool active() const { return shards != 0; }
  bool accepts(const std::string& id) const { return !active() || shard_of(id, shards) == shard; }
};

}  // namespace kbsearch::shard

#endif  // KBSEARCH_LIB_SHARD_ROUTING_H
