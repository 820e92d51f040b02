// A deterministic generator of realistic support articles for benchmarks
// and large tests: N Markdown articles across the five languages, built
// from the sentences of corpus/articles, with front matter, headings, inline
// code and error codes, so the index holds rare and common terms like a real
// knowledge base. The same seed gives the same files, byte for byte.
#ifndef KBSEARCH_TESTS_SUPPORT_CORPUS_GENERATOR_H
#define KBSEARCH_TESTS_SUPPORT_CORPUS_GENERATOR_H

#include <cstdint>
#include <filesystem>
#include <string>

namespace kbsearch::bench {

struct GeneratedCorpus {
  std::size_t articles = 0;
  std::uint64_t bytes = 0;
};

// Writes `count` articles under `out_dir` (<lang>/<group>.md), taking
// sentences from the articles under `corpus_dir` (corpus/articles).
GeneratedCorpus generate_corpus(const std::string& corpus_dir, const std::string& out_dir,
                                std::size_t count, std::uint32_t seed = 42);

// The text of article `index` of such a corpus, as generate_corpus writes
// it (for tests that change files between runs).
std::string generated_article(const std::string& corpus_dir, std::size_t index,
                              std::uint32_t seed = 42);

// The command-line options of the benchmarks that generate a corpus:
// --articles=N (default 20,000) and --dir=PATH, where the corpus and indexes
// are kept for later runs; without it, a temporary directory named for
// `program`, which the benchmark removes at the end (keep_dir false).
struct CorpusArgs {
  std::size_t articles = 20000;
  std::filesystem::path dir;
  bool keep_dir = false;
};
CorpusArgs corpus_args(int argc, char** argv, const std::string& program);

}  // namespace kbsearch::bench

#endif  // KBSEARCH_TESTS_SUPPORT_CORPUS_GENERATOR_H
