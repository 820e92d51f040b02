// What the command line says, through the real `kbsearch` binary: language
// tags, exit codes and messages, in text and with --json.
#include <gtest/gtest.h>

#include <filesystem>
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

// corpus/, indexed once by the library.
std::string db() { return testutil::corpus_index().db; }

// --lang takes a BCP 47 tag in every language, as lang: does; the answer
// names the language.
TEST(CliMessages, LanguageTagsAreReadAsTheirLanguage) {
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

TEST(CliMessages, UnknownLanguagesAreUsageErrors) {
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

// index --check: a run whose changes lose a must-find article is refused
// (exit 6), readers keep the generation they had, and the report says why.
TEST(CliQualityGate, ABrokenRebuildIsRefusedAndTheLiveIndexKept) {
  const TempDir dir;
  const std::string db = dir / "kb";
  std::filesystem::copy(kCorpusDir / "articles", dir / "articles", std::filesystem::copy_options::recursive);
  testutil::write_file(dir.path() / "check.tsv",
                       "pt\tesqueci a senha\treset-password-pt\t3\n"
                       "th\tลืมรหัสผ่าน\treset-password-th\n"
                       "sv\tglömt lösenordet\treset-password-sv\t3\n");
  const CliRun first = kbsearch({"index", "--db", db, "--check", dir / "check.tsv", dir / "articles"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(Contains(first.err, "quality check passed"));

  std::filesystem::remove(dir.path() / "articles" / "reset-password" / "pt.md");
  // The stored check guards a run that does not name it.
  const CliRun text = kbsearch({"index", "--db", db, "--rebuild", dir / "articles"});
  EXPECT_EQ(text.exit_code, 6) << text.err;
  EXPECT_TRUE(Contains(text.err, "refused by the quality check, nothing written: would have 0 added"));
  EXPECT_TRUE(Contains(text.err, "1 of 3 must-find queries missed"));
  EXPECT_TRUE(Contains(text.err, "[pt] esqueci a senha -> reset-password-pt not in the first 100 hits"));
  EXPECT_TRUE(Contains(text.err, "readers keep generation 1"));

  const CliRun json_run = kbsearch({"index", "--db", db, "--rebuild", "--json", dir / "articles"});
  EXPECT_EQ(json_run.exit_code, 6);
  const json report = json_run.parsed();
  EXPECT_EQ(report["generation"], 1);
  EXPECT_EQ(report["check"]["passed"], false);
  EXPECT_EQ(report["check"]["failed"],
            json::parse(R"([{"lang": "pt", "query": "esqueci a senha", "expected": "reset-password-pt",
                             "max_rank": 3, "got_rank": null}])"));
  EXPECT_EQ(report["check"]["mrr"], nullptr);
  const json live = kbsearch({"search", "--db", db, "--json", "--lang", "pt", "esqueci a senha"}).parsed();
  EXPECT_EQ(live["hits"][0]["id"], "reset-password-pt");

  // A test collection with a floor on MRR@10, run in place.
  testutil::write_file(dir.path() / "queries.tsv", "q1\tpt\tesqueci a senha\nq2\tsv\tglömt lösenordet\n");
  testutil::write_file(dir.path() / "qrels.tsv", "q1\treset-password-pt\t2\nq2\treset-password-sv\t2\n");
  const CliRun mrr = kbsearch({"index", "--db", db, "--json", "--queries", dir / "queries.tsv", "--qrels",
                               dir / "qrels.tsv", "--min-mrr", "0.9", dir / "articles"});
  EXPECT_EQ(mrr.exit_code, 6) << mrr.err;
  EXPECT_DOUBLE_EQ(mrr.parsed()["check"]["mrr"].get<double>(), 0.5);
  EXPECT_TRUE(Contains(mrr.err, "MRR@10 0.500 is below the minimum 0.900"));

  // --no-check removes the stored check: the same run goes through.
  const CliRun removed = kbsearch({"index", "--db", db, "--no-check", "--json", dir / "articles"});
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(removed.parsed()["check"], nullptr);
  EXPECT_EQ(removed.parsed()["deleted"], 1);
}

TEST(CliQualityGate, BadCheckFilesNameTheFileAndLine) {
  const TempDir dir;
  const std::vector<std::pair<std::string, std::string>> files = {
      {"pt\tesqueci a senha\treset-password-pt\n\npt\tsenha\n", ":3: expected lang<TAB>query<TAB>article id"},
      {"pt\tsenha\treset-password-pt\tten\n", ":1: max rank 'ten' is not a whole number from 1 to 100"},
      {"pt\tsenha\t\n", ":1: the query and the article id must not be empty"},
  };
  for (const auto& [text, message] : files) {
    testutil::write_file(dir.path() / "check.tsv", text);
    const CliRun run = kbsearch({"index", "--db", dir / "kb", "--check", dir / "check.tsv", kCorpusDir.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_TRUE(Contains(run.err, dir / "check.tsv" + message));
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "kb")) << "nothing is created for a bad check";
  }
  testutil::write_file(dir.path() / "qrels.tsv", "q1\treset-password-pt\ttwo\n");
  testutil::write_file(dir.path() / "queries.tsv", "q1\tpt\tsenha\n");
  const CliRun qrels = kbsearch({"index", "--db", dir / "kb", "--queries", dir / "queries.tsv", "--qrels",
                                 dir / "qrels.tsv", kCorpusDir.string()});
  EXPECT_EQ(qrels.exit_code, 2);
  EXPECT_TRUE(Contains(qrels.err, dir / "qrels.tsv" + ":1: grade 'two' is not a whole number")) << qrels.err;
}

}  // namespace
}  // namespace kbsearch
