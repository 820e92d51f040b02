#include "shard/index_reader.h"

#include <sys/stat.h>

#include <filesystem>

#include "index/database_schema_check.h"
#include "index/generations.h"
#include "kbsearch/error.h"
#include "shard/answering_shards.h"
#include "shard/layout.h"

namespace kbsearch::shard {
namespace {

// In a stub identity: the stub lists a remote shard.
constexpr const char* kRemoteMark = "|remote";

// The stat identity of the stub file a path names (DIR/XAPIANDB, or the
// path itself), with the stub's path; empty for a plain database directory.
std::string stat_identity(const std::string& path, std::string* stub_file = nullptr) {
  struct stat st;
  std::string stub = path + "/XAPIANDB";
  if (::stat(stub.c_str(), &st) != 0) {
    stub = path;
    if (::stat(stub.c_str(), &st) != 0) return {};
  }
  if (S_ISDIR(st.st_mode)) return {};  // a plain database directory: no stub
  if (stub_file) *stub_file = stub;
  return std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_size);
}

// A path that holds no index is named for what it is, rather than by
// Xapian's "DatabaseNotFoundError: Couldn't stat".
void check_is_index(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    throw IndexUnusableError("there is no index at " + path +
                             ": no such file or directory (check --db, or create "
                             "the index with 'kbsearch index --db " +
                             path + " ARTICLES...')");
  }
  // Generations without their stub are a damaged index, which Generations
  // names as such.
  if (!fs::is_directory(status) || fs::exists(fs::path(path) / "XAPIANDB", ec) ||
      fs::exists(fs::path(path) / "iamglass", ec) || !index::Generations(path).all().empty()) {
    return;
  }
  bool articles = false;
  for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
    const std::string ext = entry.path().extension().string();
    articles = articles || ext == ".md" || ext == ".markdown" || ext == ".txt" || entry.is_directory(ec);
  }
  throw IndexUnusableError(path + " is not a kbsearch index" +
                           (articles ? ": it holds articles. Give --db the index directory ('kbsearch index --db "
                                       "INDEX_DIR " +
                                           path + "' makes one from them)"
                                     : " (it has no XAPIANDB): check --db"));
}

// An index directory whose stub names one of its generations.
bool names_generation(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec) && !lists_shards(path);
}

}  // namespace

IndexReader::IndexReader(std::string path, ReaderOptions options) : path_(std::move(path)), options_(options) {
  open();
}

IndexReader::IndexReader(Xapian::Database held, std::string name)
    : path_(std::move(name)), options_{}, db_(std::move(held)), held_(true) {
  index::check_schema(db_, path_);
}

// Identifies the stub files that name the generations a reader opens: an
// index directory's XAPIANDB, or a stub file given as the path, and, for a
// sharded index, the stubs of the side database and of every local shard.
// A generation switch replaces one of them, so a changed identity says that
// the database must be opened afresh. Asked before every read: the top
// stub's lines are read again only when its stat identity changes.
std::string IndexReader::current_stub_identity() {
  std::string stub;
  std::string identity = stat_identity(path_, &stub);
  if (identity.empty()) return identity;
  if (identity != top_stub_.stat) top_stub_ = {identity, read_stub_lines(stub)};
  const std::string dir = stub.substr(0, stub.rfind('/') + 1);
  for (const std::string& line : top_stub_.lines) {
    if (line.compare(0, 7, "remote ") == 0) identity += kRemoteMark;
    if (line.compare(0, 5, "auto ") != 0) continue;
    const std::string target = line.substr(5);
    // A shard's own stub names generations, not stubs: its stat is enough.
    if (!target.empty()) identity += "|" + stat_identity(target[0] == '/' ? target : dir + target);
  }
  return identity;
}

void IndexReader::open() {
  stub_identity_ = current_stub_identity();
  has_remote_shards_ = stub_identity_.find(kRemoteMark) != std::string::npos;
  opened_at_ = std::chrono::steady_clock::now();
  // Xapian::Database opens a directory, a directory holding a stub, or a
  // stub file listing shards; remote shards are opened one by one instead,
  // with our timeout, and replicas where a shard does not answer.
  if (has_remote_shards_) {
    open_answering_shards();
  } else {
    // Xapian opens an empty or garbled stub as an empty index; a damaged
    // index must say so instead of answering "no match".
    check_is_index(path_);
    if (names_generation(path_)) (void)index::Generations(path_).current();
    db_ = Xapian::Database(path_);
    missing_.clear();
  }
  index::check_schema(db_, path_);
}

// Opens the index shard by shard, with replicas standing in for shards
// that do not answer, and decides whether what answered may answer.
void IndexReader::open_answering_shards() {
  AnsweringShards shards = shard::open_answering_shards(path_, options_.timeout_ms);
  if (!shards.missing.empty() && !options_.allow_missing_shards) {
    std::string names;
    for (const std::string& line : shards.missing) names += (names.empty() ? "'" : ", '") + line + "'";
    throw ShardUnavailableError("searching " + path_ + ": shard " + names + " does not answer, nor any replica (" +
                                shards.why + ")");
  }
  db_ = std::move(shards.db);
  missing_ = std::move(shards.missing);
}

// Reopen() when the generation is the same (cheap when nothing changed), a
// fresh open when a rebuild or rollback switched generations, and, for
// remote shards, every reconnect_seconds (to see rebuilt shards, and shards
// or primaries that answer again).
bool IndexReader::refresh() {
  if (held_) return false;
  const bool reconnect =
      has_remote_shards_ && std::chrono::duration<double>(std::chrono::steady_clock::now() - opened_at_).count() >
                                options_.reconnect_seconds;
  if (lost_connection_ || reconnect || current_stub_identity() != stub_identity_) {
    lost_connection_ = true;  // until open() succeeds
    open();
    lost_connection_ = false;
    return true;
  }
  db_.reopen();
  return false;
}

void IndexReader::reconnect() {
  lost_connection_ = true;
  open_answering_shards();
  lost_connection_ = false;
}

int IndexReader::generation() const {
  return names_generation(path_) ? index::Generations(path_).current().value_or(0) : 0;
}

}  // namespace kbsearch::shard
