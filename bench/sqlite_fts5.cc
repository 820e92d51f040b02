// The SQLite FTS5 peer: one FTS5 table, unicode61 tokenizer with diacritics
// removed, BM25 ranking with the title weighted 3, snippet() for snippets
// and GROUP BY over the first matches for the language and tag counts.
#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>

#include "peers.h"

namespace kbsearch::bench {
namespace {

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(std::string("sqlite: ") + what + ": " + sqlite3_errmsg(db));
  }
}

// A statement, finalized when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) : db_(db) {
    check(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr), db, sql.c_str());
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  void bind(int i, const std::string& text) {
    check(sqlite3_bind_text(stmt_, i, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT), db_, "bind");
  }
  bool step() {
    const int rc = sqlite3_step(stmt_);
    check(rc, db_, "step");
    return rc == SQLITE_ROW;
  }
  void reset() { sqlite3_reset(stmt_); }
  const unsigned char* text(int column) { return sqlite3_column_text(stmt_, column); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// A word as an FTS5 string, so that hyphens, colons and quotes in it are
// text, not query syntax.
std::string fts_string(const std::string& word) {
  std::string out = "\"";
  for (char c : word) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

class SqliteFts5 : public PeerEngine {
 public:
  ~SqliteFts5() override { sqlite3_close(db_); }

  void build(const std::string& path, const std::vector<PeerArticle>& articles) override {
    std::filesystem::remove(path);
    open(path);
    exec("CREATE VIRTUAL TABLE articles USING fts5(id UNINDEXED, lang UNINDEXED, tags, title, body, "
         "tokenize = 'unicode61 remove_diacritics 2')");
    exec("BEGIN");
    Statement insert(db_, "INSERT INTO articles VALUES (?, ?, ?, ?, ?)");
    for (const PeerArticle& a : articles) {
      std::string tags;
      for (const std::string& tag : a.tags) tags += (tags.empty() ? "" : " ") + tag;
      insert.bind(1, a.id);
      insert.bind(2, a.lang);
      insert.bind(3, tags);
      insert.bind(4, a.title);
      insert.bind(5, a.body);
      insert.step();
      insert.reset();
    }
    exec("COMMIT");
  }

  void open(const std::string& path) override {
    sqlite3_close(db_);
    db_ = nullptr;
    check(sqlite3_open(path.c_str(), &db_), db_, "open");
  }

  std::size_t search(const QuerySpec& q, const QueryOptions& options) override {
    // Words are alternatives ranked by BM25, as in kbsearch; a phrase is
    // one FTS5 string.
    std::string match;
    if (q.phrase) {
      std::string words;
      for (const std::string& w : q.words) words += (words.empty() ? "" : " ") + w;
      match = fts_string(words);
    } else {
      for (const std::string& w : q.words) match += (match.empty() ? "" : " OR ") + fts_string(w);
    }
    if (q.prefix) match += " *";
    if (q.filter_field == "tag") match = "(" + match + ") AND tags : " + fts_string(q.filter_value);
    const std::string where = "articles MATCH ?1" + std::string(q.filter_field == "lang" ? " AND lang = ?2" : "");
    const std::string columns = options.snippets ? "id, snippet(articles, 4, '[', ']', '…', 24)" : "id";
    Statement hits(db_, "SELECT " + columns + " FROM articles WHERE " + where +
                            " ORDER BY bm25(articles, 0, 0, 0, 3, 1) LIMIT " + std::to_string(options.limit));
    bind(hits, match, q);
    std::size_t count = 0;
    while (hits.step()) {
      ++count;
      if (options.snippets) sink_ += std::string(reinterpret_cast<const char*>(hits.text(1))).size();
    }
    if (options.facets) {
      for (const char* field : {"lang", "tags"}) {
        Statement facet(db_, std::string("SELECT ") + field + ", count(*) FROM (SELECT " + field +
                                 " FROM articles WHERE " + where + " LIMIT " +
                                 std::to_string(options.facet_max_matches + 1) + ") GROUP BY " + field);
        bind(facet, match, q);
        while (facet.step()) ++sink_;
      }
    }
    return count;
  }

 private:
  static void bind(Statement& s, const std::string& match, const QuerySpec& q) {
    s.bind(1, match);
    if (q.filter_field == "lang") s.bind(2, q.filter_value);
  }
  void exec(const char* sql) { check(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), db_, sql); }

  sqlite3* db_ = nullptr;
  std::size_t sink_ = 0;  // keeps snippets and facets from being optimised away
};

}  // namespace

std::unique_ptr<PeerEngine> make_sqlite_fts5() { return std::make_unique<SqliteFts5>(); }

}  // namespace kbsearch::bench
