// What an article stores for its search hits, so the searcher never reads
// the source file: its fields (id, title, path...) as JSON in a value slot,
// which a hit reads with the values it needs anyway, and its sections in the
// document data, which only snippets read (a compact binary form; JSON in
// indexes written before 2026-12-02, still read).
#ifndef KBSEARCH_LIB_INDEX_DOCUMENT_DATA_H
#define KBSEARCH_LIB_INDEX_DOCUMENT_DATA_H

#include <string>
#include <vector>

#include "markdown/article.h"

namespace kbsearch::index {

struct StoredArticle {
  std::string id, title, lang, path, group, updated;
  std::vector<std::string> tags;
  std::vector<markdown::Section> sections;  // from the document data, when a snippet needs them
};

// The fields value (kSlotFields) and the document data.
std::string encode_article_fields(const markdown::Article& article, const std::string& path);
std::string encode_article_sections(const markdown::Article& article);

// Decoding: both throw IndexUnusableError when the text is not what the
// encoder wrote.
StoredArticle decode_article_fields(const std::string& value);
std::vector<markdown::Section> decode_article_sections(const std::string& data);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_DOCUMENT_DATA_H
