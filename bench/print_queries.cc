// Prints the benchmark query sets (bench/query_sets.cc) as
// kind<TAB>lang<TAB>query lines, the query in kbsearch's query language, for
// the drivers that send them from outside the process (bench/load_test.py).
#include <cstdio>

#include "query_sets.h"

int main() {
  kbsearch::bench::QueryOptions options;
  for (const auto& [kind, queries] : kbsearch::bench::query_sets()) {
    for (const auto& q : queries) {
      const kbsearch::SearchRequest request = kbsearch::bench::kbsearch_request(q, options);
      std::printf("%s\t%s\t%s\n", kind.c_str(), request.lang.c_str(), request.query.c_str());
    }
  }
  return 0;
}
