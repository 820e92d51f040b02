// What an article stores in its Xapian document data: everything a search
// hit shows (title, path, snippet text), as JSON, so the searcher never has
// to read the source file.
#ifndef KBSEARCH_LIB_INDEX_DOCUMENT_DATA_H
#define KBSEARCH_LIB_INDEX_DOCUMENT_DATA_H

#include <string>
#include <vector>

#include "markdown/article.h"

namespace kbsearch::index {

struct StoredArticle {
  std::string id, title, lang, path, group, updated;
  std::vector<std::string> tags;
  std::vector<markdown::Section> sections;
};

std::string encode_document_data(const markdown::Article& article, const std::string& path);

// Throws IndexUnusableError when the data is not what encode wrote.
StoredArticle decode_document_data(const std::string& data);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_DOCUMENT_DATA_H
