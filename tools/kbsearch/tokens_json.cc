#include "tokens_json.h"

namespace kbsearch::cli {

nlohmann::json tokens_json(const std::vector<Token>& tokens) {
  nlohmann::json list = nlohmann::json::array();
  for (const Token& t : tokens) {
    list.push_back({{"text", t.text},     {"term", t.term},       {"stem", t.stem},
                    {"folded", t.folded}, {"folded_stem", t.folded_stem},
                    {"start", t.start},   {"end", t.end},         {"position", t.position},
                    {"part", t.part},     {"stop", t.stop}});
  }
  return list;
}

}  // namespace kbsearch::cli
