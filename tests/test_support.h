// Shared helpers for tests that work on real files: a temporary directory
// that cleans up after itself, and file writing.
#ifndef KBSEARCH_TESTS_TEST_SUPPORT_H
#define KBSEARCH_TESTS_TEST_SUPPORT_H

#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

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

}  // namespace kbsearch::testutil

#endif  // KBSEARCH_TESTS_TEST_SUPPORT_H
