#include "index/document_data.h"

#include <nlohmann/json.hpp>

#include "kbsearch/error.h"

namespace kbsearch::index {

std::string encode_document_data(const markdown::Article& article, const std::string& path) {
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& s : article.sections) {
    sections.push_back({{"heading", s.heading},
                        {"level", s.level},
                        {"anchor", s.anchor},
                        {"prose", s.prose},
                        {"code", s.code}});
  }
  const nlohmann::json data = {{"id", article.id},         {"title", article.title},
                               {"lang", article.lang},     {"path", path},
                               {"group", article.group},   {"updated", article.updated},
                               {"tags", article.tags},     {"sections", std::move(sections)}};
  return data.dump();
}

StoredArticle decode_document_data(const std::string& data) {
  try {
    const nlohmann::json j = nlohmann::json::parse(data);
    StoredArticle a;
    a.id = j.at("id").get<std::string>();
    a.title = j.at("title").get<std::string>();
    a.lang = j.at("lang").get<std::string>();
    a.path = j.at("path").get<std::string>();
    a.group = j.at("group").get<std::string>();
    a.updated = j.at("updated").get<std::string>();
    a.tags = j.at("tags").get<std::vector<std::string>>();
    for (const auto& s : j.at("sections")) {
      markdown::Section section;
      section.heading = s.at("heading").get<std::string>();
      section.level = s.at("level").get<int>();
      section.anchor = s.at("anchor").get<std::string>();
      section.prose = s.at("prose").get<std::string>();
      section.code = s.at("code").get<std::string>();
      a.sections.push_back(std::move(section));
    }
    return a;
  } catch (const nlohmann::json::exception& e) {
    throw IndexUnusableError(std::string("stored article data is unreadable (") + e.what() +
                             "); rebuild the index with 'kbsearch index'");
  }
}

}  // namespace kbsearch::index
