// Searching a kbsearch index.
//
// A Searcher opens the index read-only through a path that may be a database
// directory or a Xapian stub file listing shards, so an application moves to
// a sharded deployment by changing the path alone. Results are shaped like
// Xapian's MSet: an estimated total and a ranked page of hits. Hits are
// identified by the article id, never by internal document numbers.
//
// What a request may choose for itself (recency, snippet length, highlight
// marks) is in SearchRequest, overriding the Searcher's SearchOptions, so
// one Searcher serves requests that ask differently.
//
// Thread safety: a Searcher is not safe for concurrent queries; open one per
// thread (opening is cheap). Copy: not copyable; movable.
#ifndef KBSEARCH_SEARCHER_H
#define KBSEARCH_SEARCHER_H

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kbsearch/article.h"
#include "kbsearch/export.h"
#include "kbsearch/options.h"
#include "kbsearch/search_request.h"
#include "kbsearch/search_results.h"

namespace kbsearch {

class KBSEARCH_EXPORT Searcher {
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

  // Completes the last word of the typed query from the index's words, the
  // most frequent first, whatever the case and accents typed (as the
  // language folds them: Swedish å ä ö are letters of their own), and
  // searches for the first completion. No completion when the query ends
  // in a space or an operator, or its last word is a filter's value. Thai
  // typed without spaces completes its last segment. Throws QueryError
  // like search(), and for more than 10 completions.
  Suggestions suggest(const SuggestRequest& request);

  // The article `id` as stored, or nothing when the index has none.
  std::optional<StoredArticle> get(const std::string& id);

  // The languages present in the index, sorted.
  std::vector<std::string> languages();

  // The index as it is now: commits and generation switches since the last
  // call are seen, as by search().
  IndexStats stats();

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
  // The library's own searches of a database it holds open (an indexing
  // run's changes, for its quality check): lib/search/searcher_access.h.
  friend struct SearcherAccess;
  explicit Searcher(std::unique_ptr<Rep> rep);
};

}  // namespace kbsearch

#endif  // KBSEARCH_SEARCHER_H
