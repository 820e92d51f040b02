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

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kbsearch/export.h"

namespace kbsearch {

struct SearchOptions {
  // A word is weighed by BM25 over the article's text (title, headings and
  // prose as one field, title and heading words counting more), plus
  // title_weight times its BM25 over the title alone, plus code_weight
  // times its BM25 over code. On the real-article collection
  // (tests/relevance/real) a title weight of 0.5 ranked best (MRR@10 0.538
  // against 0.506 without and 0.530 with 1); tests/relevance/real/README.md.
  double title_weight = 0.5;
  double code_weight = 0.5;
  // Added, relative to a word's own weight, when the words of the query
  // appear in sequence (phrase) or close together (within a few words).
  double phrase_bonus = 1.0;
  double proximity_bonus = 0.5;
  // Added to every hit in the preferred language (the request's, else the
  // query's), so that its translation is the one shown for a group and its
  // articles rank before others'. 0 turns the preference off.
  double language_bonus = 4.0;
  // Added to articles updated recently: `recency_bonus` for today, falling
  // linearly to 0 at `recency_days` old. 0 (the default) turns it off.
  double recency_bonus = 0.0;
  int recency_days = 365;
  // Typo tolerance: a word of at least this many characters that the index
  // does not contain also matches its closest indexed spelling (edit
  // distance 1, or 2 from twice this length), ranked below exact matches.
  std::size_t typo_min_chars = 5;
  // Hostile-query limits: queries over them throw QueryError.
  std::size_t max_query_bytes = 4096;
  std::size_t max_query_words = 64;
  std::size_t max_limit = 1000;
  std::size_t max_prefix_expansions = 100;  // words one `prefix*` may stand for
  // Snippet length in characters (not bytes, so Thai gets the same room).
  std::size_t snippet_chars = 160;
  // Facets (and the total) are counted over at most this many matching
  // articles (translations apart). A search matching more counts this many
  // and scales their counts by Xapian's estimate of the matches
  // (SearchResults::facets_exact false), so a keystroke never pays for
  // counting 100,000 matches. Counting costs about 10 µs a match, most of
  // it matching every article rather than the best: on bigcorpus (27,065
  // articles), words in 2,000-8,700 articles took 2 ms without facets, 10-20
  // ms counting 1,000, 30 ms counting 3,000 and 100 ms counting 10,000
  // (medians of 5, 2 shared cores under load), against a 10 ms target.
  std::size_t facet_max_matches = 1000;
  // Put around each highlight in Hit::snippet_html as they are, while the
  // text between is escaped: the application chooses them and must make
  // them safe for where it shows them. A request's marks count against
  // max_query_bytes like its query.
  std::string mark_pre = "<mark>";
  std::string mark_post = "</mark>";
  // Sharded indexes (README "Scaling out"): a shard that does not answer is
  // replaced by the first of its replicas that does. When none does,
  // searches throw ShardUnavailableError naming the shard, or, with
  // allow_missing_shards, answer from the other shards and name it in
  // SearchResults::missing_shards.
  bool allow_missing_shards = false;
  // How long a remote shard has to accept a connection, and to answer.
  unsigned shard_timeout_ms = 10000;
  // A searcher of remote shards connects afresh this often: to see a
  // shard's rebuilt generation (a shard server keeps the generation it
  // opened for as long as the connection lasts; new commits to the same
  // generation are seen at once), and to return to shards, or primaries,
  // that answer again. A shard that fails during a search is reconnected
  // on the next one.
  double reconnect_seconds = 60;
};

enum class SortOrder {
  kRelevance,  // best match first (default)
  kUpdated,    // most recently updated first, then best match
};

struct SearchRequest {
  std::string query;  // in the query language described in README.md
  // The user's language: the query is analysed for it alone, and its
  // translations are preferred. Empty: the query is analysed for every
  // indexed language it could be written in. (To see only one language's
  // articles, put lang:xx in the query.)
  std::string lang;
  std::size_t offset = 0;  // first hit to return (0-based rank)
  std::size_t limit = 10;  // number of hits to return
  SortOrder sort = SortOrder::kRelevance;
  // One hit per translation group (default), or every translation.
  bool all_translations = false;
  bool facets = true;    // count languages and tags (see facet_max_matches)
  bool snippets = true;  // build snippets and find the best section
  // For this request instead of the Searcher's SearchOptions of the same
  // name (see there); unset, the Searcher's. The hostile-query limits are
  // not here: they protect the server from its requests.
  std::optional<double> recency_bonus;
  std::optional<int> recency_days;
  std::optional<std::size_t> snippet_chars;
  std::optional<std::size_t> facet_max_matches;
  std::optional<std::string> mark_pre;
  std::optional<std::string> mark_post;
};

// A query word in Hit::snippet, as [start, end) offsets in the units each
// language's strings count: UTF-8 bytes (C, C++, Rust's str, Go), UTF-16
// code units (JavaScript, Java, C#), and code points (Python's str, which
// differs from UTF-16 past U+FFFF, emoji for one). A highlight covers whole
// characters as a reader sees them (grapheme clusters: a Thai consonant
// with its vowel and tone marks, a letter with its combining accents).
struct Highlight {
  std::size_t start = 0;  // bytes
  std::size_t end = 0;
  std::size_t start_utf16 = 0;
  std::size_t end_utf16 = 0;
  std::size_t start_code_point = 0;
  std::size_t end_code_point = 0;
};

struct Hit {
  std::size_t rank = 0;  // 1-based, across pages
  std::string id;
  std::string lang;
  std::string title;
  std::string path;
  std::string group;
  std::string updated;  // YYYY-MM-DD, or empty
  std::vector<std::string> tags;
  std::vector<std::string> languages;  // every language the article exists in, sorted
  double score = 0;
  std::string snippet;   // a passage of the best matching text, cut at word boundaries
  // The query's words inside the snippet, in order, neither overlapping nor
  // touching (words written together are one highlight).
  std::vector<Highlight> highlights;
  // The snippet ready for HTML: escaped (& < > " '), each highlight between
  // the request's marks (SearchOptions::mark_pre, mark_post).
  std::string snippet_html;
  // The section the snippet comes from: its heading (empty for the text
  // before the first heading) and its anchor, to link as path#anchor.
  std::string section_heading;
  std::string section_anchor;
};

struct FacetCount {
  std::string value;
  std::size_t count = 0;  // matching articles (translations counted apart)
};

struct SearchResults {
  std::string query;
  // Matching hits (groups, unless all_translations): exact when
  // facets_exact, else Xapian's estimate.
  std::size_t total = 0;
  std::vector<Hit> hits;
  std::vector<FacetCount> languages;  // most frequent first; empty unless requested
  std::vector<FacetCount> tags;
  // Facets were requested and every match was counted (at most
  // facet_max_matches matched): the facets and the total are exact. False
  // otherwise: past the bound the facet counts are those of the matches
  // counted (the first by document number, so not a random sample), scaled
  // by Xapian's estimate of all matches.
  bool facets_exact = false;
  // A respelling of the query with words the index does contain, when some
  // of its words are not in the index; empty otherwise.
  std::string suggestion;
  std::vector<std::string> query_languages;  // the languages the query was analysed for
  // No article had the query's "quoted words" in sequence, so they were
  // searched as words side by side (and these are the results).
  bool phrases_as_words = false;
  // Shards that did not answer (only with allow_missing_shards): these
  // results lack their articles.
  std::vector<std::string> missing_shards;
};

// Search as you type (Searcher::suggest): what the user has typed so far,
// whose last word may be unfinished.
struct SuggestRequest {
  std::string query;  // in the query language; its last word may be unfinished
  std::string lang;   // the user's language, as SearchRequest::lang (empty: any indexed language)
  std::size_t completions = 5;  // at most this many completions (at most 10)
  std::size_t limit = 5;        // top articles returned, for the first completion's query
  bool snippets = true;
};

struct Completion {
  std::string query;  // the typed query with its last word completed
  // The completed word as it is written in articles, case-folded (accents
  // as written, lower case).
  std::string word;
  // How many articles have the word in their title, headings or text (what
  // ranks completions); for a Thai word typed after another, how many have
  // it after that word.
  std::size_t frequency = 0;
};

struct Suggestions {
  std::vector<Completion> completions;  // best first
  // The top articles for completions[0].query (for the typed query when
  // there is no completion), without facets.
  SearchResults results;
};

// An article as the index stores it (Searcher::get).
struct StoredSection {
  std::string heading;  // empty for the text before the first heading
  int level = 0;        // 1-6 for headings, 0 for the text before the first
  std::string anchor;   // link as path#anchor
  std::string text;     // paragraphs separated by a blank line
  std::string code;     // the section's code blocks
};

struct StoredArticle {
  std::string id;
  std::string title;
  std::string lang;
  std::string updated;  // YYYY-MM-DD, or empty
  std::string group;
  std::vector<std::string> tags;
  std::string path;      // the file it was read from; empty for a put article
  std::string markdown;  // a put article's text as given; empty for a file's
  std::vector<StoredSection> sections;
};

// What the index a Searcher reads holds (Searcher::stats), for health
// checks and monitoring.
struct IndexStats {
  std::size_t articles = 0;  // articles searched (every shard's)
  // The generation searches read (README: `index --rebuild`, `rollback`)
  // when the path is an index directory; 0 for a sharded index or a stub
  // file, whose parts each have their own.
  int generation = 0;
  std::vector<std::string> languages;  // sorted
};

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
