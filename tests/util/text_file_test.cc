#include "util/text_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "kbsearch/error.h"
#include "util/content_hash.h"

namespace kbsearch::util {
namespace {

class TextFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kbsearch-textfile-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    const auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  // The InputError message of reading `path`, or "" when it reads fine.
  static std::string error_of(const std::string& path, std::uint64_t limit = 1 << 20) {
    try {
      read_text_file(path, limit);
    } catch (const InputError& e) {
      EXPECT_EQ(e.path(), path);
      return e.what();
    }
    return "";
  }

  std::filesystem::path dir_;
};

TEST_F(TextFileTest, ReadsUtf8AndDropsAByteOrderMark) {
  EXPECT_EQ(read_text_file(write("a.md", "Kör igång"), 100), "Kör igång");
  EXPECT_EQ(read_text_file(write("b.md", "\xEF\xBB\xBFSenha"), 100), "Senha");
  EXPECT_EQ(read_text_file(write("empty.md", ""), 100), "");
}

TEST_F(TextFileTest, RejectsInvalidUtf8WithTheByteOffset) {
  const std::string path = write("bad.md", "ok\xFFno");
  EXPECT_EQ(error_of(path), path + ": invalid UTF-8 at byte 2 (save the file as UTF-8)");
}

TEST_F(TextFileTest, RejectsBinaryFiles) {
  const std::string path = write("image.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(error_of(path), path + ": binary file (contains NUL bytes), not a text article");
}

TEST_F(TextFileTest, RejectsFilesOverTheSizeLimit) {
  const std::string path = write("big.md", std::string(2000, 'a'));
  EXPECT_EQ(error_of(path, 1000),
            path + ": file is 2000 bytes, over the limit of 1000 (raise --max-file-size)");
  EXPECT_EQ(error_of(path, 2000), "");
}

TEST_F(TextFileTest, RejectsMissingFiles) {
  const std::string path = (dir_ / "missing.md").string();
  EXPECT_EQ(error_of(path), path + ": cannot open: No such file or directory");
}

TEST(ContentHash, IsStableAndSensitiveToEveryByte) {
  EXPECT_EQ(content_hash(""), "6c62272e07bb014262b821756295c58d");  // the FNV-1a 128 offset basis
  EXPECT_EQ(content_hash("lösenord"), content_hash("lösenord"));
  EXPECT_NE(content_hash("lösenord"), content_hash("lösenorð"));
  EXPECT_NE(content_hash("ab"), content_hash("ba"));
  EXPECT_EQ(content_hash("x").size(), 32u);
}

}  // namespace
}  // namespace kbsearch::util
