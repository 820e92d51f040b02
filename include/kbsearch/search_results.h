// What a search answers (Searcher::search, suggest, stats).
#ifndef KBSEARCH_SEARCH_RESULTS_H
#define KBSEARCH_SEARCH_RESULTS_H

#include <cstddef>
#include <string>
#include <vector>

namespace kbsearch {

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
  std::string snippet;  // a passage of the best matching text, cut at word boundaries
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

}  // namespace kbsearch

#endif  // KBSEARCH_SEARCH_RESULTS_H
