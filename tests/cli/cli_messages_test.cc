// What the command line says, through the real `kbsearch` binary: language
// tags, exit codes and messages, in text and with --json.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_run.h"
#include "test_support.h"

namespace kbsearch {
namespace {

using nlohmann::json;
using testutil::CliRun;
using testutil::Contains;
using testutil::kbsearch;
using testutil::kCorpusDir;
using testutil::TempDir;

class CliMessages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const CliRun run = kbsearch({"index", "--db", db(), kCorpusDir.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return *dir_ / "kb"; }
  static TempDir* dir_;
};
TempDir* CliMessages::dir_ = nullptr;

// --lang takes a BCP 47 tag in every language, as lang: does; the answer
// names the language.
TEST_F(CliMessages, LanguageTagsAreReadAsTheirLanguage) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"th", {"th-TH", "TH", "ลืมรหัสผ่าน"}},   {"sv", {"sv-SE", "sv_FI", "glömt lösenordet"}},
      {"tr", {"tr-TR", "TR", "şifremi unuttum"}}, {"sw", {"sw-KE", "SW", "nimesahau nenosiri"}},
      {"pt", {"pt-BR", "pt_PT", "esqueci a senha"}},
  };
  for (const auto& [lang, tags_and_query] : cases) {
    const std::string& query = tags_and_query[2];
    for (const std::string& tag : {tags_and_query[0], tags_and_query[1]}) {
      const CliRun run = kbsearch({"search", "--db", db(), "--json", "--lang", tag, query + " lang:" + tag});
      ASSERT_EQ(run.exit_code, 0) << tag << ": " << run.err;
      const json result = run.parsed();
      EXPECT_EQ(result["query_languages"], json::array({lang})) << tag;
      ASSERT_FALSE(result["hits"].empty()) << tag;
      EXPECT_EQ(result["hits"][0]["id"], "reset-password-" + lang) << tag;
      for (const json& hit : result["hits"]) EXPECT_EQ(hit["lang"], lang) << tag;
    }
    const CliRun analyzed = kbsearch({"analyze", "--json", "--lang", tags_and_query[1], query});
    ASSERT_EQ(analyzed.exit_code, 0) << analyzed.err;
    EXPECT_EQ(analyzed.parsed()["lang"], lang);
  }
}

TEST_F(CliMessages, UnknownLanguagesAreUsageErrors) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"search", "--db", db(), "--lang", "xx", "senha"},
        std::vector<std::string>{"search", "--db", db(), "senha lang:xx"},
        std::vector<std::string>{"analyze", "--lang", "qq-BR", "senha"}}) {
    const CliRun run = kbsearch(args);
    EXPECT_EQ(run.exit_code, 2) << args.back();
    EXPECT_TRUE(Contains(run.err, "unknown language")) << run.err;
    EXPECT_TRUE(Contains(run.err, "pt-BR")) << run.err;  // what to write instead
  }
}

}  // namespace
}  // namespace kbsearch
