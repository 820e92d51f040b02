// The IndexReader follows what the indexer and rollback do to an index, on
// one database and on a sharded one: a commit in place to one database is
// seen without opening afresh, a rebuild's switch and a rollback are opened
// afresh, an unchanged index is never opened afresh, and a local shard that
// is gone is named.
#include "shard/index_reader.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <string>

#include "kbsearch/error.h"
#include "kbsearch/indexer.h"
#include "kbsearch/searcher.h"
#include "test_support.h"

namespace kbsearch {
namespace {

using testutil::TempDir;

const shard::ReaderOptions kReading{10000, false, 60};

void write_article(const TempDir& dir, const std::string& id, const std::string& lang, const std::string& body) {
  testutil::write_file(dir.path() / "articles" / (id + ".md"),
                       "---\nid: " + id + "\nlang: " + lang + "\ntitle: " + id + "\n---\n\n" + body + "\n");
}

// Five articles, one per language, so that a sharded index has some in
// every shard of two.
void write_articles(const TempDir& dir) {
  write_article(dir, "reset-password-sv", "sv", "Så återställer du ditt lösenord från inloggningssidan.");
  write_article(dir, "reset-password-pt", "pt", "Como redefinir a sua senha a partir da página de login.");
  write_article(dir, "reset-password-tr", "tr", "Şifrenizi giriş sayfasından nasıl sıfırlarsınız.");
  write_article(dir, "reset-password-sw", "sw", "Jinsi ya kuweka upya nenosiri lako kutoka ukurasa wa kuingia.");
  write_article(dir, "reset-password-th", "th", "วิธีรีเซ็ตรหัสผ่านจากหน้าเข้าสู่ระบบ");
}

IndexReport index_articles(const TempDir& dir, const std::string& db, unsigned shards, bool rebuild) {
  IndexOptions options;
  options.shards = shards;
  options.rebuild = rebuild;
  options.threads = 1;
  return Indexer(db, options).index({dir / "articles"});
}

// The five articles indexed into GetParam() shards (0: one database).
class IndexReaderFollows : public ::testing::TestWithParam<unsigned> {
 protected:
  void SetUp() override {
    write_articles(dir);
    index_articles(dir, db, GetParam(), false);
  }
  TempDir dir;
  const std::string db = dir / "db";
};

TEST_P(IndexReaderFollows, ACommitInPlaceWithoutOpeningAfresh) {
  shard::IndexReader reader(db, kReading);
  EXPECT_EQ(reader.db().get_doccount(), 5u);
  EXPECT_FALSE(reader.refresh()) << "nothing changed";
  EXPECT_FALSE(reader.refresh()) << "nothing changed";

  write_article(dir, "reset-password-2-sv", "sv", "Ett glömt lösenord återställs med e-post.");
  const IndexReport added = index_articles(dir, db, GetParam(), false);
  ASSERT_EQ(added.added, 1u);
  EXPECT_EQ(reader.db().get_doccount(), 5u) << "not refreshed yet";
  // A run over shards writes a new generation of their side database (the
  // spelling of every shard), so a sharded index is opened afresh.
  EXPECT_EQ(reader.refresh(), GetParam() != 0) << "a commit in place switches no generation of an index";
  EXPECT_EQ(reader.db().get_doccount(), 6u);
  EXPECT_FALSE(reader.refresh()) << "nothing changed since";
}

TEST_P(IndexReaderFollows, ARebuildSwitchAndARollback) {
  shard::IndexReader reader(db, kReading);
  const int first = reader.generation();

  std::filesystem::remove(dir.path() / "articles" / "reset-password-pt.md");
  ASSERT_EQ(index_articles(dir, db, GetParam(), true).deleted, 1u);
  EXPECT_TRUE(reader.refresh()) << "the rebuild switched generations";
  EXPECT_EQ(reader.db().get_doccount(), 4u);
  if (GetParam() == 0) EXPECT_EQ(reader.generation(), first + 1);
  EXPECT_FALSE(reader.refresh()) << "nothing changed since";

  Indexer::rollback(db);
  EXPECT_TRUE(reader.refresh()) << "the rollback switched generations";
  EXPECT_EQ(reader.db().get_doccount(), 5u);
  EXPECT_EQ(reader.generation(), first);
}

INSTANTIATE_TEST_SUITE_P(OneDatabaseAndTwoShards, IndexReaderFollows, ::testing::Values(0u, 2u),
                         [](const ::testing::TestParamInfo<unsigned>& info) {
                           return info.param == 0 ? std::string("OneDatabase") : std::string("TwoShards");
                         });

TEST(IndexReader, NamesALocalShardThatIsGone) {
  TempDir dir;
  write_articles(dir);
  const std::string db = dir / "db";
  index_articles(dir, db, 2, false);
  const std::string gone = Indexer::shard_directory(db, 2, 2);
  std::filesystem::rename(gone, dir / "elsewhere");
  try {
    shard::IndexReader reader(db, kReading);
    FAIL() << "opened an index missing a shard";
  } catch (const Xapian::DatabaseNotFoundError& e) {
    EXPECT_TRUE(testutil::Contains(e.get_msg(), gone));
  }
  // What a search says of it, as before the reader.
  try {
    Searcher searcher(db);
    FAIL() << "opened an index missing a shard";
  } catch (const IndexUnusableError& e) {
    EXPECT_TRUE(testutil::Contains(e.what(), "opening index " + db + ": DatabaseNotFoundError: Couldn't stat '" +
                                                 gone + "' (No such file or directory)"));
  }
}

TEST(IndexReader, NamesAPathThatHoldsNoIndex) {
  TempDir dir;
  write_articles(dir);
  EXPECT_THROW(shard::IndexReader(dir / "nothing", kReading), IndexUnusableError);
  try {
    shard::IndexReader reader(dir / "articles", kReading);
    FAIL() << "opened a directory of articles";
  } catch (const IndexUnusableError& e) {
    EXPECT_TRUE(testutil::Contains(e.what(), "it holds articles"));
  }
}

}  // namespace
}  // namespace kbsearch
