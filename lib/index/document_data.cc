#include "index/document_data.h"

#include <nlohmann/json.hpp>

#include "kbsearch/error.h"

namespace kbsearch::index {

namespace {

[[noreturn]] void unreadable(const std::exception& e) {
  throw IndexUnusableError(std::string("stored article data is unreadable (") + e.what() +
                           "); rebuild the index with 'kbsearch index --rebuild'");
}

}  // namespace

std::string encode_article_fields(const markdown::Article& article, const std::string& path) {
  const nlohmann::json fields = {{"id", article.id},       {"title", article.title},
                                 {"lang", article.lang},   {"path", path},
                                 {"group", article.group}, {"updated", article.updated},
                                 {"tags", article.tags}};
  return fields.dump();
}

std::string encode_article_sections(const markdown::Article& article) {
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& s : article.sections) {
    sections.push_back({{"heading", s.heading},
                        {"level", s.level},
                        {"anchor", s.anchor},
                        {"prose", s.prose},
                        {"code", s.code}});
  }
  return sections.dump();
}

StoredArticle decode_article_fields(const std::string& value) {
  try {
    const nlohmann::json j = nlohmann::json::parse(value);
    StoredArticle a;
    a.id = j.at("id").get<std::string>();
    a.title = j.at("title").get<std::string>();
    a.lang = j.at("lang").get<std::string>();
    a.path = j.at("path").get<std::string>();
    a.group = j.at("group").get<std::string>();
    a.updated = j.at("updated").get<std::string>();
    a.tags = j.at("tags").get<std::vector<std::string>>();
    return a;
  } catch (const std::exception& e) {
    unreadable(e);
  }
}

std::vector<markdown::Section> decode_article_sections(const std::string& data) {
  try {
    std::vector<markdown::Section> sections;
    for (const auto& s : nlohmann::json::parse(data)) {
      markdown::Section section;
      section.heading = s.at("heading").get<std::string>();
      section.level = s.at("level").get<int>();
      section.anchor = s.at("anchor").get<std::string>();
      section.prose = s.at("prose").get<std::string>();
      section.code = s.at("code").get<std::string>();
      sections.push_back(std::move(section));
    }
    return sections;
  } catch (const std::exception& e) {
    unreadable(e);
  }
}

}  // namespace kbsearch::index
