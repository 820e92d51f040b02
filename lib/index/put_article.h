// Articles put by an application (Indexer::put): how they are checked and
// parsed, and the copy of their text and fields that the index keeps
// (kSlotInput), so that a later change of analysis re-analyses them without
// the application, as it re-reads files.
#ifndef KBSEARCH_LIB_INDEX_PUT_ARTICLE_H
#define KBSEARCH_LIB_INDEX_PUT_ARTICLE_H

#include <cstdint>
#include <string>

#include "kbsearch/article.h"
#include "markdown/article.h"

namespace kbsearch::index {

// How messages name a put article: "article 'ID'".
std::string put_article_name(const std::string& id);

// Checks `article` (its id, and its text as a file's is checked) and parses
// it with its fields in place of the front matter's. Drops a byte-order
// mark from article.markdown. Throws InputError naming the article.
markdown::Article parse_put_article(Article& article, std::uint64_t max_bytes);

std::string encode_put_article(const Article& article);
// Throws IndexUnusableError when `value` is not what the encoder wrote.
Article decode_put_article(const std::string& value);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_PUT_ARTICLE_H
