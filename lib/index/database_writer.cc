#include "index/database_writer.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "index/analysis_config.h"
#include "index/analysis_pool.h"
#include "index/database_schema_check.h"
#include "index/file_walker.h"
#include "index/generations.h"
#include "index/index_lock.h"
#include "index/schema.h"
#include "index/spelling_words.h"
#include "index/synonyms.h"
#include "index/writable_database.h"
#include "index/xapian_errors.h"
#include "kbsearch/error.h"
#include "kbsearch/version.h"
#include "util/content_hash.h"
#include "util/text_file.h"

namespace kbsearch::index {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// A rebuild's generation is invisible until the switch, so it can commit as
// often as memory asks; this bounds what one commit holds.
constexpr std::size_t kRebuildBatch = 2000;

// Spelling changes go to the table every this many flushes of the postings:
// a word common to every batch is rewritten once per spelling flush.
constexpr std::size_t kSpellingFlushes = 8;

// How many analysed articles may wait for the writer, per thread: enough to
// keep every worker busy, few enough to bound memory.
constexpr std::size_t kQueuedPerThread = 8;

// A changed file on its way through the analysis pool.
struct Pending {
  const ArticleFile* file;
  Xapian::docid previous;  // the document the file produced last time, or 0
  std::string previous_id;  // and its article id
  std::future<AnalysisOutcome> outcome;
};

std::string conflict_message(const std::string& id, const std::string& other) {
  return "id '" + id + "' is already used by " + other +
         " (give one of them another 'id' in its front matter)";
}

}  // namespace

struct DatabaseWriter::Rep {
  std::string dir;
  IndexOptions options;
  std::optional<IndexLock> lock;
  Generations generations{""};
  std::optional<int> live;  // the generation readers open when the run starts
  int generation = 0;       // the one this run writes (or reads, for a dry run)
  std::optional<Xapian::WritableDatabase> writer;
  Xapian::Database db;  // reads: the writer itself, or the live generation for a dry run
  KeepWholeLists keep_whole;
  std::string config_fingerprint;
  std::optional<SynonymTable> synonyms;  // set: replaces the stored ones
  ShardFilter filter;

  // One run's state.
  IndexReport report;
  // id -> the file that claimed it this run (a path in the run's walk: one
  // copy of each path for the whole run, however many files it finds).
  std::map<std::string, const std::string*> id_owner;
  std::size_t uncommitted = 0;
  SpellingChanges spelling;  // since the last commit

  void open();
  void mark_schema();
  void read_file(const ArticleFile& file, AnalysisPool& pool,
                 std::deque<Pending>& pending);
  void apply(Pending& pending);
  bool id_conflict(const std::string& id, const std::string& path, Xapian::docid previous,
                   const std::vector<Xapian::docid>& holders);
  void delete_vanished(const std::string& root, const WalkResult& walk);
  void delete_document(Xapian::docid id);
  // A shard's spelling words are counted in the index's side database
  // only: Xapian adds up the dictionaries of every local database it
  // searches, so a second count would skew suggestions.
  bool keeps_spelling() const { return !filter.active(); }
  void count_change();
  void commit();
  void fail(const std::string& path, const std::string& message) {
    ++report.failed;
    report.errors.push_back({path, message});
  }
};

void DatabaseWriter::Rep::open() {
  generations = Generations(dir);
  live = generations.current();
  if (options.dry_run) {
    generation = live.value_or(0);
    if (live) {
      db = Xapian::Database(generations.path(*live));
      check_schema(db, dir);
    }
    return;
  }
  if (!options.rebuild) {
    generation = live.value_or(1);
    writer.emplace(open_writable(generations.path(generation), options.flush_every));
    db = *writer;
    check_schema(db, dir);
    mark_schema();
    if (!live) generations.switch_to(generation);
    return;
  }
  // A rebuild starts from a compacted copy of the live generation (so
  // unchanged articles are not analysed again), or from nothing when there
  // is none or it has another schema. Leftovers of an interrupted rebuild
  // (generations newer than the live one) go first.
  for (int g : generations.all()) {
    if (live && g > *live) std::filesystem::remove_all(generations.path(g));
  }
  generation = generations.next();
  if (live) {
    Xapian::Database current(generations.path(*live));
    bool compatible = true;
    try {
      check_schema(current, dir);
    } catch (const IndexVersionError&) {
      compatible = false;
    }
    if (compatible) current.compact(generations.path(generation));
  }
  writer.emplace(open_writable(generations.path(generation), options.flush_every));
  db = *writer;
  mark_schema();
}

// A new generation says what it is from its first commit on, so that a
// reader of a batch committed mid-run knows it for a kbsearch index.
void DatabaseWriter::Rep::mark_schema() {
  if (writer->get_metadata(kSchemaKey).empty()) {
    writer->set_metadata(kSchemaKey, std::to_string(kIndexSchemaVersion));
  }
}

DatabaseWriter::DatabaseWriter(const std::string& dir, const IndexOptions& options, ShardFilter filter)
    : rep_(std::make_unique<Rep>()) {
  Rep& r = *rep_;
  r.dir = dir;
  r.options = options;
  r.filter = filter;
  if (!r.options.dry_run) r.lock.emplace(dir, r.options.wait_seconds);
  try {
    r.open();
    r.keep_whole = r.options.keep_whole.empty() ? load_keep_whole(r.db) : r.options.keep_whole;
  } catch (const Xapian::Error& e) {
    rethrow_xapian_error(e, "opening index " + dir + " for writing");
  }
  r.config_fingerprint = fingerprint(r.keep_whole);
  if (!r.options.synonyms.empty()) {
    // Checked before any article is read, analysed as queries will be.
    r.synonyms = synonym_table(r.options.synonyms, r.keep_whole);
  }
}

DatabaseWriter::~DatabaseWriter() = default;

const KeepWholeLists& DatabaseWriter::keep_whole() const { return rep_->keep_whole; }

void DatabaseWriter::Rep::read_file(const ArticleFile& file, AnalysisPool& pool,
                             std::deque<Pending>& pending) {
  const auto started = Clock::now();
  AnalysisJob job{file, {}, {}};
  try {
    job.text = util::read_text_file(file.path, options.max_file_bytes);
  } catch (const InputError& e) {
    report.read_seconds += since(started);
    fail(file.path, e.reason());
    return;
  }
  job.content_hash = util::content_hash(job.text);
  report.read_seconds += since(started);

  // The article this file produced last time, if any.
  const std::string path_term = make_key_term(prefix::kPath, util::content_hash(file.path));
  Xapian::docid previous = 0;
  for (auto it = db.postlist_begin(path_term); it != db.postlist_end(path_term); ++it) previous = *it;
  std::string previous_id;
  if (previous != 0) {
    const Xapian::Document doc = db.get_document(previous);
    previous_id = doc.get_value(kSlotId);
    if (doc.get_value(kSlotSource) == source_value(job.content_hash, config_fingerprint)) {
      ++report.unchanged;
      id_owner.emplace(previous_id, &file.path);
      return;
    }
  }
  pending.push_back({&file, previous, previous_id, pool.submit(std::move(job))});
}

// An id held by an article from another file that still exists is a
// conflict, not a move: replacing it would silently lose that article.
bool DatabaseWriter::Rep::id_conflict(const std::string& id, const std::string& path, Xapian::docid previous,
                                      const std::vector<Xapian::docid>& holders) {
  const auto [owner, inserted] = id_owner.emplace(id, &path);
  if (!inserted && *owner->second != path) {
    fail(path, conflict_message(id, *owner->second));
    return true;
  }
  for (Xapian::docid holder : holders) {
    if (holder == previous) continue;
    const std::string other = db.get_document(holder).get_value(kSlotPath);
    std::error_code ec;
    if (other != path && std::filesystem::exists(other, ec)) {
      fail(path, conflict_message(id, other));
      return true;
    }
  }
  return false;
}

void DatabaseWriter::Rep::apply(Pending& pending) {
  AnalysisOutcome out = pending.outcome.get();
  report.analyze_seconds += out.seconds;
  const std::string& path = pending.file->path;
  if (!out.error.empty()) {
    fail(path, out.error);
    return;
  }
  if (out.elsewhere) {
    ++report.elsewhere;
    // Its new id routes the file's article to another shard: the copy this
    // shard holds goes, or the index would hold the article twice.
    if (pending.previous != 0) {
      ++report.deleted;
      if (writer) delete_document(pending.previous);
    }
    return;
  }
  // The articles holding the id now, looked up once (a B-tree descent on
  // the writer's thread, the run's bottleneck) for the conflict check, the
  // report and the spelling counts.
  const std::string id_term = make_key_term(prefix::kId, out.id);
  std::vector<Xapian::docid> holders;
  for (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term); ++it) holders.push_back(*it);
  if (id_conflict(out.id, path, pending.previous, holders)) return;

  const bool exists = pending.previous != 0 || !holders.empty();
  if (exists) ++report.updated;
  else ++report.added;
  if (!writer) return;
  const auto started = Clock::now();
  if (pending.previous != 0 && pending.previous_id != out.id) {
    // The file's front matter changed its id.
    delete_document(pending.previous);
  }
  if (keeps_spelling()) {
    for (Xapian::docid holder : holders) spelling.remove(writer->get_document(holder));
    spelling.add(out.spelling_words);
  }
  // No article holds the id: what replace_document would do, without its
  // own lookup of the id.
  if (holders.empty()) writer->add_document(out.document);
  else writer->replace_document(id_term, out.document);
  report.write_seconds += since(started);
  count_change();
}

// The articles of files under `root` that the walk no longer finds (failed
// files were found: their articles stay).
void DatabaseWriter::Rep::delete_vanished(const std::string& root, const WalkResult& walk) {
  const std::string under = root + "/";
  const auto found = [&walk](const std::string& path) {
    const auto it = std::lower_bound(walk.files.begin(), walk.files.end(), path,
                                     [](const ArticleFile& f, const std::string& p) { return f.path < p; });
    return it != walk.files.end() && it->path == path;
  };
  std::vector<Xapian::docid> doomed;
  for (auto it = db.valuestream_begin(kSlotPath); it != db.valuestream_end(kSlotPath); ++it) {
    const std::string& path = *it;
    if (path.compare(0, under.size(), under) == 0 && !found(path)) {
      doomed.push_back(it.get_docid());
    }
  }
  report.deleted += doomed.size();
  if (!writer) return;
  for (Xapian::docid id : doomed) {
    delete_document(id);
    count_change();
  }
}

void DatabaseWriter::Rep::delete_document(Xapian::docid id) {
  if (keeps_spelling()) spelling.remove(writer->get_document(id));
  writer->delete_document(id);
}

void DatabaseWriter::Rep::count_change() {
  ++uncommitted;
  const std::size_t batch = options.rebuild ? kRebuildBatch : options.commit_every;
  if (batch != 0 && uncommitted >= batch) {
    commit();
    return;
  }
  // Xapian holds spelling changes in memory until the commit, however many
  // flushes the postings had: a run of new words (error codes, ticket
  // numbers) would grow the writer with the corpus. Opening the word list
  // makes Xapian (1.4) write them to the table, still uncommitted.
  if (options.flush_every != 0 && uncommitted % (kSpellingFlushes * options.flush_every) == 0) {
    spelling.apply_to(*writer);
    writer->spellings_begin();
  }
}

void DatabaseWriter::Rep::commit() {
  const auto started = Clock::now();
  spelling.apply_to(*writer);
  writer->commit();
  uncommitted = 0;
  report.write_seconds += since(started);
}

IndexReport DatabaseWriter::index(const WalkResult& walk) {
  Rep& r = *rep_;
  const auto started = Clock::now();
  r.report = IndexReport();
  r.report.dry_run = r.options.dry_run;
  r.id_owner.clear();
  r.spelling = SpellingChanges();  // a failed run's, which its transaction dropped

  for (const auto& error : walk.errors) r.fail(error.path, error.message);
  const unsigned threads = r.options.threads != 0 ? r.options.threads
                                                  : std::max(1u, std::thread::hardware_concurrency());
  AnalysisPool pool(threads, analyzer_options(r.keep_whole), r.config_fingerprint, r.filter);
  const std::size_t window = kQueuedPerThread * pool.threads();
  // One transaction makes the run atomic for readers and a crash commits
  // nothing of it; batched runs and rebuilds commit as they go instead.
  const bool one_transaction = r.writer && !r.options.rebuild && r.options.commit_every == 0;
  try {
    if (one_transaction) r.writer->begin_transaction();
    std::deque<Pending> pending;
    IndexProgress progress{0, walk.files.size(), 0};
    for (const auto& file : walk.files) {
      r.read_file(file, pool, pending);
      while (pending.size() > window) {
        r.apply(pending.front());
        pending.pop_front();
      }
      ++progress.done;
      progress.seconds = since(started);
      if (r.options.progress) r.options.progress(progress);
    }
    for (; !pending.empty(); pending.pop_front()) r.apply(pending.front());
    for (const auto& root : walk.roots) r.delete_vanished(root, walk);
    if (r.writer) {
      r.writer->set_metadata(kSchemaKey, std::to_string(kIndexSchemaVersion));
      store_keep_whole(*r.writer, r.keep_whole);
      if (r.synonyms) store_synonyms(*r.writer, *r.synonyms);
      const auto write_started = Clock::now();
      r.spelling.apply_to(*r.writer);
      if (one_transaction) r.writer->commit_transaction();
      else r.writer->commit();
      r.report.write_seconds += since(write_started);
    }
  } catch (const Xapian::Error& e) {
    rethrow_xapian_error(e, "writing index " + r.dir);
  }
  if (r.writer && r.options.rebuild) {
    r.generations.switch_to(r.generation);
    // Keep the generation readers had, for rollback; nothing older.
    r.generations.remove_all_but(r.generation, r.live.value_or(r.generation));
  }
  r.report.generation = r.generation;
  r.report.seconds = since(started);
  return r.report;
}

int DatabaseWriter::rollback(const std::string& db_dir, double wait_seconds) {
  const IndexLock lock(db_dir, wait_seconds);
  const Generations generations(db_dir);
  const int previous = generations.rollback_target();
  generations.switch_to(previous);
  return previous;
}

}  // namespace kbsearch::index
