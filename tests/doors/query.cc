// query_cpp DB QUERIES: answers each `lang<TAB>query` line of QUERIES
// through the C++ API (Searcher::search, default request) with one line of
// JSON, {"ids": [...], "highlights": [[[start, end], ...] per hit]}, the
// highlights in bytes. One of the four doors of doors_test.py.
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "kbsearch/kbsearch.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: query_cpp DB QUERIES\n";
    return 2;
  }
  try {
    kbsearch::Searcher searcher(argv[1]);
    std::ifstream queries(argv[2]);
    std::string line;
    while (std::getline(queries, line)) {
      if (line.empty()) continue;
      const std::size_t tab = line.find('\t');
      kbsearch::SearchRequest request;
      request.lang = line.substr(0, tab);
      request.query = line.substr(tab + 1);
      nlohmann::json answer = {{"ids", nlohmann::json::array()},
                               {"highlights", nlohmann::json::array()}};
      for (const kbsearch::Hit& hit : searcher.search(request).hits) {
        answer["ids"].push_back(hit.id);
        nlohmann::json highlights = nlohmann::json::array();
        for (const kbsearch::Highlight& h : hit.highlights) highlights.push_back({h.start, h.end});
        answer["highlights"].push_back(highlights);
      }
      std::cout << answer.dump() << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "query_cpp: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
