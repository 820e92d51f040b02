// The quality gate (IndexOptions::check): a run whose changes fail it
// commits and switches nothing, so readers keep the index they had.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "kbsearch/kbsearch.h"
#include "test_support.h"

namespace kbsearch {
namespace {

using testutil::ids;
using testutil::kCorpusDir;
using testutil::read_file;
using testutil::run_search;
using testutil::TempDir;
using testutil::write_file;
namespace fs = std::filesystem;

// One must-find query a language, in words of the reset-password articles.
QualityCheck reset_password_check() {
  QualityCheck check;
  check.must_find = {{"th", "ลืมรหัสผ่าน", "reset-password-th", 3},
                     {"sv", "glömt lösenordet", "reset-password-sv", 3},
                     {"tr", "şifremi unuttum", "reset-password-tr", 3},
                     {"sw", "nimesahau nenosiri", "reset-password-sw", 3},
                     {"pt", "esqueci a senha", "reset-password-pt", 3}};
  return check;
}

// A copy of corpus/articles, indexed into `db`, to break as a test needs.
struct Corpus {
  Corpus() {
    fs::copy(kCorpusDir / "articles", articles, fs::copy_options::recursive);
    IndexOptions options;
    options.check = reset_password_check();
    const IndexReport report = Indexer(db, options).index({articles});
    EXPECT_TRUE(report.check.ran);
    EXPECT_TRUE(report.check.passed) << report.check.reason;
  }
  std::size_t articles_found(const std::string& query) { return run_search(db, query, "", 100).hits.size(); }
  TempDir dir;
  std::string articles = dir / "articles";
  std::string db = dir / "db";
  fs::path pt = fs::path(articles) / "reset-password" / "pt.md";
};

IndexReport run(const Corpus& corpus, bool rebuild, std::optional<QualityCheck> check = std::nullopt) {
  IndexOptions options;
  options.rebuild = rebuild;
  options.check = std::move(check);
  return Indexer(corpus.db, options).index({corpus.articles});
}

TEST(QualityGate, ARebuildMissingAnArticleIsRefusedAndTheLiveGenerationStays) {
  Corpus corpus;
  fs::remove(corpus.pt);
  const IndexReport report = run(corpus, true, reset_password_check());
  EXPECT_EQ(report.deleted, 1u);  // what the run would have done
  EXPECT_FALSE(report.check.passed);
  EXPECT_EQ(report.generation, 1);
  ASSERT_EQ(report.check.failed.size(), 1u);
  EXPECT_EQ(report.check.failed[0].expected_id, "reset-password-pt");
  EXPECT_EQ(report.check.failed[0].query, "esqueci a senha");
  EXPECT_EQ(report.check.failed[0].got_rank, 0u);
  EXPECT_TRUE(testutil::Contains(report.check.reason, "1 of 5 must-find queries"));
  // Readers still have generation 1, article included; the refused one is gone.
  EXPECT_EQ(ids(run_search(corpus.db, "esqueci a senha", "pt")).front(), "reset-password-pt");
  EXPECT_FALSE(fs::exists(fs::path(corpus.db) / "gen-000002"));
}

TEST(QualityGate, ARebuildChangingAnArticlesLanguageIsRefused) {
  Corpus corpus;
  std::string text = read_file(corpus.pt);
  text.replace(text.find("lang: pt"), 8, "lang: sw");
  write_file(corpus.pt, text);
  QualityCheck check;
  check.must_find = {{"pt", "senha lang:pt", "reset-password-pt", 1}};
  const IndexReport report = run(corpus, true, check);
  EXPECT_EQ(report.updated, 1u);
  ASSERT_FALSE(report.check.passed);
  EXPECT_EQ(report.check.failed[0].got_rank, 0u);
  const SearchResults live = run_search(corpus.db, "senha lang:pt", "pt");
  ASSERT_FALSE(live.hits.empty());
  EXPECT_EQ(live.hits.front().id, "reset-password-pt");
  EXPECT_EQ(live.hits.front().lang, "pt");
}

TEST(QualityGate, AGoodRebuildIsSwitchedTo) {
  Corpus corpus;
  write_file(fs::path(corpus.articles) / "extra" / "sv.md", "---\nlang: sv\n---\n# Webbkrokar\n\nOm webbkrokar.\n");
  const IndexReport report = run(corpus, true, reset_password_check());
  EXPECT_TRUE(report.check.passed) << report.check.reason;
  EXPECT_EQ(report.generation, 2);
  EXPECT_EQ(report.added, 1u);
  EXPECT_EQ(corpus.articles_found("webbkrokar"), 1u);
}

TEST(QualityGate, AFailedRunInPlaceCommitsNothing) {
  Corpus corpus;
  const std::size_t before = corpus.articles_found("senha OR lösenord OR nenosiri OR şifre OR รหัสผ่าน");
  fs::remove(corpus.pt);
  write_file(fs::path(corpus.articles) / "extra" / "sv.md", "---\nlang: sv\n---\n# Webbkrokar\n\nOm webbkrokar.\n");
  const IndexReport report = run(corpus, false, reset_password_check());
  EXPECT_FALSE(report.check.passed);
  EXPECT_EQ(report.added, 1u);
  EXPECT_EQ(report.deleted, 1u);
  // Neither the deletion nor the addition is visible.
  EXPECT_EQ(corpus.articles_found("webbkrokar"), 0u);
  EXPECT_EQ(corpus.articles_found("senha OR lösenord OR nenosiri OR şifre OR รหัสผ่าน"), before);
  // The Indexer is usable after it: a run that passes commits.
  write_file(corpus.pt, read_file(kCorpusDir / "articles" / "reset-password" / "pt.md"));
  EXPECT_TRUE(run(corpus, false).check.passed);
  EXPECT_EQ(corpus.articles_found("webbkrokar"), 1u);
}

TEST(QualityGate, TheStoredCheckGuardsLaterRunsUntilRemoved) {
  Corpus corpus;  // stored its check
  fs::remove(corpus.pt);
  const IndexReport unchecked_options = run(corpus, true);
  EXPECT_TRUE(unchecked_options.check.ran);
  EXPECT_FALSE(unchecked_options.check.passed);
  EXPECT_EQ(unchecked_options.generation, 1);
  // An empty check removes the stored one: the same run now goes through.
  const IndexReport removed = run(corpus, true, QualityCheck{});
  EXPECT_FALSE(removed.check.ran);
  EXPECT_EQ(removed.generation, 2);
  EXPECT_FALSE(run(corpus, false).check.ran);
}

TEST(QualityGate, MrrMustReachTheFloorAndStayNearTheLiveIndexs) {
  Corpus corpus;
  QualityCheck check;
  for (const auto& [lang, query] : std::vector<std::pair<std::string, std::string>>{
           {"pt", "esqueci a senha"}, {"pt", "trocar senha"}, {"sv", "glömt lösenord"}, {"sw", "nenosiri"}}) {
    check.judged.push_back({query, lang, query, {{"reset-password-" + lang, 2}}});
  }
  check.min_mrr = 0.9;
  const IndexReport good = run(corpus, false, check);
  EXPECT_TRUE(good.check.passed) << good.check.reason;
  ASSERT_TRUE(good.check.mrr);
  EXPECT_GE(*good.check.mrr, 0.9);

  fs::remove(corpus.pt);  // half the queries lose their answer
  const IndexReport floor = run(corpus, true, check);
  EXPECT_FALSE(floor.check.passed);
  EXPECT_LT(*floor.check.mrr, 0.9);
  EXPECT_TRUE(testutil::Contains(floor.check.reason, "below the minimum 0.900"));

  check.min_mrr = 0;
  check.max_mrr_drop = 0.1;
  const IndexReport drop = run(corpus, true, check);
  EXPECT_FALSE(drop.check.passed);
  ASSERT_TRUE(drop.check.live_mrr);
  EXPECT_GE(*drop.check.live_mrr, 0.9);
  EXPECT_TRUE(testutil::Contains(drop.check.reason, "more than the 0.100 allowed")) << drop.check.reason;
  check.max_mrr_drop = 0.6;
  EXPECT_TRUE(run(corpus, true, check).check.passed);
}

TEST(QualityGate, ShardedIndexesAreCheckedAsAWhole) {
  TempDir dir;
  const std::string db = dir / "db";
  IndexOptions options;
  options.shards = 2;
  options.check = reset_password_check();
  fs::copy(kCorpusDir / "articles", dir / "articles", fs::copy_options::recursive);
  EXPECT_TRUE(Indexer(db, options).index({dir / "articles"}).check.passed);
  fs::remove(fs::path(dir / "articles") / "reset-password" / "pt.md");
  const IndexReport report = Indexer(db).index({dir / "articles"});
  EXPECT_FALSE(report.check.passed);
  EXPECT_EQ(ids(run_search(db, "esqueci a senha", "pt")).front(), "reset-password-pt");
}

TEST(QualityGate, ChecksThatCannotRunAreRefusedUpFront) {
  TempDir dir;
  IndexOptions options;
  options.check = reset_password_check();
  options.check->must_find[0].lang = "xx";
  EXPECT_THROW(Indexer(dir / "db", options), InvalidArgumentError);
  options.check = reset_password_check();
  options.check->must_find[0].max_rank = 0;
  try {
    Indexer indexer(dir / "db", options);
    ADD_FAILURE() << "a rank of 0 was accepted";
  } catch (const InvalidArgumentError& e) {
    EXPECT_EQ(e.argument(), "quality check");
    EXPECT_NE(std::string(e.what()).find("the rank must be 1 to"), std::string::npos) << e.what();
  }
  options.check = reset_password_check();
  options.commit_every = 10;  // its batches would be seen before the check
  EXPECT_THROW(Indexer(dir / "db", options), InvalidArgumentError);
  options.rebuild = true;
  EXPECT_NO_THROW(Indexer(dir / "db", options));
}

}  // namespace
}  // namespace kbsearch
