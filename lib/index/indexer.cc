#include "kbsearch/indexer.h"

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <utility>

#include "analysis/language_tag.h"
#include "analysis/normalizers.h"
#include "index/analysis_config.h"
#include "index/database_schema_check.h"
#include "index/database_writer.h"
#include "index/file_walker.h"
#include "index/generations.h"
#include "index/index_check.h"
#include "index/index_run.h"
#include "index/put_article.h"
#include "index/quality_gate.h"
#include "index/synonyms.h"
#include "index/xapian_errors.h"
#include "kbsearch/error.h"
#include "search/searcher_access.h"
#include "shard/layout.h"
#include "shard/routing.h"
#include "shard/side_database.h"

namespace kbsearch {
namespace {

using Clock = std::chrono::steady_clock;

// Word and synonym lists keyed by language rather than by the tags given
// ("pt-BR" and "pt" are one list).
template <class List>
std::map<std::string, std::vector<List>> by_language(const std::map<std::string, std::vector<List>>& lists) {
  std::map<std::string, std::vector<List>> merged;
  for (const auto& [tag, list] : lists) {
    const std::optional<std::string> lang = analysis::language_of_tag(tag);
    if (!lang) throw LanguageError("unknown language code '" + tag + "' (" + analysis::kLanguageTagAdvice + ")");
    std::vector<List>& into = merged[*lang];
    into.insert(into.end(), list.begin(), list.end());
  }
  return merged;
}

void check_shard_options(const IndexOptions& options) {
  if (options.shard != 0 && options.shards == 0) {
    throw InvalidArgumentError("shard " + std::to_string(options.shard), "needs the shard count (K/N)");
  }
  if (options.shard > options.shards) {
    throw InvalidArgumentError("shard " + std::to_string(options.shard) + "/" + std::to_string(options.shards),
                               "is not one of shards 1 to " + std::to_string(options.shards));
  }
  if (options.check && !options.check->empty() && options.commit_every != 0 && !options.rebuild) {
    throw InvalidArgumentError("quality check",
                               "needs the run's changes unseen until it passes: not with commit_every, "
                               "whose batches readers see at once (use rebuild)");
  }
  if (options.shard != 0 && !options.synonyms.empty()) {
    throw InvalidArgumentError("shard " + std::to_string(options.shard) + "/" + std::to_string(options.shards),
                               "synonyms belong to the side database: give them to 'kbsearch side'");
  }
}

}  // namespace

// Hidden: a class nested in an exported class is exported with it.
struct [[gnu::visibility("hidden")]] Indexer::Rep {
  std::string dir;
  IndexOptions options;
  unsigned shards = 0;           // 0: unsharded
  bool writes_side = false;      // every shard is written here, so the side is too
  std::vector<std::unique_ptr<index::DatabaseWriter>> writers;
  std::optional<index::SynonymTable> synonyms;  // for the side; set: replaces the stored ones

  void open();
  void rebuild_side();
  index::DatabaseWriter& writer_for(const std::string& id);
  const QualityCheck* quality_check() const;
  QualityReport run_quality_check(const QualityCheck& check);
};

// The check this run passes: the one given, else the one stored.
const QualityCheck* Indexer::Rep::quality_check() const {
  if (options.dry_run) return nullptr;
  const std::optional<QualityCheck>& check = options.check ? options.check : writers.front()->stored_quality_check();
  return check && !check->empty() ? &*check : nullptr;
}

// The run's changes are searched as readers will search them: every
// shard's, with the live side database's spelling and synonyms.
QualityReport Indexer::Rep::run_quality_check(const QualityCheck& check) {
  Xapian::Database changed;
  try {
    for (const auto& writer : writers) changed.add_database(writer->pending());
    if (shards != 0 && options.shard == 0 && shard::lists_shards(dir)) {
      changed.add_database(Xapian::Database(shard::side_dir(dir)));
    }
  } catch (const Xapian::Error& e) {
    index::rethrow_xapian_error(e, "opening the changes to " + dir + " for the quality check");
  }
  Searcher changed_searcher = SearcherAccess::over(changed, dir + " (this run's changes)");
  std::optional<Searcher> live;
  try {
    live.emplace(dir);
  } catch (const IndexUnusableError&) {
    // Nothing live yet (or nothing readable): no margin to compare with.
  }
  return index::run_quality_check(check, changed_searcher, live ? &*live : nullptr);
}

// A put article goes where the id routes it, as a file's article does.
index::DatabaseWriter& Indexer::Rep::writer_for(const std::string& id) {
  if (shards == 0) return *writers.front();
  const unsigned shard = shard::shard_of(id, shards);
  if (options.shard == 0) return *writers[shard - 1];
  if (shard != options.shard) {
    throw InputError(index::put_article_name(id), "belongs to shard " + std::to_string(shard) + " of " +
                                                      std::to_string(shards) + ", which this Indexer does not write");
  }
  return *writers.front();
}

void Indexer::Rep::open() {
  check_shard_options(options);
  shards = options.shards != 0 ? options.shards : shard::stored_shard_count(dir).value_or(0);
  if (shards == 0) {
    writers.push_back(std::make_unique<index::DatabaseWriter>(dir, options, shard::ShardFilter{}));
    return;
  }
  IndexOptions shard_options = options;
  shard_options.synonyms.clear();  // queries only: they live in the side database
  if (options.shard != 0) {
    const shard::ShardFilter filter{options.shard, shards};
    writers.push_back(std::make_unique<index::DatabaseWriter>(shard::shard_dir(dir, options.shard, shards),
                                                              shard_options, filter));
    return;
  }
  shard::check_shard_count(dir, shards);
  for (unsigned k = 1; k <= shards; ++k) {
    writers.push_back(std::make_unique<index::DatabaseWriter>(shard::shard_dir(dir, k, shards), shard_options,
                                                              shard::ShardFilter{k, shards}));
  }
  writes_side = !options.dry_run;
  if (!options.synonyms.empty()) synonyms = index::synonym_table(options.synonyms, writers.front()->keep_whole());
  if (!writes_side) return;
  try {
    shard::ensure_side_database(shard::side_dir(dir));
  } catch (const Xapian::Error& e) {
    index::rethrow_xapian_error(e, "creating the side database of " + dir);
  }
  shard::publish_sharded_layout(dir, shards);
}

// Spelling words are counted from the shards as they now are, so the side
// follows every change of every shard.
void Indexer::Rep::rebuild_side() {
  try {
    Xapian::Database all;
    for (unsigned k = 1; k <= shards; ++k) all.add_database(Xapian::Database(shard::shard_dir(dir, k, shards)));
    shard::rebuild_side_database(shard::side_dir(dir), all, writers.front()->keep_whole(), synonyms,
                                 options.wait_seconds);
  } catch (const Xapian::Error& e) {
    index::rethrow_xapian_error(e, "writing the side database of " + dir);
  }
}

Indexer::Indexer(const std::string& db_dir, IndexOptions options) : rep_(std::make_unique<Rep>()) {
  rep_->dir = db_dir;
  options.keep_whole = by_language(options.keep_whole);
  options.synonyms = by_language(options.synonyms);
  if (options.check) index::validate_quality_check(*options.check);
  rep_->options = std::move(options);
  rep_->open();
}

Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

IndexReport Indexer::index(const std::vector<std::string>& paths) {
  Rep& r = *rep_;
  const auto started = Clock::now();
  const index::WalkResult walk =
      index::find_article_files(paths, {r.options.follow_links, r.options.max_depth});
  const QualityCheck* check = r.quality_check();
  std::vector<index::DatabaseWriter*> writers;
  for (const auto& writer : r.writers) writers.push_back(writer.get());
  IndexReport total = index::index_files(walk, writers, check != nullptr);
  if (total.stopped) {
    // The shards keep what they committed before the stop (unless held for
    // the check); the side database follows them on the next run.
    for (const auto& writer : r.writers) total.generation = writer->abandon_held();
    if (check) {
      total.added = total.updated = total.deleted = total.reanalysed = 0;
      total.added_ids.clear(), total.updated_ids.clear(), total.deleted_ids.clear();
    }
    total.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return total;
  }
  if (check) {
    try {
      total.check = r.run_quality_check(*check);
    } catch (...) {
      for (const auto& writer : r.writers) writer->abandon_held();
      throw;
    }
    for (const auto& writer : r.writers) {
      total.generation = total.check.passed ? writer->publish_held() : writer->abandon_held();
    }
  }
  if (r.writes_side && total.check.passed) r.rebuild_side();
  total.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return total;
}

void Indexer::put(const Article& article) { rep_->writer_for(analysis::to_nfc(article.id)).put(article); }

void Indexer::put(const std::string& id, const std::string& markdown) {
  Article article;
  article.id = id;
  article.markdown = markdown;
  put(article);
}

bool Indexer::remove(const std::string& id) {
  const std::string nfc = analysis::to_nfc(id);
  return rep_->writer_for(nfc).remove(nfc);
}

IndexReport Indexer::commit() {
  Rep& r = *rep_;
  const auto started = Clock::now();
  IndexReport total;
  std::set<std::pair<std::string, std::string>> reported;
  for (auto& writer : r.writers) index::add_shard_report(total, reported, writer->commit_staged());
  if (r.writes_side && total.added + total.updated + total.deleted > 0) r.rebuild_side();
  total.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return total;
}

void Indexer::discard() {
  for (auto& writer : rep_->writers) writer->discard_staged();
}

CheckReport Indexer::check(const std::string& db_dir) { return index::check_index(db_dir); }

int Indexer::rollback(const std::string& db_dir, double wait_seconds) {
  // A mistyped directory must not become an index with a lock in it.
  const index::Generations generations(db_dir);
  std::error_code ec;
  if (!std::filesystem::exists(generations.stub_path(), ec) && generations.all().empty()) {
    throw IndexUnusableError("there is no index in " + db_dir + " to roll back (check the --db path)");
  }
  const std::optional<unsigned> shards = shard::stored_shard_count(db_dir);
  if (!shards) return index::DatabaseWriter::rollback(db_dir, wait_seconds);
  // Every database must have a generation to go back to before any moves.
  std::vector<std::string> dirs{shard::side_dir(db_dir)};
  for (unsigned k = 1; k <= *shards; ++k) dirs.push_back(shard::shard_dir(db_dir, k, *shards));
  for (const std::string& dir : dirs) (void)index::Generations(dir).rollback_target();
  int generation = 0;
  for (const std::string& dir : dirs) generation = index::DatabaseWriter::rollback(dir, wait_seconds);
  return generation;
}

std::string Indexer::shard_directory(const std::string& db_dir, unsigned shard, unsigned shards) {
  return shard::shard_dir(db_dir, shard, shards);
}

std::size_t Indexer::update_side(const std::string& db_dir, const SideOptions& options) {
  // A stub naming a generation is an index of its own: pointing it at shards
  // would leave its articles behind, and the next index run would refuse it.
  if (std::filesystem::exists(index::Generations(db_dir).stub_path()) && !shard::lists_shards(db_dir)) {
    throw InputError(db_dir, "holds an index of its own, not a sharded one: 'side' points a sharded index, or a "
                             "new directory, at its shards; nothing was changed");
  }
  const std::vector<std::string> lines = options.shards.empty() ? shard::shard_lines(db_dir) : options.shards;
  if (lines.empty()) throw InputError(db_dir, "names no shards; give them as 'remote HOST:PORT' lines");
  try {
    Xapian::Database all;
    std::optional<index::KeepWholeLists> keep_whole;
    for (const std::string& line : lines) {
      const Xapian::Database shard = shard::open_shard_line(db_dir, line);
      index::check_schema(shard, line);
      const index::KeepWholeLists lists = index::load_keep_whole(shard);
      if (keep_whole && lists != *keep_whole) {
        throw IndexUnusableError("shard '" + line + "' keeps other words whole than shard '" + lines.front() +
                                 "'; index every shard with the same --keep-whole lists");
      }
      keep_whole = lists;
      all.add_database(shard);
    }
    std::optional<index::SynonymTable> synonyms;
    if (!options.synonyms.empty()) synonyms = index::synonym_table(by_language(options.synonyms), *keep_whole);
    shard::rebuild_side_database(shard::side_dir(db_dir), all, *keep_whole, synonyms, options.wait_seconds);
    // The stub names the shards only once the side they need is in place.
    if (!options.shards.empty() || !options.replicas.empty()) shard::write_replica_lines(db_dir, options.replicas);
    shard::write_shard_lines(db_dir, lines);
    const Xapian::Database side(shard::side_dir(db_dir));
    std::size_t words = 0;
    for (auto it = side.spellings_begin(); it != side.spellings_end(); ++it) ++words;
    return words;
  } catch (const Xapian::Error& e) {
    index::rethrow_xapian_error(e, "building the side database of " + db_dir);
  }
}

}  // namespace kbsearch
