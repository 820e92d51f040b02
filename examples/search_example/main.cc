// search_example: searches a kbsearch index and prints the best hits.
//
//   search_example INDEX_DIR QUERY [LANG]
//
// Build the index first with `kbsearch index --db INDEX_DIR ARTICLES...`.
// LANG (for example "sv") is the user's language: the query is analysed for
// it and its translations are preferred; without it, every indexed language
// is tried.
#include <kbsearch/kbsearch.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: search_example INDEX_DIR QUERY [LANG]\n";
    return 2;
  }
  try {
    kbsearch::Searcher searcher(argv[1]);

    kbsearch::SearchRequest request;
    request.query = argv[2];
    if (argc == 4) request.lang = argv[3];
    request.limit = 5;

    const kbsearch::SearchResults results = searcher.search(request);
    for (const kbsearch::Hit& hit : results.hits) {
      std::cout << hit.rank << ". " << hit.title << " [" << hit.lang << "] "
                << hit.id << "\n   " << hit.snippet << "\n";
    }
    std::cout << results.total << (results.total == 1 ? " match\n" : " matches\n");
  } catch (const kbsearch::Error& e) {
    std::cerr << "search_example: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
