#include "shard/layout.h"

#include <algorithm>
#include <fstream>

#include "index/generations.h"
#include "kbsearch/error.h"
#include "util/atomic_file.h"

namespace kbsearch::shard {
namespace {

constexpr const char* kSideName = "side";
constexpr const char* kShardCountFile = "/SHARDS";
constexpr const char* kReplicasFile = "/REPLICAS";

std::string stub_path(const std::string& dir) { return dir + "/XAPIANDB"; }

std::string shard_name(unsigned shard, unsigned shards) {
  return "shard-" + std::to_string(shard) + "-of-" + std::to_string(shards);
}

}  // namespace

std::string shard_dir(const std::string& dir, unsigned shard, unsigned shards) {
  return dir + "/" + shard_name(shard, shards);
}

std::string side_dir(const std::string& dir) { return dir + "/" + kSideName; }

std::optional<unsigned> stored_shard_count(const std::string& dir) {
  std::ifstream in(dir + kShardCountFile);
  unsigned shards = 0;
  if (!(in >> shards) || shards == 0) return {};
  return shards;
}

void check_shard_count(const std::string& dir, unsigned shards) {
  if (const auto existing = stored_shard_count(dir)) {
    if (*existing == shards) return;
    throw IndexUnusableError(dir + " has " + std::to_string(*existing) + " shards, not " + std::to_string(shards) +
                             "; index into a new directory to change the count");
  }
  if (index::Generations(dir).current()) {
    throw IndexUnusableError(dir + " holds an unsharded index; index into a new directory to shard it");
  }
}

void publish_sharded_layout(const std::string& dir, unsigned shards) {
  if (stored_shard_count(dir)) return;
  std::vector<std::string> lines;
  for (unsigned k = 1; k <= shards; ++k) lines.push_back("auto " + shard_name(k, shards));
  write_shard_lines(dir, lines);
  util::replace_file_atomically(dir + kShardCountFile, std::to_string(shards) + "\n");
}

std::vector<std::string> read_stub_lines(const std::string& stub_file) {
  std::ifstream in(stub_file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  return lines;
}

bool lists_shards(const std::string& dir) {
  const std::vector<std::string> lines = read_stub_lines(stub_path(dir));
  return !lines.empty() && lines.front() == std::string("auto ") + kSideName;
}

std::vector<std::string> shard_lines(const std::string& dir) {
  std::vector<std::string> lines = read_stub_lines(stub_path(dir));
  lines.erase(std::remove(lines.begin(), lines.end(), std::string("auto ") + kSideName), lines.end());
  return lines;
}

void write_shard_lines(const std::string& dir, const std::vector<std::string>& lines) {
  std::string text = std::string("auto ") + kSideName + "\n";
  for (const std::string& line : lines) text += line + "\n";
  util::replace_file_atomically(stub_path(dir), text);
}

Xapian::Database open_shard_line(const std::string& dir, const std::string& line, unsigned timeout_ms) {
  const auto space = line.find(' ');
  const std::string kind = line.substr(0, space);
  const std::string where = space == std::string::npos ? "" : line.substr(space + 1);
  if (kind == "auto" && !where.empty()) return Xapian::Database(where[0] == '/' ? where : dir + "/" + where);
  const auto colon = where.rfind(':');
  const std::string port = colon == std::string::npos ? "" : where.substr(colon + 1);
  if (kind == "remote" && !port.empty() && port.find_first_not_of("0123456789") == std::string::npos &&
      port.size() <= 5) {
    return Xapian::Remote::open(where.substr(0, colon), static_cast<unsigned>(std::stoul(port)), timeout_ms,
                                timeout_ms);
  }
  throw InputError("shard '" + line + "'", "is not 'auto PATH' or 'remote HOST:PORT'");
}

ReplicaLines read_replica_lines(const std::string& dir) {
  ReplicaLines replicas;
  std::ifstream in(dir + kReplicasFile);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      fields.push_back(line.substr(start, tab - start));
    }
    fields.push_back(line.substr(start));
    if (fields.size() < 2) continue;
    replicas[fields.front()].assign(fields.begin() + 1, fields.end());
  }
  return replicas;
}

void write_replica_lines(const std::string& dir, const ReplicaLines& replicas) {
  std::string text;
  for (const auto& [shard, lines] : replicas) {
    text += shard;
    for (const std::string& line : lines) text += "\t" + line;
    text += "\n";
  }
  util::replace_file_atomically(dir + kReplicasFile, text);
}

}  // namespace kbsearch::shard
