// An article as an application gives it to the index (Indexer::put), and
// as the index stores it (Searcher::get).
#ifndef KBSEARCH_ARTICLE_H
#define KBSEARCH_ARTICLE_H

#include <string>
#include <vector>

namespace kbsearch {

// An article given by the application (Indexer::put). The fields other than
// id and markdown take the place of the front matter's field, when set.
struct Article {
  std::string id;                 // required; unique in the index, at most 200 bytes
  std::string markdown;           // the text: Markdown, optionally with front matter
  std::string title;              // default: the front matter's, else the first heading
  std::string lang;               // "sv", "pt-BR"...; default: front matter's, else identified
  std::string updated;            // YYYY-MM-DD
  std::string group;              // translation group; default: the id
  std::vector<std::string> tags;  // non-empty: replaces the front matter's
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

}  // namespace kbsearch

#endif  // KBSEARCH_ARTICLE_H
