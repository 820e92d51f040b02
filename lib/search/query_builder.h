// Builds the Xapian query for a parsed query in one or more languages.
//
// Words go through each language's Analyzer, the very one that indexed the
// articles, so query and index terms meet. Each word matches, in decreasing
// weight: its exact form, its stem, its accent-folded form, and the stem of
// that, in the article's text (title, headings and prose as one field), in
// the title alone (SearchOptions::title_weight) and in code
// (code_weight). A compound or hyphenated word also matches its parts, all
// of them. Stop words are not required. Words written without spaces between
// them (Thai) must appear in sequence (a phrase); in a long run, the sequence
// is preferred, not required. Words side by side are OR-ed (BM25 ranks
// articles with more of them higher), with a bonus when they appear as a
// phrase or near each other. A word of typo_min_chars or more that the index
// does not contain also matches its closest indexed spelling, weighted below
// any exact match. Only built-in Xapian operators are used, so the query
// runs unchanged over remote shards.
#ifndef KBSEARCH_LIB_SEARCH_QUERY_BUILDER_H
#define KBSEARCH_LIB_SEARCH_QUERY_BUILDER_H

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "analysis/analyzer_cache.h"
#include "kbsearch/options.h"
#include "search/query_parser.h"
#include "search/snippet.h"

namespace kbsearch::search {

struct BuiltQuery {
  Xapian::Query query;                      // empty when nothing in the query can match
  std::map<std::string, QueryTerms> terms;  // per language, for snippets
  std::string suggestion;                   // the query respelled, or empty
  // The query without its bonuses (words in sequence or near each other,
  // which need positions): the same articles, ranked by their words alone.
  // Empty when the query has no bonuses.
  Xapian::Query without_bonuses;
  // What a second pass adds to a first pass's weight: the full query's
  // weight is without_bonuses's plus each of these that matches.
  std::vector<Xapian::Query> extras;
  bool has_phrases = false;                 // some "quoted words" are in it as a phrase
  bool filters_language = false;            // a lang: filter chooses the translations
};

struct QueryTarget {
  std::vector<std::string> languages;  // analyse the query for each of these
  // Each language's analysis matches only that language's articles (when
  // the query's language is unknown); else it matches every article.
  bool filter_by_language = true;
};

// Throws QueryError when the query has more words than options allow, or a
// filter names an unknown language. With phrases_as_words, "quoted words"
// are read as words typed side by side.
BuiltQuery build_query(const std::string& text, const QueryNode& root, const QueryTarget& target,
                       const SearchOptions& options, analysis::AnalyzerCache& analyzers,
                       const Xapian::Database& db, bool phrases_as_words = false);

}  // namespace kbsearch::search

#endif  // KBSEARCH_LIB_SEARCH_QUERY_BUILDER_H
