// `kbsearch suggest` end to end over corpus/: completions and results, for a
// person and as JSON, and its errors.
#include <gtest/gtest.h>

#include "cli/cli_run.h"
#include "test_support.h"

namespace kbsearch {
namespace {

using testutil::kbsearch;
using testutil::TempDir;

const std::string& corpus_db() {
  static const TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "db";
    EXPECT_EQ(kbsearch({"index", "--db", path, testutil::kCorpusDir.string()}).exit_code, 0);
    return path;
  }();
  return db;
}

TEST(SuggestCli, PrintsCompletionsAndTheFirstOnesArticles) {
  const auto run = kbsearch({"suggest", "--db", corpus_db(), "--lang", "sv", "glömt", "lösen"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(testutil::Contains(run.out, "Completions:\n  glömt lösenord  ("));
  EXPECT_TRUE(testutil::Contains(run.out, "reset-password-sv"));
}

TEST(SuggestCli, JsonHasCompletionsAndSearchResults) {
  const auto run = kbsearch({"suggest", "--db", corpus_db(), "--json", "-n", "2", "--completions", "3",
                             "--lang", "th", "ลืมรหัสผ"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto out = run.parsed();
  ASSERT_GE(out["completions"].size(), 1u);
  ASSERT_LE(out["completions"].size(), 3u);
  EXPECT_EQ(out["completions"][0]["query"], "ลืมรหัสผ่าน");
  EXPECT_EQ(out["completions"][0]["word"], "ผ่าน");
  EXPECT_GT(out["completions"][0]["frequency"].get<int>(), 0);
  EXPECT_EQ(out["results"]["query"], "ลืมรหัสผ่าน");
  ASSERT_EQ(out["results"]["hits"].size(), 2u);
  EXPECT_EQ(out["results"]["hits"][0]["id"], "reset-password-th");
}

TEST(SuggestCli, ATrailingSpaceFinishesTheWord) {
  const auto run = kbsearch({"suggest", "--db", corpus_db(), "--json", "--lang", "pt", "senha "});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.parsed()["completions"].empty());
  EXPECT_FALSE(run.parsed()["results"]["hits"].empty());
}

TEST(SuggestCli, BadQueriesExitWithUsageErrors) {
  auto run = kbsearch({"suggest", "--db", corpus_db(), "(senh"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(testutil::Contains(run.err, "kbsearch: "));
  run = kbsearch({"suggest", "--db", corpus_db(), "--completions", "50", "senh"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(testutil::Contains(run.err, "the limit is 10"));
  run = kbsearch({"suggest", "--db", corpus_db() + "-missing", "senh"});
  EXPECT_EQ(run.exit_code, 4);
}

}  // namespace
}  // namespace kbsearch
