// Snippets built from kbsearch's own token offsets, so they are cut at word
// boundaries and highlight exactly the matching words in every script
// (Xapian 1.4's own snippet generator cannot segment Thai).
#ifndef KBSEARCH_LIB_SEARCH_SNIPPET_H
#define KBSEARCH_LIB_SEARCH_SNIPPET_H

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "index/document_data.h"
#include "kbsearch/analyzer.h"
#include "kbsearch/article.h"
#include "kbsearch/search_results.h"

namespace kbsearch::search {

struct QueryTerms {
  std::set<std::string> terms;         // case-folded query words
  std::set<std::string> stems;         // their stems
  std::set<std::string> folded;        // their accent-folded forms
  std::set<std::string> folded_stems;  // the stems of those
  std::set<std::string> prefixes;      // words starting with these match (prefix*)
};

struct Snippet {
  std::string text;
  std::vector<Highlight> highlights;  // as Hit::highlights, in all three units
  const markdown::Section* section = nullptr;  // where the passage comes from
};

// The passage of at most `max_chars` characters of the article's prose with
// the most distinct query words, counting those of its section's heading
// too (the best section is the one whose heading and passage match most);
// the article's opening when none matches.
Snippet make_snippet(const index::StoredArticle& article, Analyzer& analyzer,
                     const QueryTerms& query, std::size_t max_chars);

// `text` escaped for HTML, with each of the highlights (in order, apart, as
// make_snippet gives them) between `pre` and `post`, which are not escaped.
std::string snippet_html(std::string_view text, const std::vector<Highlight>& highlights,
                         std::string_view pre, std::string_view post);

}  // namespace kbsearch::search

#endif  // KBSEARCH_LIB_SEARCH_SNIPPET_H
