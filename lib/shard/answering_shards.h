// Opening a sharded index when some of its shards do not answer.
//
// Xapian opens a stub as a whole and fails as a whole when any remote shard
// is down. This opens it line by line instead: the side database first, as
// always, then each shard from its own line or, when that does not answer,
// from the first of its replicas that does (layout.h). What no
// copy answers for is named, so that the caller can refuse to answer or
// answer from the rest and say what is missing.
#ifndef KBSEARCH_LIB_SHARD_ANSWERING_SHARDS_H
#define KBSEARCH_LIB_SHARD_ANSWERING_SHARDS_H

#include <xapian.h>

#include <string>
#include <vector>

namespace kbsearch::shard {

struct AnsweringShards {
  Xapian::Database db;               // the side database and every shard that answered
  std::vector<std::string> missing;  // shard lines no copy of which answered
  std::string why;                   // the last failure, for messages
};

// `path`: an index directory or a stub file. Remote shards get `timeout_ms`
// to connect and to answer.
AnsweringShards open_answering_shards(const std::string& path, unsigned timeout_ms);

}  // namespace kbsearch::shard

#endif  // KBSEARCH_LIB_SHARD_ANSWERING_SHARDS_H
