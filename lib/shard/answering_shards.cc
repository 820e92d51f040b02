#include "shard/answering_shards.h"

#include <sys/stat.h>

#include "shard/layout.h"

namespace kbsearch::shard {

AnsweringShards open_answering_shards(const std::string& path, unsigned timeout_ms) {
  struct stat st;
  const bool is_dir = ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  const std::string base =
      is_dir ? path : path.substr(0, path.rfind('/') == std::string::npos ? 0 : path.rfind('/'));
  const std::string dir = base.empty() ? "." : base;
  const ReplicaLines replicas = read_replica_lines(dir);

  AnsweringShards shards;
  bool first = true;
  for (const std::string& line : read_stub_lines(is_dir ? path + "/XAPIANDB" : path)) {
    // The first database holds what a search reads from one place only
    // (the side database of a sharded index): without it there is no
    // answer to give.
    if (first) {
      shards.db.add_database(open_shard_line(dir, line, timeout_ms));
      first = false;
      continue;
    }
    std::vector<std::string> copies{line};
    if (const auto it = replicas.find(line); it != replicas.end()) {
      copies.insert(copies.end(), it->second.begin(), it->second.end());
    }
    bool answered = false;
    for (const std::string& copy : copies) {
      try {
        Xapian::Database shard = open_shard_line(dir, copy, timeout_ms);
        (void)shard.get_doccount();
        shards.db.add_database(shard);
        answered = true;
        break;
      } catch (const Xapian::NetworkError& e) {
        shards.why = "'" + copy + "': " + e.get_description();
      }
    }
    if (!answered) shards.missing.push_back(line);
  }
  return shards;
}

}  // namespace kbsearch::shard
