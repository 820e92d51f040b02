// What an index run tells a nightly job: which ids changed, what a rebuild
// re-analysed, files indexed twice, and where a stopped run left the index.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "kbsearch/kbsearch.h"
#include "generated_kb.h"
#include "test_support.h"

namespace kbsearch {
namespace {

namespace fs = std::filesystem;
using testutil::GeneratedKb;
using testutil::ids;
using testutil::run_search;
using testutil::TempDir;


std::size_t matches(const std::string& db, const std::string& query) {
  return Searcher(db).search({query, "", 0, 10}).total;
}

// Options whose run stops after `files` files, as a signal handler would
// stop it.
IndexOptions stopping_after(std::atomic<bool>& stop, std::size_t files) {
  IndexOptions options;
  options.threads = 1;
  options.stop = &stop;
  options.progress = [&stop, files](const IndexProgress& p) {
    if (p.done == files) stop = true;
  };
  return options;
}

TEST(RunReport, ListsTheIdsItAddedUpdatedAndDeleted) {
  TempDir dir;
  const fs::path kb = dir / "kb";
  testutil::write_file(kb / "senha.md", "---\nid: senha-pt\nlang: pt\n---\n# Redefinir a senha\n\nAbra as configurações.\n");
  testutil::write_file(kb / "nenosiri.md", "---\nid: nenosiri-sw\nlang: sw\n---\n# Badilisha nenosiri\n\nFungua mipangilio.\n");
  testutil::write_file(kb / "parola.md", "---\nid: parola-tr\nlang: tr\n---\n# Parolanızı sıfırlayın\n\nAyarları açın.\n");
  const std::string db = dir / "db";
  const IndexReport first = Indexer(db).index({kb.string()});
  EXPECT_EQ(first.added_ids, (std::vector<std::string>{"nenosiri-sw", "parola-tr", "senha-pt"}));
  EXPECT_TRUE(first.updated_ids.empty() && first.deleted_ids.empty());

  testutil::write_file(kb / "senha.md", "---\nid: senha-pt\nlang: pt\n---\n# Redefinir a senha\n\nAbra o aplicativo.\n");
  fs::remove(kb / "nenosiri.md");
  // A changed id in the front matter: the old id leaves the index.
  testutil::write_file(kb / "parola.md", "---\nid: parola-sifirla-tr\nlang: tr\n---\n# Parolanızı sıfırlayın\n\nAyarları açın.\n");
  testutil::write_file(kb / "lösenord.md", "---\nid: losenord-sv\nlang: sv\n---\n# Byt lösenord\n\nÖppna inställningarna.\n");
  const IndexReport second = Indexer(db).index({kb.string()});
  EXPECT_EQ(second.added_ids, (std::vector<std::string>{"losenord-sv", "parola-sifirla-tr"}));
  EXPECT_EQ(second.updated_ids, std::vector<std::string>{"senha-pt"});
  EXPECT_EQ(second.deleted_ids, (std::vector<std::string>{"nenosiri-sw", "parola-tr"}));
  EXPECT_EQ(second.added, 2u);
  EXPECT_EQ(second.updated, 1u);
  EXPECT_EQ(second.deleted, 2u);
  EXPECT_EQ(ids(run_search(db, "parolanızı")), std::vector<std::string>{"parola-sifirla-tr"});
}

TEST(RunReport, PutArticlesCommittedAreListedByIdToo) {
  TempDir dir;
  const std::string db = dir / "db";
  Indexer indexer(db);
  indexer.put("hodi-sw", "# Karibu\n\nHabari za asubuhi, karibu kwenye huduma kwa wateja.\n");
  indexer.put("ola-pt", "# Bem-vindo\n\nBom dia, bem-vindo ao atendimento ao cliente.\n");
  EXPECT_EQ(indexer.commit().added_ids, (std::vector<std::string>{"hodi-sw", "ola-pt"}));
  indexer.put("ola-pt", "# Bem-vindo\n\nBoa tarde, bem-vindo ao atendimento.\n");
  indexer.remove("hodi-sw");
  const IndexReport report = indexer.commit();
  EXPECT_EQ(report.updated_ids, std::vector<std::string>{"ola-pt"});
  EXPECT_EQ(report.deleted_ids, std::vector<std::string>{"hodi-sw"});
}

TEST(RunReport, ARebuildAnalysesEveryArticleAfresh) {
  GeneratedKb kb(40);
  Indexer(kb.db).index({kb.articles});
  {
    Indexer writer(kb.db);
    writer.put("kwa-heri-sw", "# Kwa heri\n\nAsante kwa kutumia huduma yetu.\n");
    writer.commit();
  }
  IndexOptions rebuild;
  rebuild.rebuild = true;
  const IndexReport report = Indexer(kb.db, rebuild).index({kb.articles});
  EXPECT_EQ(report.reanalysed, 41u);  // every file, and the put article
  EXPECT_EQ(report.unchanged + report.added + report.updated + report.deleted, 0u);
  EXPECT_GT(report.analyze_seconds, 0.0);
  EXPECT_EQ(report.generation, 2);
  EXPECT_TRUE(Searcher(kb.db).get("kwa-heri-sw").has_value());

  // What changed is still told apart from what was only analysed again.
  testutil::write_file(fs::path(kb.articles) / "sv" / "article-3.md",
                       "---\nid: gen-3-sv\nlang: sv\n---\nHelt ny text om webbkrokar.\n");
  const IndexReport again = Indexer(kb.db, rebuild).index({kb.articles});
  EXPECT_EQ(again.updated_ids, std::vector<std::string>{"gen-3-sv"});
  EXPECT_EQ(again.reanalysed, 40u);
}

TEST(RunReport, TheSameTextUnderTwoIdsIsAWarningNamingBoth) {
  TempDir dir;
  const fs::path kb = dir / "kb";
  const std::string text = "# Kuweka upya nenosiri\n\nFungua mipangilio na uchague nenosiri jipya.\n";
  testutil::write_file(kb / "export-1" / "nenosiri.md", text);
  testutil::write_file(kb / "export-2" / "nenosiri.md", text);
  testutil::write_file(kb / "export-2" / "senha.md", "# Redefinir a senha\n\nAbra as configurações da conta.\n");
  const std::string db = dir / "db";
  const IndexReport report = Indexer(db).index({kb.string()});
  EXPECT_EQ(report.added, 3u);  // a warning, not an error: both are indexed
  EXPECT_EQ(report.failed, 0u);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings[0].path, (kb / "export-2" / "nenosiri.md").string());
  EXPECT_NE(report.warnings[0].message.find((kb / "export-1" / "nenosiri.md").string()), std::string::npos)
      << report.warnings[0].message;
  // Still told when the files are unchanged and skipped.
  EXPECT_EQ(Indexer(db).index({kb.string()}).warnings.size(), 1u);
}

TEST(RunReport, AStoppedRunCommitsNothingAndTheNextOneFinishes) {
  GeneratedKb kb(60);
  Indexer(kb.db).index({kb.articles});
  for (int i = 0; i < 30; ++i) {
    testutil::write_file(fs::path(kb.articles) / "pt" / ("nova-" + std::to_string(i) + ".md"),
                         "---\nid: nova-" + std::to_string(i) + "\nlang: pt\n---\nComo ativar a autenticação.\n");
  }
  std::atomic<bool> stop{false};
  const IndexReport stopped = Indexer(kb.db, stopping_after(stop, 70)).index({kb.articles});
  EXPECT_TRUE(stopped.stopped);
  EXPECT_EQ(stopped.added + stopped.updated + stopped.deleted, 0u);
  EXPECT_TRUE(stopped.added_ids.empty());
  Searcher searcher(kb.db);
  for (int i = 0; i < 30; ++i) EXPECT_FALSE(searcher.get("nova-" + std::to_string(i)).has_value()) << i;

  const IndexReport next = Indexer(kb.db).index({kb.articles});
  EXPECT_FALSE(next.stopped);
  EXPECT_EQ(next.added, 30u);
  EXPECT_EQ(next.added_ids.size(), 30u);
  for (int i = 0; i < 30; ++i) EXPECT_TRUE(searcher.get("nova-" + std::to_string(i)).has_value()) << i;
}

TEST(RunReport, AStoppedRunInBatchesReportsTheBatchesItCommitted) {
  GeneratedKb kb(50);
  std::atomic<bool> stop{false};
  IndexOptions options = stopping_after(stop, 25);
  options.commit_every = 10;
  const IndexReport report = Indexer(kb.db, options).index({kb.articles});
  EXPECT_TRUE(report.stopped);
  // Whole batches, and not all of them: the articles of the batch under
  // way when the stop came were dropped.
  EXPECT_GT(report.added, 0u);
  EXPECT_LT(report.added, 50u);
  EXPECT_EQ(report.added % 10, 0u);
  EXPECT_EQ(report.added_ids.size(), report.added);
  Searcher searcher(kb.db);
  std::size_t visible = 0;
  for (const std::string& id : report.added_ids) visible += searcher.get(id).has_value();
  EXPECT_EQ(visible, report.added);
  EXPECT_EQ(searcher.stats().articles, report.added) << "an article of the dropped batch is visible";
}

TEST(RunReport, AStoppedRebuildKeepsTheLiveGenerationAndLeavesNoOther) {
  GeneratedKb kb(40);
  Indexer(kb.db).index({kb.articles});
  std::atomic<bool> stop{false};
  IndexOptions options = stopping_after(stop, 20);
  options.rebuild = true;
  const IndexReport report = Indexer(kb.db, options).index({kb.articles});
  EXPECT_TRUE(report.stopped);
  EXPECT_EQ(report.generation, 1);
  EXPECT_EQ(report.reanalysed, 0u);
  std::vector<std::string> entries;
  for (const auto& entry : fs::directory_iterator(kb.db)) entries.push_back(entry.path().filename().string());
  EXPECT_EQ(std::count_if(entries.begin(), entries.end(), [](const std::string& e) { return e.rfind("gen-", 0) == 0; }),
            1)
      << "the stopped rebuild's generation was left behind";
  EXPECT_GT(matches(kb.db, "Orbit"), 0u);
  EXPECT_THROW(Indexer::rollback(kb.db), Error) << "a stopped rebuild switched nothing";
}

}  // namespace
}  // namespace kbsearch
