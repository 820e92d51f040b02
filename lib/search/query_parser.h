// The query language of the search box, parsed into a tree that the query
// builder turns into a Xapian query. Parsing is purely syntactic: words are
// kept as raw text (Thai written without spaces stays one run) and analysed
// later, per language, by the same analyzer that indexed the articles.
//
//   reset password          words: ranked by how many match, in which field
//   "reset password"        a phrase: the words in sequence
//   -sms                    exclude articles matching the word (or phrase)
//   sms OR email            either; AND requires both. AND binds tighter
//   (sms OR email) code     than OR; words side by side are a sequence
//   pass*                   words starting with "pass"
//   title:password          the word (phrase, prefix) in the title
//   lang:sv tag:billing     filters, on the article's language, tag or
//   group:reset-password    translation group; the value may be quoted
//
// Operators are recognised only where they cannot be ordinary text, so a
// query that looks malformed is read as words wherever that is sensible:
// AND/OR must be upper case and stand between two operands (else they are
// words); '-' excludes only at the start of a word ("E-40213", "wi-fi" are
// words); an unknown field name ("http://...", "C:\\path") is text; '*'
// only ends a word; a quote left open runs to the end of the query. What
// cannot be read sensibly throws QueryError naming the character position
// (1-based, in characters): an unmatched '(' or ')', a field with no value,
// parentheses nested too deep, an empty prefix ("*").
#ifndef KBSEARCH_LIB_SEARCH_QUERY_PARSER_H
#define KBSEARCH_LIB_SEARCH_QUERY_PARSER_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kbsearch::search {

struct QueryNode {
  enum class Kind {
    kWords,   // text: plain words, side by side (one or more)
    kPhrase,  // text: the words of a quoted phrase
    kPrefix,  // text: the word before '*'
    kFilter,  // field: "lang", "tag" or "group"; text: the value
    kSeq,     // children side by side: positives ranked, filters and exclusions applied
    kAnd,     // children joined by AND
    kOr,      // children joined by OR
    kNot,     // one child, excluded ('-')
  };
  Kind kind = Kind::kWords;
  std::string text;
  // kWords, kPhrase, kPrefix: "" (any field) or "title".
  std::string field;
  // Byte offset in the query of the node's text (leaves: where `text`
  // starts, inside the quotes or after the field name), of its '(' (a
  // group), or of its '-' (kNot).
  std::size_t offset = 0;
  std::vector<QueryNode> children;
};

struct ParseLimits {
  std::size_t max_depth = 8;  // parentheses nested deeper throw QueryError
};

// Parses `query` (valid UTF-8, already length-checked). Returns a kSeq node
// (possibly with no children for an empty or blank query). Throws
// QueryError for what cannot be read as words (see above).
QueryNode parse_query(const std::string& query, const ParseLimits& limits = {});

// The byte offset `offset` of `query` as a 1-based character position.
std::size_t character_position(const std::string& query, std::size_t offset);

// True when `root` holds a filter on `field` ("lang", "tag" or "group")
// anywhere, excluded or not.
bool has_filter(const QueryNode& root, std::string_view field);

}  // namespace kbsearch::search

#endif  // KBSEARCH_LIB_SEARCH_QUERY_PARSER_H
