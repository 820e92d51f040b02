// A knowledge base of generated articles (corpus_generator.h) in a
// temporary directory, for the tests of indexing runs.
#ifndef KBSEARCH_TESTS_SUPPORT_GENERATED_KB_H
#define KBSEARCH_TESTS_SUPPORT_GENERATED_KB_H

#include <cstddef>
#include <string>

#include "corpus_generator.h"
#include "test_support.h"

namespace kbsearch::testutil {

struct GeneratedKb {
  explicit GeneratedKb(std::size_t n) { bench::generate_corpus((kCorpusDir / "articles").string(), dir / "kb", n); }
  TempDir dir;
  std::string articles = dir / "kb";
  std::string db = dir / "db";
};

}  // namespace kbsearch::testutil

#endif  // KBSEARCH_TESTS_SUPPORT_GENERATED_KB_H
