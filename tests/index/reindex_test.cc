// Nightly reindex jobs through the public API: incremental runs, atomic
// switches, locks, long-lived searchers, bad input, crashes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

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


std::size_t article_count(const std::string& db) {
  // Every generated article has the tag term of one of a few tags; count
  // through a query every article matches instead: its language.
  Searcher searcher(db);
  std::size_t total = 0;
  for (const auto& lang : searcher.languages()) {
    SearchRequest request;
    request.query = "Orbit";
    request.lang = lang;
    total += searcher.search(request).total;
  }
  return total;
}

TEST(Incremental, AnUnchangedRerunAnalysesNothing) {
  GeneratedKb kb(200);
  {
    Indexer indexer(kb.db);
    EXPECT_EQ(indexer.index({kb.articles}).added, 200u);
  }
  Indexer again(kb.db);
  const IndexReport report = again.index({kb.articles});
  EXPECT_EQ(report.unchanged, 200u);
  EXPECT_EQ(report.added + report.updated + report.deleted + report.failed, 0u);
  EXPECT_EQ(report.analyze_seconds, 0.0);  // not one article was analysed again
}

TEST(Incremental, OnlyChangedFilesAreAnalysed) {
  GeneratedKb kb(100);
  Indexer(kb.db).index({kb.articles});
  testutil::write_file(fs::path(kb.articles) / "sv" / "article-3.md",
                       "---\nid: gen-3-sv\nlang: sv\n---\nHelt ny text om webbkrokar.\n");
  fs::remove(fs::path(kb.articles) / "pt" / "article-5.md");
  const IndexReport report = Indexer(kb.db).index({kb.articles});
  EXPECT_EQ(report.updated, 1u);
  EXPECT_EQ(report.deleted, 1u);
  EXPECT_EQ(report.unchanged, 98u);
  EXPECT_EQ(ids(run_search(kb.db, "webbkrokar")), std::vector<std::string>{"gen-3-sv"});
}

TEST(Atomic, ReadersSeeNothingOfARunUntilItCommits) {
  GeneratedKb kb(60);
  IndexOptions options;
  std::size_t seen_mid_run = 99;
  options.progress = [&](const IndexProgress& p) {
    if (p.done == 40) seen_mid_run = Searcher(kb.db).search({"Orbit", "", 0, 100}).total;
  };
  Indexer(kb.db, options).index({kb.articles});
  EXPECT_EQ(seen_mid_run, 0u);  // the first run: nothing committed before its end
  EXPECT_GT(article_count(kb.db), 0u);
}

TEST(Atomic, BatchedCommitsShowWholeBatchesMidRun) {
  GeneratedKb kb(60);
  IndexOptions options;
  options.commit_every = 10;
  options.threads = 1;
  std::size_t total_mid_run = 0;
  options.progress = [&](const IndexProgress& p) {
    if (p.done == 45) {
      Searcher searcher(kb.db);
      for (const auto& lang : searcher.languages()) {
        total_mid_run += searcher.search({"Orbit", lang, 0, 100}).total;
      }
    }
  };
  Indexer(kb.db, options).index({kb.articles});
  // Committed in whole batches of ten, and not all of them yet.
  EXPECT_GT(total_mid_run, 0u);
  EXPECT_LT(total_mid_run, article_count(kb.db));
}

// Xapian writes a batch of changes to the index files every flush_every
// articles; inside the run's transaction none of it is visible.
TEST(Atomic, FlushedBatchesStayInvisibleUntilTheRunCommits) {
  GeneratedKb kb(40);
  Indexer(kb.db).index({kb.articles});
  for (int i = 0; i < 20; ++i) {
    testutil::write_file(fs::path(kb.articles) / "sv" / ("new-" + std::to_string(i) + ".md"),
                         "---\nid: new-" + std::to_string(i) + "\nlang: sv\n---\nOm webbkrokar.\n");
  }
  IndexOptions options;
  options.flush_every = 3;  // six flushes before the commit
  options.threads = 1;
  std::size_t seen_mid_run = 99;
  options.progress = [&](const IndexProgress& p) {
    if (p.done == p.total) seen_mid_run = Searcher(kb.db).search({"webbkrokar", "sv", 0, 100}).total;
  };
  const IndexReport report = Indexer(kb.db, options).index({kb.articles});
  EXPECT_EQ(report.added, 20u);
  EXPECT_EQ(seen_mid_run, 0u);
  EXPECT_EQ(Searcher(kb.db).search({"webbkrokar", "sv", 0, 100}).total, 20u);
}

TEST(Atomic, TheFlushBatchLeavesTheEnvironmentAsItWas) {
  GeneratedKb kb(5);
  ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
  Indexer(kb.db).index({kb.articles});
  EXPECT_EQ(std::getenv("XAPIAN_FLUSH_THRESHOLD"), nullptr);
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "777", 1);  // the user's own wins, and stays
  Indexer(kb.db).index({kb.articles});
  ASSERT_NE(std::getenv("XAPIAN_FLUSH_THRESHOLD"), nullptr);
  EXPECT_STREQ(std::getenv("XAPIAN_FLUSH_THRESHOLD"), "777");
  ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
}

// The spelling dictionary of an index kept up to date run after run is the
// one a fresh index of the same files has: every word with the same count.
TEST(Incremental, SpellingCountsFollowTheArticles) {
  GeneratedKb kb(60);
  IndexOptions first;
  first.flush_every = 1;  // spelling written to the table every 8 articles, inside the transaction
  Indexer(kb.db, first).index({kb.articles});
  testutil::write_file(fs::path(kb.articles) / "sv" / "article-3.md",
                       "---\nid: gen-3-sv\nlang: sv\ntitle: Nyheter\n---\n# Webbkrokar\n\nHelt ny text om webbkrokar.\n");
  testutil::write_file(fs::path(kb.articles) / "sv" / "extra.md",
                       "---\nid: extra-sv\nlang: sv\ntitle: Mer\n---\nTvå webbkrokar till.\n");
  fs::remove(fs::path(kb.articles) / "pt" / "article-5.md");
  IndexOptions batched;
  batched.commit_every = 7;  // the counts of each batch are committed with it
  Indexer(kb.db, batched).index({kb.articles});
  TempDir fresh;
  Indexer(fresh / "db").index({kb.articles});

  auto dictionary = [](const std::string& db) {
    const Xapian::Database x(db);
    std::map<std::string, Xapian::doccount> words;
    for (auto it = x.spellings_begin(); it != x.spellings_end(); ++it) words[*it] = it.get_termfreq();
    return words;
  };
  const auto kept = dictionary(kb.db);
  EXPECT_EQ(kept, dictionary(fresh / "db"));
  EXPECT_EQ(kept.at("webbkrokar"), 2u);  // once per article: one has it in heading and body, one in body
}

TEST(Rebuild, SwitchesReadersAtomicallyAndRollsBack) {
  GeneratedKb kb(50);
  Indexer(kb.db).index({kb.articles});
  Searcher long_lived(kb.db);
  const std::size_t before = long_lived.search({"webbkrokar", "sv", 0, 10}).total;
  EXPECT_EQ(before, 0u);

  testutil::write_file(fs::path(kb.articles) / "sv" / "extra.md",
                       "---\nid: extra-sv\nlang: sv\n---\nOm webbkrokar.\n");
  IndexOptions rebuild;
  rebuild.rebuild = true;
  std::size_t seen_mid_run = 99;
  rebuild.progress = [&](const IndexProgress& p) {
    if (p.done == p.total) seen_mid_run = long_lived.search({"webbkrokar", "sv", 0, 10}).total;
  };
  const IndexReport report = Indexer(kb.db, rebuild).index({kb.articles});
  EXPECT_EQ(report.generation, 2);
  EXPECT_EQ(report.added, 1u);
  EXPECT_EQ(report.reanalysed, 50u);  // a rebuild analyses every article afresh
  EXPECT_EQ(seen_mid_run, 0u);  // the new generation is invisible until the switch
  EXPECT_EQ(long_lived.search({"webbkrokar", "sv", 0, 10}).total, 1u);  // followed the switch

  EXPECT_EQ(Indexer::rollback(kb.db), 1);
  EXPECT_EQ(long_lived.search({"webbkrokar", "sv", 0, 10}).total, 0u);
  EXPECT_THROW(Indexer::rollback(kb.db), Error);  // nothing older than generation 1
}

TEST(Rebuild, MovesAnIndexOfAnotherSchemaVersion) {
  GeneratedKb kb(20);
  Indexer(kb.db).index({kb.articles});
  {
    // Pretend generation 1 was written by another schema version.
    Xapian::WritableDatabase gen(kb.db + "/gen-000001");
    gen.set_metadata("kbsearch.schema", "0");
    gen.commit();
  }
  try {
    Indexer in_place(kb.db);
    FAIL() << "an index of another schema must not open for in-place indexing";
  } catch (const IndexVersionError& e) {
    EXPECT_NE(std::string(e.what()).find("kbsearch index --rebuild"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Searcher{kb.db}, IndexVersionError);
  IndexOptions rebuild;
  rebuild.rebuild = true;
  EXPECT_EQ(Indexer(kb.db, rebuild).index({kb.articles}).added, 20u);
  EXPECT_NO_THROW(Searcher{kb.db});
}

TEST(Concurrency, ASecondWriterIsToldWhoHoldsTheLock) {
  const TempDir dir;
  Indexer first(dir / "db");
  try {
    Indexer second(dir / "db");
    FAIL() << "two writers on one index";
  } catch (const IndexLockedError& e) {
    EXPECT_NE(std::string(e.what()).find("locked by process " + std::to_string(::getpid())),
              std::string::npos)
        << e.what();
  }
}

TEST(Concurrency, WaitTakesTheLockWhenItIsReleased) {
  const TempDir dir;
  auto first = std::make_unique<Indexer>(dir / "db");
  std::thread release([&first] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    first.reset();
  });
  IndexOptions options;
  options.wait_seconds = 30;
  EXPECT_NO_THROW(Indexer(dir / "db", options));
  release.join();
}

TEST(Concurrency, ALongLivedSearcherSeesNewCommits) {
  GeneratedKb kb(10);
  Indexer(kb.db).index({kb.articles});
  Searcher searcher(kb.db);
  EXPECT_EQ(searcher.search({"webbkrokar", "", 0, 10}).total, 0u);
  testutil::write_file(fs::path(kb.articles) / "sv" / "hooks.md", "---\nlang: sv\n---\nwebbkrokar\n");
  Indexer(kb.db).index({kb.articles});
  EXPECT_EQ(searcher.search({"webbkrokar", "", 0, 10}).total, 1u);
}

TEST(Threads, TwoThreadsIndexWhatOneThreadIndexes) {
  GeneratedKb kb(100);
  IndexOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const std::string db1 = kb.dir / "db1", db2 = kb.dir / "db2";
  Indexer(db1, one).index({kb.articles});
  Indexer(db2, two).index({kb.articles});
  for (const char* query : {"Orbit", "lösenord", "senha", "şifre", "nenosiri", "รหัสผ่าน"}) {
    const SearchResults a = run_search(db1, query, "", 50), b = run_search(db2, query, "", 50);
    EXPECT_EQ(ids(a), ids(b)) << query;
    ASSERT_EQ(a.hits.size(), b.hits.size());
    for (std::size_t i = 0; i < a.hits.size(); ++i) EXPECT_DOUBLE_EQ(a.hits[i].score, b.hits[i].score);
  }
}

TEST(DryRun, ReportsWithoutWriting) {
  GeneratedKb kb(30);
  IndexOptions dry;
  dry.dry_run = true;
  const IndexReport first = Indexer(kb.db, dry).index({kb.articles});
  EXPECT_TRUE(first.dry_run);
  EXPECT_EQ(first.added, 30u);
  EXPECT_FALSE(fs::exists(kb.db + "/XAPIANDB"));  // nothing was written

  Indexer(kb.db).index({kb.articles});
  fs::remove(fs::path(kb.articles) / "th" / "article-0.md");
  const IndexReport second = Indexer(kb.db, dry).index({kb.articles});
  EXPECT_EQ(second.deleted, 1u);
  EXPECT_EQ(Indexer(kb.db).index({kb.articles}).deleted, 1u);  // the dry run deleted nothing
}

// --- bad input ----------------------------------------------------------------

TEST(BadInput, EachProblemIsReportedAndNothingIsLost) {
  GeneratedKb kb(20);
  Indexer(kb.db).index({kb.articles});
  const fs::path root = kb.articles;
  const auto sv0 = root / "sv" / "article-0.md";  // indexed; now broken
  testutil::write_file(sv0, "---\ntitle: [unclosed\n---\n");
  testutil::write_file(root / "bad" / "latin1.md", "l\xF6senord");
  testutil::write_file(root / "bad" / "binary.md", std::string("\x7f" "ELF\0\0\0", 7));
  testutil::write_file(root / "bad" / "empty.md", "");
  testutil::write_file(root / "bad" / "huge.md", std::string(300000, 'a'));
  fs::create_directory_symlink(root, root / "bad" / "loop");  // a link loop is not followed
  fs::create_symlink(root / "missing.md", root / "bad" / "dangling.md");
  testutil::write_file(root / ".git" / "HEAD.md", "not an article");  // hidden: skipped

  IndexOptions options;
  options.max_file_bytes = 100000;
  // A file that vanishes between the directory walk and its reading.
  const auto vanishing = root / "tr" / "article-3.md";
  options.progress = [&](const IndexProgress& p) {
    if (p.done == 1) fs::remove(vanishing);
  };
  options.threads = 1;
  const IndexReport report = Indexer(kb.db, options).index({kb.articles});

  std::map<std::string, std::string> errors;
  for (const auto& e : report.errors) errors[fs::path(e.path).filename().string()] = e.message;
  EXPECT_NE(errors["article-0.md"].find("front matter: invalid YAML"), std::string::npos);
  EXPECT_NE(errors["latin1.md"].find("invalid UTF-8 at byte 1"), std::string::npos);
  EXPECT_NE(errors["binary.md"].find("binary file"), std::string::npos);
  EXPECT_NE(errors["huge.md"].find("over the limit of 100000"), std::string::npos);
  EXPECT_EQ(errors["dangling.md"], "broken symbolic link");
  EXPECT_NE(errors["article-3.md"].find("cannot open"), std::string::npos);
  EXPECT_EQ(report.failed, 6u) << [&] {
    std::string all;
    for (const auto& e : report.errors) all += e.path + ": " + e.message + "\n";
    return all;
  }();
  EXPECT_EQ(errors.count("HEAD.md"), 0u);
  EXPECT_EQ(report.added, 1u);   // empty.md: an article without text is valid
  EXPECT_EQ(report.deleted, 0u);  // the broken and the vanished article keep their last version
  // Found by their own error codes (see corpus_generator.cc): article 1 is
  // sv/article-0, article 17 is tr/article-3.
  EXPECT_EQ(ids(run_search(kb.db, "E-17919", "sv")), std::vector<std::string>{"gen-0-sv"});
  EXPECT_EQ(ids(run_search(kb.db, "E-54623", "tr")), std::vector<std::string>{"gen-3-tr"});
}

}  // namespace
}  // namespace kbsearch
