// Fuzz target: queries typed by anyone, against a small real index (the
// reset-password articles of corpus/, indexed once per process). The first
// bytes choose the language, the page size and the offset.
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "fuzz_check.h"
#include "kbsearch/kbsearch.h"
#include "util/utf8.h"

namespace {

const std::string& index_path() {
  static const std::string path = [] {
    const auto dir = std::filesystem::temp_directory_path() / ("kbsearch-fuzz-query-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    kbsearch::Indexer indexer(dir.string());
    indexer.index({std::string(KBSEARCH_SOURCE_DIR) + "/corpus/articles/reset-password"});
    std::atexit([] {
      std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                                  ("kbsearch-fuzz-query-" + std::to_string(::getpid())));
    });
    return dir.string();
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr std::array<const char*, 7> kLangs = {"", "th", "sv", "tr", "sw", "pt", "en"};
  static kbsearch::Searcher searcher(index_path());
  if (size < 3) return 0;
  kbsearch::SearchRequest request;
  request.lang = kLangs[data[0] % kLangs.size()];
  request.limit = data[1] % 20;
  request.offset = data[2] % 8;
  request.query.assign(reinterpret_cast<const char*>(data) + 3, size - 3);
  try {
    const kbsearch::SearchResults results = searcher.search(request);
    FUZZ_CHECK(results.hits.size() <= request.limit);
    for (const auto& hit : results.hits) {
      FUZZ_CHECK(hit.rank > request.offset);
      FUZZ_CHECK(kbsearch::util::find_invalid_utf8(hit.snippet) == std::string::npos);
      for (const auto& h : hit.highlights) FUZZ_CHECK(h.start < h.end && h.end <= hit.snippet.size());
    }
  } catch (const kbsearch::QueryError&) {
    // A clear rejection is a fine answer to a hostile query.
  }
  return 0;
}
