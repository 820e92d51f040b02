// Shared helpers for tests that work on real files: a temporary directory
// that cleans up after itself, and file writing.
#ifndef KBSEARCH_TESTS_SUPPORT_TEST_SUPPORT_H
#define KBSEARCH_TESTS_SUPPORT_TEST_SUPPORT_H

#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kbsearch/indexer.h"
#include "kbsearch/searcher.h"

namespace kbsearch::testutil {

inline const std::filesystem::path kSourceDir = KBSEARCH_SOURCE_DIR;
inline const std::filesystem::path kCorpusDir = kSourceDir / "corpus";
inline const std::filesystem::path kSeedsDir = kSourceDir / "corpus" / "seeds";

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("kbsearch-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// EXPECT_TRUE(Contains(text, part)) says what the text was when it fails.
inline ::testing::AssertionResult Contains(const std::string& haystack, const std::string& needle) {
  if (haystack.find(needle) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << haystack << "\" does not contain \"" << needle
                                       << "\"";
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// An index built once, on first use, from files of the repository.
struct SharedIndex {
  explicit SharedIndex(const std::vector<std::string>& sources, IndexOptions options = {}) {
    Indexer indexer(db, options);
    report = indexer.index(sources);
  }
  TempDir dir;
  std::string db = dir / "db";
  IndexReport report;
};

// corpus/ indexed once per test program.
inline const SharedIndex& corpus_index() {
  static const SharedIndex index({kCorpusDir.string()});
  return index;
}

inline SearchResults run_search(const std::string& db, const std::string& query,
                            const std::string& lang = "", std::size_t limit = 10,
                            std::size_t offset = 0) {
  Searcher searcher(db);
  SearchRequest request;
  request.query = query;
  request.lang = lang;
  request.limit = limit;
  request.offset = offset;
  return searcher.search(request);
}

inline std::vector<std::string> ids(const SearchResults& results) {
  std::vector<std::string> out;
  for (const Hit& h : results.hits) out.push_back(h.id);
  return out;
}

}  // namespace kbsearch::testutil

#endif  // KBSEARCH_TESTS_SUPPORT_TEST_SUPPORT_H
