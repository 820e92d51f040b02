// What a tree of files can do to a nightly run (issue 18): names that are not
// UTF-8, links out of the tree, unreadable and deep directories, and readers
// watching a batched run. None may stop the run, leak a file or lose an
// article.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "kbsearch/kbsearch.h"
#include "test_support.h"

namespace kbsearch {
namespace {

using testutil::Contains;
using testutil::run_search;
using testutil::TempDir;
using testutil::write_file;
namespace fs = std::filesystem;

std::string article_text(const std::string& title, const std::string& body) {
  return "# " + title + "\n\n" + body + "\n";
}

std::size_t count_hits(const std::string& db, const std::string& query) {
  return run_search(db, query, "", 100).hits.size();
}

// The error of `report` whose path ends with `suffix`, or "".
std::string error_for(const IndexReport& report, const std::string& suffix) {
  for (const FileError& e : report.errors) {
    if (e.path.size() >= suffix.size() && e.path.compare(e.path.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return e.message;
    }
  }
  return "";
}

TEST(FileTree, NamesThatAreNotUtf8AreNamedAndTheRestIsIndexed) {
  TempDir dir;
  const std::string docs = dir / "docs", db = dir / "db";
  write_file(docs + "/good.md", article_text("Fakturor", "Du hittar fakturorna under Inställningar."));
  write_file(docs + "/bad\xFF.md", article_text("Latin-1", "Ett namn i Latin-1."));
  write_file(docs + "/dir\xFE/inner.md", article_text("Inre", "En artikel i en katalog med fel namn."));
  for (int run = 0; run < 2; ++run) {  // the next run gets through too
    const IndexReport report = Indexer(db).index({docs});
    EXPECT_EQ(report.added + report.unchanged, 1u);
    ASSERT_EQ(report.errors.size(), 2u);
    EXPECT_TRUE(Contains(error_for(report, "/bad\\xFF.md"), "not valid UTF-8"));
    EXPECT_TRUE(Contains(error_for(report, "/dir\\xFE"), "not valid UTF-8"));
  }
  EXPECT_EQ(count_hits(db, "fakturorna"), 1u);
}

TEST(FileTree, IdsAreNfcAndNamesWithControlCharactersAreRefused) {
  TempDir dir;
  const std::string docs = dir / "docs", db = dir / "db";
  // "café" as macOS writes file names (NFD: e + U+0301) and as people type it.
  write_file(docs + "/cafe\u0301.md", article_text("Kahawa", "Makala kuhusu kahawa."));
  write_file(docs + "/line\nbreak.md", article_text("Mstari", "Jina lenye mstari mpya."));
  const IndexReport report = Indexer(db).index({docs});
  EXPECT_EQ(report.added, 1u);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_TRUE(Contains(report.errors[0].path, "line\\x0Abreak.md"));
  EXPECT_TRUE(Contains(report.errors[0].message, "control character"));
  Searcher searcher(db);
  ASSERT_TRUE(searcher.get("caf\u00E9").has_value());
  EXPECT_EQ(searcher.get("caf\u00E9")->id, "caf\u00E9");
  EXPECT_TRUE(searcher.get("cafe\u0301").has_value());
  EXPECT_EQ(run_search(db, "kahawa").hits.at(0).id, "caf\u00E9");
}

TEST(FileTree, LinksLeaveTheTreeOnlyWhenAllowedAndNeverToDevices) {
  TempDir dir;
  const std::string docs = dir / "docs", db = dir / "db";
  write_file(dir / "outside/secret.md", article_text("Hemligt", "lösenordshashar från servern"));
  write_file(docs + "/a.md", article_text("Konto", "Så byter du e-postadress på ditt konto."));
  fs::create_symlink(dir / "outside/secret.md", docs + "/secret.md");
  fs::create_symlink("a.md", docs + "/alias.md");  // inside the tree: followed
  fs::create_symlink("/dev/zero", docs + "/zero.md");
  ASSERT_EQ(::mkfifo((dir / "outside/pipe.md").c_str(), 0600), 0);
  fs::create_symlink(dir / "outside/pipe.md", docs + "/pipe.md");

  const IndexReport report = Indexer(db).index({docs});
  EXPECT_EQ(report.added, 2u);  // a.md and alias.md
  EXPECT_TRUE(Contains(error_for(report, "/secret.md"), "outside the indexed directory"));
  EXPECT_TRUE(Contains(error_for(report, "/zero.md"), "not a regular file"));
  EXPECT_TRUE(Contains(error_for(report, "/pipe.md"), "not a regular file"));
  EXPECT_EQ(count_hits(db, "lösenordshashar"), 0u);

  IndexOptions follow;
  follow.follow_links = true;
  const IndexReport followed = Indexer(db, follow).index({docs});
  EXPECT_EQ(followed.added, 1u);
  EXPECT_EQ(error_for(followed, "/secret.md"), "");
  EXPECT_TRUE(Contains(error_for(followed, "/zero.md"), "not a regular file"));
  EXPECT_TRUE(Contains(error_for(followed, "/pipe.md"), "not a regular file"));
  EXPECT_EQ(count_hits(db, "lösenordshashar"), 1u);
}

// Runs an index of `docs` into `db` in a child process without the power to
// read any directory (as uid nobody when we are root, who reads everything)
// and returns the number of errors its report had, or -1.
int index_without_privileges(const std::string& db, const std::string& docs) {
  const pid_t child = ::fork();
  if (child == 0) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(100);
    try {
      const IndexReport report = Indexer(db).index({docs});
      ::_exit(static_cast<int>(std::min<std::size_t>(report.errors.size(), 99)));
    } catch (...) {
      ::_exit(101);
    }
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) < 100 ? WEXITSTATUS(status) : -1;
}

TEST(FileTree, AnUnreadableDirectoryIsNamedSkippedAndKeepsItsArticles) {
  TempDir dir;
  const std::string docs = dir / "docs", db = dir / "db";
  write_file(docs + "/a/first.md", article_text("Faturalar", "Faturanızı hesap sayfasından indirin."));
  write_file(docs + "/b/locked.md", article_text("Gizli", "Kilitli klasördeki makale."));
  write_file(docs + "/c/last.md", article_text("İadeler", "İade talebi on dört gün içinde yapılır."));
  // The child runs as nobody: everything it needs must be open to it.
  fs::permissions(dir.path(), fs::perms::all);
  ASSERT_EQ(index_without_privileges(db, docs), 0);
  ASSERT_EQ(count_hits(db, "kilitli"), 1u);

  write_file(docs + "/c/new.md", article_text("Yeni", "Yeni eklenen makale."));
  fs::remove(docs + "/a/first.md");
  fs::permissions(docs + "/b", fs::perms::none);
  const int errors = index_without_privileges(db, docs);
  fs::permissions(docs + "/b", fs::perms::owner_all);
  EXPECT_EQ(errors, 1);  // the locked directory, by name
  EXPECT_EQ(count_hits(db, "kilitli"), 1u);   // unknown, not gone
  EXPECT_EQ(count_hits(db, "eklenen"), 1u);   // the rest of the tree was walked:
  EXPECT_EQ(count_hits(db, "faturanızı"), 0u);  // additions and deletions both
}

TEST(FileTree, DirectoriesDeeperThanTheLimitAreReportedAndKeepTheirArticles) {
  TempDir dir;
  const std::string docs = dir / "docs", db = dir / "db";
  write_file(docs + "/1/top.md", article_text("Juu", "Makala ya juu kabisa."));
  write_file(docs + "/1/2/3/4/5/deep.md", article_text("Chini", "Makala iliyo ndani sana."));
  EXPECT_EQ(Indexer(db).index({docs}).added, 2u);

  IndexOptions shallow;
  shallow.max_depth = 3;
  const IndexReport report = Indexer(db, shallow).index({docs});
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_TRUE(Contains(report.errors[0].path, "/1/2/3/4"));
  EXPECT_TRUE(Contains(report.errors[0].message, "more than 3 directories deep"));
  EXPECT_EQ(report.deleted, 0u);
  EXPECT_EQ(count_hits(db, "ndani"), 1u);
}

// Readers see a --commit-every run in whole batches, whatever Xapian's flush
// threshold: the progress callback counts the articles a reader sees after
// every file.
TEST(FileTree, CommitEveryBatchesAreWholeForReaders) {
  TempDir dir;
  const std::string docs = dir / "docs", db = dir / "db";
  Indexer(db).index({});  // readers can open it from the start
  for (int i = 0; i < 23; ++i) {
    write_file(docs + "/a" + std::to_string(100 + i) + ".md",
               article_text("Makala " + std::to_string(i), "Maelezo ya ankara namba " + std::to_string(i) + "."));
  }
  IndexOptions options;
  options.commit_every = 5;
  options.flush_every = 2;
  options.threads = 1;
  std::vector<std::size_t> seen;
  options.progress = [&](const IndexProgress&) { seen.push_back(count_hits(db, "ankara")); };
  Indexer(db, options).index({docs});
  for (std::size_t count : seen) EXPECT_EQ(count % 5, 0u) << count;
  EXPECT_EQ(count_hits(db, "ankara"), 23u);
}

}  // namespace
}  // namespace kbsearch
