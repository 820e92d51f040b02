#include "index/put_article.h"

#include <nlohmann/json.hpp>

#include "kbsearch/error.h"
#include "util/text_file.h"
#include "util/utf8.h"

namespace kbsearch::index {
namespace {

void check_id(const std::string& id) {
  if (id.empty()) throw InputError("article ''", "the id is empty");
  if (util::find_invalid_utf8(id) != std::string::npos) {
    throw InputError("article id", "the id is not valid UTF-8");
  }
  for (unsigned char c : id) {
    // A control character would break every line-based report and the
    // CLI's output of the id.
    if (c < 0x20 || c == 0x7F) throw InputError(put_article_name(id), "the id holds a control character");
  }
}

}  // namespace

std::string put_article_name(const std::string& id) { return "article '" + id + "'"; }

markdown::Article parse_put_article(Article& article, std::uint64_t max_bytes) {
  check_id(article.id);
  const std::string name = put_article_name(article.id);
  util::check_text(article.markdown, name, max_bytes, {"text", "IndexOptions::max_file_bytes"});
  markdown::FrontMatter given;
  given.id = article.id;
  if (!article.title.empty()) given.title = article.title;
  if (!article.lang.empty()) given.lang = article.lang;
  if (!article.updated.empty()) given.updated = article.updated;
  if (!article.group.empty()) given.group = article.group;
  given.tags = article.tags;
  for (const std::string* field : {&article.title, &article.lang, &article.updated, &article.group}) {
    if (util::find_invalid_utf8(*field) != std::string::npos) throw InputError(name, "a field is not valid UTF-8");
  }
  for (const std::string& tag : article.tags) {
    if (util::find_invalid_utf8(tag) != std::string::npos) throw InputError(name, "a tag is not valid UTF-8");
  }
  return markdown::parse_article(article.markdown, name, article.id, markdown::checked_fields(given, name));
}

std::string encode_put_article(const Article& article) {
  return nlohmann::json{{"id", article.id},           {"markdown", article.markdown}, {"title", article.title},
                        {"lang", article.lang},       {"updated", article.updated},   {"group", article.group},
                        {"tags", article.tags}}
      .dump();
}

Article decode_put_article(const std::string& value) {
  try {
    const nlohmann::json j = nlohmann::json::parse(value);
    Article article;
    article.id = j.at("id").get<std::string>();
    article.markdown = j.at("markdown").get<std::string>();
    article.title = j.at("title").get<std::string>();
    article.lang = j.at("lang").get<std::string>();
    article.updated = j.at("updated").get<std::string>();
    article.group = j.at("group").get<std::string>();
    article.tags = j.at("tags").get<std::vector<std::string>>();
    return article;
  } catch (const nlohmann::json::exception& e) {
    throw IndexUnusableError(std::string("the stored text of an article put by an application is unreadable (") +
                             e.what() + "); rebuild the index with 'kbsearch index --rebuild'");
  }
}

}  // namespace kbsearch::index
