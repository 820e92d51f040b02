#include "kbsearch/indexer.h"

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include "analysis/analyzer_cache.h"
#include "index/database_schema_check.h"
#include "index/document_builder.h"
#include "index/file_walker.h"
#include "index/schema.h"
#include "index/xapian_errors.h"
#include "kbsearch/error.h"
#include "kbsearch/version.h"
#include "markdown/article.h"
#include "util/content_hash.h"
#include "util/text_file.h"

namespace kbsearch {

struct Indexer::Rep {
  std::string db_dir;
  IndexOptions options;
  Xapian::WritableDatabase db;
  analysis::AnalyzerCache analyzers;

  // One run's state.
  IndexReport report;
  std::set<std::string> seen_paths;              // every file found, failed ones too
  std::map<std::string, std::string> id_owner;   // id -> file that claimed it this run

  void index_file(const index::ArticleFile& file);
  void delete_vanished(const std::string& root);
  void fail(const std::string& path, const std::string& message) {
    ++report.failed;
    report.errors.push_back({path, message});
  }
};

Indexer::Indexer(const std::string& db_dir, IndexOptions options)
    : rep_(std::make_unique<Rep>()) {
  rep_->db_dir = db_dir;
  rep_->options = options;
  try {
    rep_->db = Xapian::WritableDatabase(db_dir, Xapian::DB_CREATE_OR_OPEN);
    index::check_schema(rep_->db, db_dir);
  } catch (const Xapian::Error& e) {
    index::rethrow_xapian_error(e, "opening index " + db_dir + " for writing");
  }
}

Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

void Indexer::Rep::index_file(const index::ArticleFile& file) {
  seen_paths.insert(file.path);
  const std::string path_term =
      index::make_key_term(index::prefix::kPath, util::content_hash(file.path));

  std::string text;
  try {
    text = util::read_text_file(file.path, options.max_file_bytes);
  } catch (const InputError& e) {
    fail(file.path, e.reason());
    return;
  }
  const std::string hash = util::content_hash(text);

  // The article this file produced last time, if any.
  Xapian::docid previous = 0;
  for (auto it = db.postlist_begin(path_term); it != db.postlist_end(path_term); ++it) {
    previous = *it;
  }
  if (previous != 0 &&
      db.get_document(previous).get_value(index::kSlotSource) == index::source_value(hash)) {
    ++report.unchanged;
    id_owner.emplace(db.get_document(previous).get_value(index::kSlotId), file.path);
    return;
  }

  markdown::Article article;
  try {
    article = markdown::parse_article(text, file.path, file.default_id);
  } catch (const InputError& e) {
    fail(file.path, e.reason());
    return;
  }

  const auto [owner, inserted] = id_owner.emplace(article.id, file.path);
  if (!inserted && owner->second != file.path) {
    fail(file.path, "id '" + article.id + "' is already used by " + owner->second +
                        " (give one of them another 'id' in its front matter)");
    return;
  }

  // An id held by an article from another file that still exists is a
  // conflict, not a move: replacing it would silently lose that article.
  const std::string id_term = index::make_key_term(index::prefix::kId, article.id);
  bool id_exists = false;
  for (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term); ++it) {
    id_exists = true;
    if (*it == previous) continue;
    const std::string other = db.get_document(*it).get_value(index::kSlotPath);
    std::error_code ec;
    if (other != file.path && std::filesystem::exists(other, ec)) {
      fail(file.path, "id '" + article.id + "' is already used by " + other +
                          " (give one of them another 'id' in its front matter)");
      return;
    }
  }

  Xapian::Document doc = index::build_document(article, {file.path, hash}, analyzers);
  if (previous != 0 && db.get_document(previous).get_value(index::kSlotId) != article.id) {
    db.delete_document(previous);  // the file's front matter changed its id
  }
  db.replace_document(id_term, doc);
  if (previous != 0 || id_exists) ++report.updated;
  else ++report.added;
}

void Indexer::Rep::delete_vanished(const std::string& root) {
  const std::string under = root + "/";
  std::vector<Xapian::docid> doomed;
  for (auto it = db.valuestream_begin(index::kSlotPath); it != db.valuestream_end(index::kSlotPath);
       ++it) {
    const std::string& path = *it;
    if (path.compare(0, under.size(), under) == 0 && seen_paths.count(path) == 0) {
      doomed.push_back(it.get_docid());
    }
  }
  for (Xapian::docid id : doomed) db.delete_document(id);
  report.deleted += doomed.size();
}

IndexReport Indexer::index(const std::vector<std::string>& paths) {
  Rep& r = *rep_;
  const auto started = std::chrono::steady_clock::now();
  r.report = IndexReport();
  r.seen_paths.clear();
  r.id_owner.clear();

  index::WalkResult walk = index::find_article_files(paths);
  for (auto& error : walk.errors) r.fail(error.path, error.message);
  try {
    // One transaction: readers see the index before this run or after it,
    // never a part of it, and an error or a crash mid-run commits nothing
    // (outside a transaction Xapian would flush on its own every 10,000
    // documents).
    r.db.begin_transaction();
    for (const auto& file : walk.files) r.index_file(file);
    for (const auto& root : walk.roots) r.delete_vanished(root);
    r.db.set_metadata(index::kSchemaKey, std::to_string(kIndexSchemaVersion));
    r.db.commit_transaction();
  } catch (const Xapian::Error& e) {
    index::rethrow_xapian_error(e, "writing index " + r.db_dir);
  }
  r.report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return r.report;
}

}  // namespace kbsearch
