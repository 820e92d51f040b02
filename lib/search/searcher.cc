#include "kbsearch/searcher.h"

#include <sys/stat.h>
#include <xapian.h>

#include "analysis/analyzer_cache.h"
#include "analysis/recipe.h"
#include "index/analysis_config.h"
#include "index/database_schema_check.h"
#include "index/document_data.h"
#include "index/schema.h"
#include "index/xapian_errors.h"
#include "kbsearch/error.h"
#include "search/query_builder.h"
#include "search/snippet.h"

namespace kbsearch {
namespace {

// Counting every match makes `total` exact, and the same on every page, for
// result sets up to this size; above it Xapian estimates.
constexpr Xapian::doccount kExactTotalUpTo = 1000;

}  // namespace

struct Searcher::Rep {
  std::string path;
  SearchOptions options;
  Xapian::Database db;
  std::string stub_identity;  // of the stub naming the generation db was opened at

  void open();
  void reopen_if_changed();
  std::unique_ptr<analysis::AnalyzerCache> analyzers;

  SearchResults run(const SearchRequest& request);
  std::vector<std::string> indexed_languages();
};

namespace {

// Identifies the stub file that names the current generation (an index
// directory's XAPIANDB, or a stub file given as the path), so that a
// generation switch, which replaces the stub, is noticed.
std::string stub_identity(const std::string& path) {
  struct stat st;
  const std::string stub = path + "/XAPIANDB";
  if (::stat(stub.c_str(), &st) != 0 && ::stat(path.c_str(), &st) != 0) return {};
  if (S_ISDIR(st.st_mode)) return {};  // a plain database directory: no stub
  return std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_size);
}

}  // namespace

void Searcher::Rep::open() {
  // Xapian::Database opens a directory, a directory holding a stub, or a
  // stub file listing shards.
  stub_identity = ::kbsearch::stub_identity(path);
  db = Xapian::Database(path);
  index::check_schema(db, path);
  // Analyse queries with the configuration the articles were analysed with.
  analyzers = std::make_unique<analysis::AnalyzerCache>(
      index::analyzer_options(index::load_keep_whole(db)));
}

// A long-lived searcher sees what the indexer committed since the last
// query: reopen() when the generation is the same (cheap when nothing
// changed), a fresh open when a rebuild or rollback switched generations.
void Searcher::Rep::reopen_if_changed() {
  if (::kbsearch::stub_identity(path) != stub_identity) open();
  else db.reopen();
}

Searcher::Searcher(const std::string& db_path, SearchOptions options)
    : rep_(std::make_unique<Rep>()) {
  rep_->path = db_path;
  rep_->options = options;
  try {
    rep_->open();
  } catch (const Xapian::Error& e) {
    index::rethrow_xapian_error(e, "opening index " + db_path);
  }
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

std::vector<std::string> Searcher::Rep::indexed_languages() {
  // Read from the terms, not from metadata: over shards, metadata comes
  // from the first shard only, while terms are merged from all of them.
  std::vector<std::string> langs;
  const std::string prefix(index::prefix::kLang);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    langs.push_back((*it).substr(prefix.size()));
  }
  return langs;
}

SearchResults Searcher::Rep::run(const SearchRequest& request) {
  if (request.query.size() > options.max_query_bytes) {
    throw QueryError(request.query.substr(0, 60) + "…",
                     "is " + std::to_string(request.query.size()) + " bytes; the limit is " +
                         std::to_string(options.max_query_bytes));
  }
  if (request.limit > options.max_limit) {
    throw QueryError(request.query, "asks for " + std::to_string(request.limit) +
                                        " hits; the limit is " + std::to_string(options.max_limit));
  }
  if (!request.lang.empty() && !analysis::is_language_code(request.lang)) {
    throw QueryError(request.query, "unknown language code '" + request.lang +
                                        "' (use an ISO 639-1 code such as th, sv, tr, sw, pt)");
  }
  const std::vector<std::string> languages =
      request.lang.empty() ? indexed_languages() : std::vector<std::string>{request.lang};
  const search::BuiltQuery built =
      search::build_query(request.query, languages, options, *analyzers);

  SearchResults results;
  results.query = request.query;
  if (built.query.empty()) return results;

  Xapian::Enquire enquire(db);
  enquire.set_query(built.query);
  // Ties broken by article id, the same on one database and across shards.
  enquire.set_sort_by_relevance_then_value(index::kSlotId, false);
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                             static_cast<Xapian::doccount>(request.limit),
                                             kExactTotalUpTo);
  results.total = mset.get_matches_estimated();
  std::size_t rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const index::StoredArticle article = index::decode_document_data(it.get_document().get_data());
    Hit hit;
    hit.rank = ++rank;
    hit.id = article.id;
    hit.lang = article.lang;
    hit.title = article.title;
    hit.path = article.path;
    hit.score = it.get_weight();
    const auto terms = built.terms.find(article.lang);
    if (terms != built.terms.end()) {
      search::Snippet snippet = search::make_snippet(article, analyzers->get(article.lang),
                                                     terms->second, options.snippet_chars);
      hit.snippet = std::move(snippet.text);
      hit.highlights = std::move(snippet.highlights);
    }
    results.hits.push_back(std::move(hit));
  }
  return results;
}

SearchResults Searcher::search(const SearchRequest& request) {
  try {
    rep_->reopen_if_changed();
    return rep_->run(request);
  } catch (const Xapian::DatabaseModifiedError&) {
    // The index was committed to while we read it: reopen at the new
    // revision and answer from that, once.
    rep_->db.reopen();
    try {
      return rep_->run(request);
    } catch (const Xapian::Error& e) {
      index::rethrow_xapian_error(e, "searching " + rep_->path);
    }
  } catch (const Xapian::Error& e) {
    index::rethrow_xapian_error(e, "searching " + rep_->path);
  }
}

std::vector<std::string> Searcher::languages() {
  try {
    return rep_->indexed_languages();
  } catch (const Xapian::Error& e) {
    index::rethrow_xapian_error(e, "reading languages of " + rep_->path);
  }
}

}  // namespace kbsearch
