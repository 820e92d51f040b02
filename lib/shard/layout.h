// The layout of a sharded index directory.
//
//   DIR/XAPIANDB        a Xapian stub file: "auto side" first, then one line
//                       per shard ("auto shard-2-of-4", or "remote HOST:PORT"
//                       for a shard served by xapian-tcpsrv on another host)
//   DIR/SHARDS          the number of shards
//   DIR/side/           an index directory holding no articles: the schema
//                       mark, the keep-whole lists, the synonyms and the
//                       spelling words of every shard (side_database.h)
//   DIR/shard-K-of-N/   one ordinary index directory per shard
//   DIR/REPLICAS        optional: per shard line, the lines of its replicas,
//                       tab-separated, which searches try when it does not
//                       answer (Xapian's stub format has no such notion)
//
// The side database comes first because Xapian reads spelling, synonyms and
// metadata from the first database of a stub only (remote databases serve
// none of them); holding no documents, it changes no statistic BM25 uses.
// Every searcher opens DIR, so it needs nothing but the path. Which shard
// an article goes to is routing.h's.
#ifndef KBSEARCH_LIB_SHARD_LAYOUT_H
#define KBSEARCH_LIB_SHARD_LAYOUT_H

#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kbsearch::shard {

std::string shard_dir(const std::string& dir, unsigned shard, unsigned shards);
std::string side_dir(const std::string& dir);

// The shard count of a sharded index directory, if it is one.
std::optional<unsigned> stored_shard_count(const std::string& dir);

// Throws IndexUnusableError unless `dir` is new or a sharded index of
// `shards` shards (an unsharded index, or another count, needs a new
// directory).
void check_shard_count(const std::string& dir, unsigned shards);

// Makes `dir` a sharded index of `shards` local shards, unless it is one
// already. Called once the side and the shards exist, so that a reader never
// finds a stub naming a database that is not there yet.
void publish_sharded_layout(const std::string& dir, unsigned shards);

// The database lines of a Xapian stub file, without its comments and blank
// lines; none when it cannot be read.
std::vector<std::string> read_stub_lines(const std::string& stub_file);

// True when DIR/XAPIANDB lists shards and a side database (a sharded
// index, or a search host's), rather than naming a generation.
bool lists_shards(const std::string& dir);

// The shard lines of DIR/XAPIANDB (every line after the side's).
std::vector<std::string> shard_lines(const std::string& dir);

// Rewrites DIR/XAPIANDB atomically: the side, then `lines`.
void write_shard_lines(const std::string& dir, const std::vector<std::string>& lines);

// Opens one stub line of the index in `dir`: "auto PATH" (relative to
// `dir`) or "remote HOST:PORT", waiting up to `timeout_ms` for a remote one.
// Throws InputError for any other line.
Xapian::Database open_shard_line(const std::string& dir, const std::string& line, unsigned timeout_ms = 10000);

// Shard line -> the lines of its replicas, in the order to try them.
using ReplicaLines = std::map<std::string, std::vector<std::string>>;
ReplicaLines read_replica_lines(const std::string& dir);
void write_replica_lines(const std::string& dir, const ReplicaLines& replicas);

}  // namespace kbsearch::shard

#endif  // KBSEARCH_LIB_SHARD_LAYOUT_H
