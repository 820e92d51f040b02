#include "index/database_writer.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer_cache.h"
#include "index/analysis_config.h"
#include "index/completions.h"
#include "index/database_schema_check.h"
#include "index/document_builder.h"
#include "index/file_walker.h"
#include "index/generations.h"
#include "index/index_lock.h"
#include "index/put_article.h"
#include "index/quality_gate.h"
#include "index/schema.h"
#include "index/spelling_words.h"
#include "index/synonyms.h"
#include "index/writable_database.h"
#include "index/xapian_errors.h"
#include "kbsearch/error.h"
#include "kbsearch/version.h"
#include "util/content_hash.h"

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

// The content hash a document's source value starts with (schema.h).
std::string_view hash_of_source(std::string_view source) { return source.substr(0, source.find('/')); }

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
  shard::ShardFilter filter;

  // One run's state.
  IndexReport report;
  // How much of `report` readers can see: the lengths of its id lists
  // (which grow in run order until the run sorts them) and its count of
  // re-analysed articles at the last commit.
  struct Committed {
    std::size_t added = 0, updated = 0, deleted = 0, reanalysed = 0;
  } committed;
  // id -> the file that claimed it this run (a path in the run's walk: one
  // copy of each path for the whole run, however many files it finds).
  std::map<std::string, const std::string*> id_owner;
  std::size_t uncommitted = 0;
  SpellingChanges spelling;  // since the last commit
  bool batch_transactions = false;  // each commit of the run ends a transaction

  // The documents API's changes since the last commit_staged, in a
  // transaction of their own.
  std::optional<analysis::AnalyzerCache> put_analyzers;
  bool staging = false;
  struct StagedId {
    bool existed = false;  // before the first staged change
    bool exists = false;   // after the last
  };
  std::map<std::string, StagedId> staged_ids;
  std::set<std::string> unchanged_ids;  // put as they were; counted unless changed too
  // The live generation of an incompatible rebuild, whose put articles go
  // to the new one, and those it could not analyse again.
  std::optional<Xapian::Database> carry_from;
  std::vector<FileError> carried_errors;
  bool switched = false;  // a rebuild's generation is the live one already
  bool held = false;      // index(walk, hold) waits for publish_held() or abandon_held()
  std::optional<QualityCheck> stored_check;  // the live generation's
  bool keep_generations = false;  // the stub was damaged: which to keep is the user's call
  bool puts_analysed_afresh = false;  // a rebuild's put articles: carried over or re-analysed

  void open();
  void mark_schema();
  void start_from_live();
  void carry_from_live();
  void carry_put_articles(const Xapian::Database& old);
  void carry_put_articles_from(const Xapian::Database& old);
  void check_writable(const char* what) const;
  std::vector<Xapian::docid> holders_of(const std::string& id_term);
  void check_owner(const std::string& id, const std::vector<Xapian::docid>& holders);
  Xapian::Document put_document(const markdown::Article& parsed, const std::string& input);
  void begin_staging(const std::string& id, bool existed);
  void reset_staging();
  void reanalyse_put_articles();
  void switch_rebuilt();
  void drop_unfinished_rebuild();
  void apply(const AnalysisOutcome& out, const std::string& path, const Previous& previous,
             const std::string& content_hash);
  bool id_conflict(const std::string& id, const std::string& path, Xapian::docid previous,
                   const std::vector<Xapian::docid>& holders);
  void delete_vanished(const std::string& root, const WalkResult& walk);
  void delete_document(Xapian::docid id);
  // A shard's spelling words are counted in the index's side database
  // only: Xapian adds up the dictionaries of every local database it
  // searches, so a second count would skew suggestions.
  bool keeps_spelling() const { return !filter.active(); }
  // Before a commit: the spelling changes, and the completion entries
  // (kept, like spelling, by the side database of a sharded index).
  void apply_word_counts() {
    spelling.apply_to(*writer);
    if (keeps_spelling()) store_completions(*writer, *writer);
  }
  void count_change();
  void commit();
  void publish();
  void load_stored_check();
  int visible_generation() const { return options.rebuild && !switched ? live.value_or(0) : generation; }
  bool stop_asked() const { return options.stop != nullptr && options.stop->load(); }
  IndexReport stopped_report();
  Clock::time_point run_started;
  // Runs a step of a run: a Xapian error drops an unfinished rebuild and
  // becomes a kbsearch error.
  template <class Step>
  auto writing(const Step& step) -> decltype(step()) {
    try {
      return step();
    } catch (const Xapian::Error& e) {
      drop_unfinished_rebuild();
      rethrow_xapian_error(e, "writing index " + dir);
    }
  }
  void fail(const std::string& path, const std::string& message) {
    ++report.failed;
    report.errors.push_back({path, message});
  }
};

void DatabaseWriter::Rep::open() {
  generations = Generations(dir);
  try {
    live = generations.current();
  } catch (const IndexUnusableError&) {
    // A rebuild is the way out of a damaged stub: it starts from the
    // articles, and keeps every generation on disk.
    if (!options.rebuild || options.dry_run) throw;
    keep_generations = true;
  }
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
  if (live && options.from_source) carry_from_live();
  else if (live) start_from_live();
  writer.emplace(open_writable(generations.path(generation), options.flush_every));
  db = *writer;
  mark_schema();
}

// A rebuild starts from a compacted copy of the live generation, or, when
// that has another schema, from nothing with its put articles carried over
// (carry_put_articles). A damaged live generation cannot be copied: the
// rebuild starts from the articles instead, the way out the damage's
// message names, and carries what put articles it can still read.
void DatabaseWriter::Rep::start_from_live() {
  try {
    Xapian::Database current(generations.path(*live));
    try {
      check_schema(current, dir);
    } catch (const IndexVersionError&) {
      carry_from = current;
      return;
    }
    current.compact(generations.path(generation));
  } catch (const Xapian::DatabaseError& e) {
    std::error_code ec;
    std::filesystem::remove_all(generations.path(generation), ec);
    // An error of the system (no space left, an I/O error) is not damage
    // to the live generation: the run fails with it.
    if (e.get_error_string() != nullptr) throw;
    carried_errors.push_back({generations.path(*live), "the live generation is damaged (" + e.get_description() +
                                                           "): rebuilt from the articles"});
    carry_from_live();
  }
}

// Only the put articles of the live generation go to the new one; files
// are read again.
void DatabaseWriter::Rep::carry_from_live() {
  try {
    carry_from = Xapian::Database(generations.path(*live));
  } catch (const Xapian::DatabaseError&) {
    carried_errors.push_back({generations.path(*live), "articles put by applications, if it had any, cannot be "
                                                       "read from it: put them again"});
  }
}

// Files are read again by the rebuild's run; the articles an application
// put exist only in the index, so the new generation analyses their kept
// text anew.
void DatabaseWriter::Rep::carry_put_articles(const Xapian::Database& old) {
  try {
    carry_put_articles_from(old);
  } catch (const Xapian::DatabaseError& e) {
    carried_errors.push_back({dir, "the articles put by applications could not all be read from the damaged "
                                   "generation (" + e.get_description() + "): put them again"});
  }
  spelling.apply_to(*writer);
}

void DatabaseWriter::Rep::carry_put_articles_from(const Xapian::Database& old) {
  for (auto it = old.valuestream_begin(kSlotInput); it != old.valuestream_end(kSlotInput); ++it) {
    Article article = decode_put_article(*it);
    try {
      const markdown::Article parsed = parse_put_article(article, UINT64_MAX);
      Xapian::Document doc = put_document(parsed, *it);
      if (keeps_spelling()) spelling.add(spelling_words_of(doc));
      writer->add_document(doc);
    } catch (const InputError& e) {
      carried_errors.push_back({e.path(), e.reason() + " (the article is not in the rebuilt index: put it again)"});
    }
  }
}

// A new generation says what it is from its first commit on, so that a
// reader of a batch committed mid-run knows it for a kbsearch index.
void DatabaseWriter::Rep::mark_schema() {
  const std::string schema = std::to_string(kIndexSchemaVersion);
  if (writer->get_metadata(kSchemaKey) != schema) writer->set_metadata(kSchemaKey, schema);
}

DatabaseWriter::DatabaseWriter(const std::string& dir, const IndexOptions& options, shard::ShardFilter filter)
    : rep_(std::make_unique<Rep>()) {
  Rep& r = *rep_;
  r.dir = dir;
  r.options = options;
  r.filter = filter;
  if (!r.options.dry_run) r.lock.emplace(dir, r.options.wait_seconds);
  try {
    r.open();
    r.keep_whole = r.options.keep_whole.empty() ? load_keep_whole(r.db) : r.options.keep_whole;
    r.load_stored_check();
  } catch (const Xapian::Error& e) {
    rethrow_xapian_error(e, "opening index " + dir + " for writing");
  }
  r.config_fingerprint = fingerprint(r.keep_whole);
  if (r.carry_from) {
    try {
      r.carry_put_articles(*r.carry_from);
    } catch (const Xapian::Error& e) {
      rethrow_xapian_error(e, "carrying put articles into the rebuild of " + dir);
    }
    r.carry_from.reset();
  }
  if (!r.options.synonyms.empty()) {
    // Checked before any article is read, analysed as queries will be.
    r.synonyms = synonym_table(r.options.synonyms, r.keep_whole);
  }
}

DatabaseWriter::~DatabaseWriter() {
  // Staged changes not committed are dropped, as documented; Xapian would
  // also cancel the transaction, but says so only by an exception a
  // destructor could not pass on.
  if (rep_->staging) {
    try {
      rep_->writer->cancel_transaction();
    } catch (const Xapian::Error&) {
    }
  }
}

const KeepWholeLists& DatabaseWriter::keep_whole() const { return rep_->keep_whole; }

DatabaseWriter::Previous DatabaseWriter::previous_of(const std::string& path) {
  Rep& r = *rep_;
  return r.writing([&] {
    const std::string path_term = make_key_term(prefix::kPath, util::content_hash(path));
    Previous previous;
    for (auto it = r.db.postlist_begin(path_term); it != r.db.postlist_end(path_term); ++it) previous.doc = *it;
    if (previous.doc != 0) {
      const Xapian::Document doc = r.db.get_document(previous.doc);
      previous.id = doc.get_value(kSlotId);
      previous.source = doc.get_value(kSlotSource);
    }
    return previous;
  });
}

bool DatabaseWriter::unchanged(const Previous& previous, const std::string& path,
                               const std::string& content_hash) {
  Rep& r = *rep_;
  // A rebuild analyses every article afresh: that is what it is for.
  if (previous.doc == 0 || r.options.rebuild ||
      previous.source != source_value(content_hash, r.config_fingerprint)) {
    return false;
  }
  ++r.report.unchanged;
  r.id_owner.emplace(previous.id, &path);
  return true;
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
    if (other.empty()) {
      fail(path, "id '" + id + "' belongs to an article put by an application (give the file another 'id' " +
                     "in its front matter)");
      return true;
    }
    std::error_code ec;
    if (other != path && std::filesystem::exists(other, ec)) {
      fail(path, conflict_message(id, other));
      return true;
    }
  }
  return false;
}

void DatabaseWriter::elsewhere(const Previous& previous) {
  Rep& r = *rep_;
  ++r.report.elsewhere;
  if (previous.doc == 0) return;
  // Its id routes the file's article to another shard: the copy this shard
  // holds goes, or the index would hold the article twice.
  ++r.report.deleted;
  r.report.deleted_ids.push_back(previous.id);
  if (r.writer) r.writing([&] { r.delete_document(previous.doc); });
}

void DatabaseWriter::add(const AnalysisOutcome& outcome, const std::string& path, const Previous& previous,
                         const std::string& content_hash) {
  Rep& r = *rep_;
  r.writing([&] { r.apply(outcome, path, previous, content_hash); });
}

void DatabaseWriter::Rep::apply(const AnalysisOutcome& out, const std::string& path, const Previous& previous,
                                const std::string& content_hash) {
  // The articles holding the id now, looked up once (a B-tree descent on
  // the writer's thread, the run's bottleneck) for the conflict check, the
  // report and the spelling counts.
  const std::string id_term = make_key_term(prefix::kId, out.id);
  std::vector<Xapian::docid> holders;
  for (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term); ++it) holders.push_back(*it);
  if (id_conflict(out.id, path, previous.doc, holders)) return;

  // The file's front matter changed its id: the old one goes.
  const bool moved = previous.doc != 0 && previous.id != out.id;
  if (moved) {
    ++report.deleted;
    report.deleted_ids.push_back(previous.id);
  }
  // The same text as the previous document's: analysed afresh only.
  const bool same_text = previous.doc != 0 && hash_of_source(previous.source) == content_hash;
  if (holders.empty()) {
    ++report.added;
    report.added_ids.push_back(out.id);
  } else if (same_text && !moved) {
    ++report.reanalysed;
  } else {
    ++report.updated;
    report.updated_ids.push_back(out.id);
  }
  if (!writer) return;
  const auto started = Clock::now();
  if (moved) delete_document(previous.doc);
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
// files were found, and unknown directories were not looked into: their
// articles stay).
void DatabaseWriter::Rep::delete_vanished(const std::string& root, const WalkResult& walk) {
  const std::string under = root + "/";
  const auto found = [&walk](const std::string& path) {
    const auto it = std::lower_bound(walk.files.begin(), walk.files.end(), path,
                                     [](const ArticleFile& f, const std::string& p) { return f.path < p; });
    return it != walk.files.end() && it->path == path;
  };
  // Under a directory of unknown content: one of the path's ancestors.
  const auto unknown = [&walk](const std::string& path) {
    for (auto slash = path.rfind('/'); slash != std::string::npos && slash > 0; slash = path.rfind('/', slash - 1)) {
      if (std::binary_search(walk.unknown.begin(), walk.unknown.end(), path.substr(0, slash))) return true;
    }
    return false;
  };
  std::vector<Xapian::docid> doomed;
  for (auto it = db.valuestream_begin(kSlotPath); it != db.valuestream_end(kSlotPath); ++it) {
    const std::string& path = *it;
    if (path.compare(0, under.size(), under) == 0 && !found(path) && (walk.unknown.empty() || !unknown(path))) {
      doomed.push_back(it.get_docid());
    }
  }
  report.deleted += doomed.size();
  for (Xapian::docid id : doomed) report.deleted_ids.push_back(db.get_document(id).get_value(kSlotId));
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
  apply_word_counts();
  if (batch_transactions) {
    writer->commit_transaction();
    writer->begin_transaction();
    committed = {report.added_ids.size(), report.updated_ids.size(), report.deleted_ids.size(), report.reanalysed};
  } else {
    writer->commit();
  }
  uncommitted = 0;
  report.write_seconds += since(started);
}

void DatabaseWriter::begin_run(const WalkResult& walk) {
  Rep& r = *rep_;
  if (r.staging) throw Error("put() and remove() changes are staged: commit() or discard() them before index()");
  r.run_started = Clock::now();
  r.report = IndexReport();
  r.report.dry_run = r.options.dry_run;
  r.committed = {};
  r.id_owner.clear();
  r.spelling = SpellingChanges();  // a failed run's, which its transaction dropped
  for (const auto& error : walk.errors) r.fail(error.path, error.message);
  for (const auto& error : r.carried_errors) r.fail(error.path, error.message);
  r.carried_errors.clear();
  // A transaction makes the run (or each batch of commit_every) atomic for
  // readers: without one, Xapian commits whenever flush_every changes wait,
  // and readers and kills would see part of a batch. A rebuild's generation
  // is invisible until the switch, so it commits as memory asks.
  r.batch_transactions = r.writer && !r.options.rebuild;
  if (r.batch_transactions) r.writing([&] { r.writer->begin_transaction(); });
}

IndexReport DatabaseWriter::end_run(const WalkResult& walk, bool hold) {
  Rep& r = *rep_;
  if (r.stop_asked()) return stop_run();
  r.writing([&] {
    for (const auto& root : walk.roots) r.delete_vanished(root, walk);
    r.reanalyse_put_articles();
  });
  if (r.stop_asked()) return stop_run();
  for (auto* ids : {&r.report.added_ids, &r.report.updated_ids, &r.report.deleted_ids}) {
    std::sort(ids->begin(), ids->end());
  }
  if (r.writer) {
    r.writing([&] {
      r.mark_schema();
      store_keep_whole(*r.writer, r.keep_whole);
      if (r.synonyms) store_synonyms(*r.writer, *r.synonyms);
      if (r.options.check) store_quality_check(*r.writer, *r.options.check);
      r.apply_word_counts();
    });
    if (hold) {
      r.held = true;
    } else {
      r.publish();
    }
  }
  r.report.generation = r.visible_generation();
  r.report.seconds = since(r.run_started);
  return r.report;
}

IndexReport DatabaseWriter::stop_run() { return rep_->stopped_report(); }

IndexReport& DatabaseWriter::run_report() { return rep_->report; }
const IndexOptions& DatabaseWriter::options() const { return rep_->options; }
const std::string& DatabaseWriter::config_fingerprint() const { return rep_->config_fingerprint; }
const shard::ShardFilter& DatabaseWriter::filter() const { return rep_->filter; }

// What a stopped run leaves: the changes since its last commit dropped, a
// rebuild's unfinished generation removed, and a report of what readers
// can see of it.
IndexReport DatabaseWriter::Rep::stopped_report() {
  if (writer && batch_transactions) {
    try {
      writer->cancel_transaction();
    } catch (const Xapian::Error& e) {
      rethrow_xapian_error(e, "dropping the uncommitted changes to " + dir);
    }
    batch_transactions = false;
  }
  drop_unfinished_rebuild();
  const auto keep_committed = [](std::vector<std::string>& ids, std::size_t& count, std::size_t committed_count) {
    ids.resize(committed_count);
    std::sort(ids.begin(), ids.end());
    count = committed_count;
  };
  keep_committed(report.added_ids, report.added, committed.added);
  keep_committed(report.updated_ids, report.updated, committed.updated);
  keep_committed(report.deleted_ids, report.deleted, committed.deleted);
  report.reanalysed = committed.reanalysed;
  report.stopped = true;
  report.generation = visible_generation();
  report.seconds = since(run_started);
  return report;
}

// A damaged live generation keeps no check that could be read: the rebuild
// that replaces it runs the one it is given.
void DatabaseWriter::Rep::load_stored_check() {
  if (!live) return;
  try {
    stored_check = load_quality_check(Xapian::Database(generations.path(*live)));
  } catch (const Xapian::DatabaseError&) {
    if (!options.rebuild) throw;
  }
}

// The run's last commit, then, for a rebuild, the switch.
void DatabaseWriter::Rep::publish() {
  const auto write_started = Clock::now();
  try {
    if (batch_transactions) writer->commit_transaction();
    else writer->commit();
  } catch (const Xapian::Error& e) {
    drop_unfinished_rebuild();
    rethrow_xapian_error(e, "writing index " + dir);
  }
  batch_transactions = false;
  held = false;
  report.write_seconds += since(write_started);
  switch_rebuilt();
}

const Xapian::Database& DatabaseWriter::pending() const { return rep_->db; }

int DatabaseWriter::publish_held() {
  if (rep_->held) rep_->publish();
  return rep_->generation;
}

int DatabaseWriter::abandon_held() {
  Rep& r = *rep_;
  if (r.held && r.options.rebuild) {
    r.drop_unfinished_rebuild();
  } else if (r.held) {
    try {
      r.writer->cancel_transaction();
    } catch (const Xapian::Error& e) {
      rethrow_xapian_error(e, "dropping the changes to " + r.dir);
    }
    r.batch_transactions = false;
  }
  r.held = false;
  return r.visible_generation();
}

const std::optional<QualityCheck>& DatabaseWriter::stored_quality_check() const { return rep_->stored_check; }

// A failed rebuild's generation would hold its space (a full disk stays
// full) until the next rebuild: it goes at once.
void DatabaseWriter::Rep::drop_unfinished_rebuild() {
  if (!writer || !options.rebuild || switched) return;
  try {
    writer->close();
  } catch (const Xapian::Error&) {
    // Closing a database whose writes failed may fail too; its files go
    // all the same.
  }
  writer.reset();
  std::error_code ec;
  std::filesystem::remove_all(generations.path(generation), ec);
}

void DatabaseWriter::Rep::switch_rebuilt() {
  if (!writer || !options.rebuild || switched) return;
  generations.switch_to(generation);
  // Keep the generation readers had, for rollback; nothing older.
  if (!keep_generations) generations.remove_all_but(generation, live.value_or(generation));
  switched = true;
}

// Put articles analysed under another configuration or analysis version
// (their source value tells, as a file's does) are analysed again from the
// text the index keeps.
void DatabaseWriter::Rep::reanalyse_put_articles() {
  std::vector<std::pair<Xapian::docid, std::string>> stale;
  for (auto it = db.valuestream_begin(kSlotInput); it != db.valuestream_end(kSlotInput); ++it) {
    const std::string source = source_value(util::content_hash(*it), config_fingerprint);
    if ((options.rebuild && !puts_analysed_afresh) || db.get_document(it.get_docid()).get_value(kSlotSource) != source) {
      stale.emplace_back(it.get_docid(), *it);
    }
  }
  for (const auto& [docid, input] : stale) {
    Article article = decode_put_article(input);
    markdown::Article parsed;
    try {
      // It was accepted once: today's size limit does not drop it.
      parsed = parse_put_article(article, UINT64_MAX);
    } catch (const InputError& e) {
      fail(e.path(), e.reason() + " (kept as analysed before)");
      continue;
    }
    ++report.reanalysed;
    if (!writer) continue;
    Xapian::Document doc = put_document(parsed, input);
    if (keeps_spelling()) {
      spelling.remove(writer->get_document(docid));
      spelling.add(spelling_words_of(doc));
    }
    writer->replace_document(docid, doc);
    count_change();
  }
  puts_analysed_afresh = options.rebuild;
}

void DatabaseWriter::Rep::check_writable(const char* what) const {
  if (!writer) throw Error(std::string(what) + " on a dry run: it writes nothing");
}

std::vector<Xapian::docid> DatabaseWriter::Rep::holders_of(const std::string& id_term) {
  std::vector<Xapian::docid> holders;
  for (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term); ++it) holders.push_back(*it);
  return holders;
}

void DatabaseWriter::Rep::check_owner(const std::string& id, const std::vector<Xapian::docid>& holders) {
  for (Xapian::docid holder : holders) {
    const std::string path = db.get_document(holder).get_value(kSlotPath);
    if (!path.empty()) {
      throw InputError(put_article_name(id), "belongs to the file " + path +
                                                 " (an article read from a file changes only with its file)");
    }
  }
}

Xapian::Document DatabaseWriter::Rep::put_document(const markdown::Article& parsed, const std::string& input) {
  if (!put_analyzers) put_analyzers.emplace(analyzer_options(keep_whole));
  Xapian::Document doc = build_document(parsed, {"", util::content_hash(input), config_fingerprint}, *put_analyzers);
  doc.add_value(kSlotInput, input);
  return doc;
}

void DatabaseWriter::Rep::begin_staging(const std::string& id, bool existed) {
  if (!staging) {
    writer->begin_transaction();
    staging = true;
  }
  staged_ids.emplace(id, StagedId{existed, existed});
}

void DatabaseWriter::Rep::reset_staging() {
  staging = false;
  staged_ids.clear();
  unchanged_ids.clear();
  spelling = SpellingChanges();
}

void DatabaseWriter::put(const Article& given) {
  Rep& r = *rep_;
  r.check_writable("put()");
  Article article = given;
  const markdown::Article parsed = parse_put_article(article, r.options.max_file_bytes);
  const std::string input = encode_put_article(article);
  const std::string id_term = make_key_term(prefix::kId, parsed.id);
  try {
    const std::vector<Xapian::docid> holders = r.holders_of(id_term);
    r.check_owner(parsed.id, holders);
    const std::string source = source_value(util::content_hash(input), r.config_fingerprint);
    if (holders.size() == 1 && r.db.get_document(holders.front()).get_value(kSlotSource) == source) {
      r.unchanged_ids.insert(parsed.id);
      return;
    }
    Xapian::Document doc = r.put_document(parsed, input);
    r.begin_staging(parsed.id, !holders.empty());
    if (r.keeps_spelling()) {
      for (Xapian::docid holder : holders) r.spelling.remove(r.writer->get_document(holder));
      r.spelling.add(spelling_words_of(doc));
    }
    if (holders.empty()) r.writer->add_document(doc);
    else r.writer->replace_document(id_term, doc);
    r.staged_ids[parsed.id].exists = true;
  } catch (const Xapian::Error& e) {
    rethrow_xapian_error(e, "writing index " + r.dir);
  }
}

bool DatabaseWriter::remove(const std::string& id) {
  Rep& r = *rep_;
  r.check_writable("remove()");
  try {
    const std::vector<Xapian::docid> holders = r.holders_of(make_key_term(prefix::kId, id));
    if (holders.empty()) return false;
    r.check_owner(id, holders);
    r.begin_staging(id, true);
    for (Xapian::docid holder : holders) r.delete_document(holder);
    r.staged_ids[id].exists = false;
    return true;
  } catch (const Xapian::Error& e) {
    rethrow_xapian_error(e, "writing index " + r.dir);
  }
}

IndexReport DatabaseWriter::commit_staged() {
  Rep& r = *rep_;
  r.check_writable("commit()");
  const auto started = Clock::now();
  IndexReport report;
  for (const auto& [id, staged] : r.staged_ids) {
    if (staged.exists) (staged.existed ? report.updated_ids : report.added_ids).push_back(id);
    else if (staged.existed) report.deleted_ids.push_back(id);
  }
  report.added = report.added_ids.size();
  report.updated = report.updated_ids.size();
  report.deleted = report.deleted_ids.size();
  for (const std::string& id : r.unchanged_ids) report.unchanged += r.staged_ids.count(id) == 0;
  report.errors = std::move(r.carried_errors);
  r.carried_errors.clear();
  report.failed = report.errors.size();
  try {
    if (r.staging) {
      r.writer->set_metadata(kSchemaKey, std::to_string(kIndexSchemaVersion));
      store_keep_whole(*r.writer, r.keep_whole);
      if (r.synonyms) store_synonyms(*r.writer, *r.synonyms);
      r.apply_word_counts();
      r.writer->commit_transaction();
    } else if (r.options.rebuild && !r.switched) {
      r.writer->commit();  // what the rebuild carried over
    }
  } catch (const Xapian::Error& e) {
    discard_staged();
    rethrow_xapian_error(e, "writing index " + r.dir);
  }
  r.reset_staging();
  r.switch_rebuilt();
  report.generation = r.generation;
  report.seconds = report.write_seconds = since(started);
  return report;
}

void DatabaseWriter::discard_staged() {
  Rep& r = *rep_;
  if (r.staging) {
    try {
      r.writer->cancel_transaction();
    } catch (const Xapian::Error& e) {
      r.reset_staging();
      rethrow_xapian_error(e, "discarding changes to index " + r.dir);
    }
  }
  r.reset_staging();
}

bool DatabaseWriter::has_staged() const { return rep_->staging; }

int DatabaseWriter::rollback(const std::string& db_dir, double wait_seconds) {
  const IndexLock lock(db_dir, wait_seconds);
  const Generations generations(db_dir);
  const int previous = generations.rollback_target();
  generations.switch_to(previous);
  return previous;
}

}  // namespace kbsearch::index
