// The engines kbsearch is measured against in bench_search, each indexing
// and querying the same generated articles in the same process:
//
//   - plain Xapian: TermGenerator + QueryParser with the language's Snowball
//     stemmer (none for Thai and Swahili), no ICU: what an application gets
//     from Xapian alone;
//   - SQLite FTS5 with the unicode61 tokenizer (remove_diacritics 2): what an
//     application gets from the embedded database it probably already has.
//
// Both index the same fields (title, body prose and code, language, tags)
// and answer the same queries with the same features where they have them:
// BM25 with the title weighted above the body, phrases, prefixes, language
// and tag filters, snippets and language/tag counts (over at most
// QueryOptions::facet_max_matches + 1 matches, as kbsearch counts them).
#ifndef KBSEARCH_BENCH_PEERS_H
#define KBSEARCH_BENCH_PEERS_H

#include <memory>
#include <string>
#include <vector>

namespace kbsearch::bench {

struct PeerArticle {
  std::string id, lang, title, body;
  std::vector<std::string> tags;
};

// One query, described once and written in each engine's own syntax.
struct QuerySpec {
  std::string kind;                 // "one-word", "phrase", ... (the benchmark's name)
  std::string lang;                 // the user's language
  std::vector<std::string> words;   // as the user typed them
  bool phrase = false;              // the words in sequence
  bool prefix = false;              // the last word is a prefix
  std::string filter_field;         // "", "lang" or "tag"
  std::string filter_value;
};

struct QueryOptions {
  bool snippets = true;
  bool facets = true;
  std::size_t limit = 10;
  std::size_t facet_max_matches = 1000;  // SearchOptions::facet_max_matches, kbsearch's default
};

class PeerEngine {
 public:
  virtual ~PeerEngine() = default;
  // Builds the index at `path` (removed first) from `articles`.
  virtual void build(const std::string& path, const std::vector<PeerArticle>& articles) = 0;
  // Opens the index at `path` for querying.
  virtual void open(const std::string& path) = 0;
  // Runs one query; returns the number of hits (so the work is not optimised away).
  virtual std::size_t search(const QuerySpec& query, const QueryOptions& options) = 0;
};

std::unique_ptr<PeerEngine> make_plain_xapian();
std::unique_ptr<PeerEngine> make_sqlite_fts5();

}  // namespace kbsearch::bench

#endif  // KBSEARCH_BENCH_PEERS_H
