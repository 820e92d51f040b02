// Searching a kbsearch index.
//
// A Searcher opens the index read-only through a path that may be a database
// directory or a Xapian stub file listing shards, so an application moves to
// a sharded deployment by changing the path alone. Results are shaped like
// Xapian's MSet: an estimated total and a ranked page of hits. Hits are
// identified by the article id, never by internal document numbers.
//
// Thread safety: a Searcher is not safe for concurrent queries; open one per
// thread (opening is cheap). Copy: not copyable; movable.
#ifndef KBSEARCH_SEARCHER_H
#define KBSEARCH_SEARCHER_H

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace kbsearch {

struct SearchOptions {
  // BM25 weight multipliers per field; the body counts 1.
  double title_weight = 3.0;
  double heading_weight = 2.0;
  double code_weight = 0.5;
  // Hostile-query limits: longer queries or larger pages throw QueryError.
  std::size_t max_query_bytes = 4096;
  std::size_t max_query_words = 64;
  std::size_t max_limit = 1000;
  // Snippet length in characters (not bytes, so Thai gets the same room).
  std::size_t snippet_chars = 160;
};

struct SearchRequest {
  std::string query;
  std::string lang;        // analyse the query for this language only; empty: all indexed languages
  std::size_t offset = 0;  // first hit to return (0-based rank)
  std::size_t limit = 10;  // number of hits to return
};

struct Highlight {
  std::size_t start = 0;  // byte offsets into Hit::snippet
  std::size_t end = 0;
};

struct Hit {
  std::size_t rank = 0;  // 1-based, across pages
  std::string id;
  std::string lang;
  std::string title;
  std::string path;
  double score = 0;
  std::string snippet;   // a passage of the best matching text, cut at word boundaries
  std::vector<Highlight> highlights;  // the query's terms inside the snippet
};

struct SearchResults {
  std::string query;
  std::size_t total = 0;  // matching articles: exact up to 1,000, estimated above
  std::vector<Hit> hits;
};

class Searcher {
 public:
  // Opens the index at `db_path` (a directory or a stub file). Throws
  // IndexUnusableError when it is missing, unreadable or of another version.
  explicit Searcher(const std::string& db_path, SearchOptions options = {});
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // Throws QueryError for queries over the limits or an unknown language.
  SearchResults search(const SearchRequest& request);

  // The languages present in the index, sorted.
  std::vector<std::string> languages();

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace kbsearch

#endif  // KBSEARCH_SEARCHER_H
