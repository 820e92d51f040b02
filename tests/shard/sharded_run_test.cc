// An index run over every shard reads each file once and routes its article
// to its shard: every shard holds exactly the ids that hash to it, and the
// run reports what a run over one database reports, through adds, a changed
// text, an id that moves to another shard, a deleted file, a file that
// fails, the same text under two ids, and an unchanged re-run.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "index/schema.h"
#include "kbsearch/indexer.h"
#include "shard/routing.h"
#include "test_support.h"

namespace kbsearch {
namespace {

namespace fs = std::filesystem;
using testutil::TempDir;

constexpr unsigned kShards = 3;

void write_article(const fs::path& kb, const std::string& file, const std::string& id, const std::string& lang,
                   const std::string& body) {
  testutil::write_file(kb / file, "---\nid: " + id + "\nlang: " + lang + "\n---\n" + body + "\n");
}

void write_knowledge_base(const fs::path& kb) {
  write_article(kb, "sv/losenord.md", "losenord-sv", "sv",
                "# Byt lösenord\n\nÖppna inställningarna och välj ett nytt lösenord.");
  write_article(kb, "sv/faktura.md", "faktura-sv", "sv",
                "# Ladda ner fakturan\n\nFakturorna finns under Betalningar.");
  write_article(kb, "sv/konto.md", "konto-sv", "sv", "# Radera kontot\n\nKontot raderas efter trettio dagar.");
  write_article(kb, "pt/senha.md", "senha-pt", "pt", "# Redefinir a senha\n\nAbra as configurações da conta.");
  write_article(kb, "pt/fatura.md", "fatura-pt", "pt", "# Baixar a fatura\n\nAs faturas ficam em Pagamentos.");
  write_article(kb, "tr/parola.md", "parola-tr", "tr",
                "# Parolanızı sıfırlayın\n\nAyarları açın ve yeni bir parola seçin.");
  write_article(kb, "tr/fatura.md", "fatura-tr", "tr", "# Faturayı indirin\n\nFaturalar Ödemeler bölümündedir.");
  write_article(kb, "sw/nenosiri.md", "nenosiri-sw", "sw",
                "# Badilisha nenosiri\n\nFungua mipangilio na uchague nenosiri jipya.");
  write_article(kb, "sw/ankara.md", "ankara-sw", "sw", "# Pakua ankara\n\nAnkara ziko chini ya Malipo.");
  write_article(kb, "th/password.md", "password-th", "th", "# เปลี่ยนรหัสผ่าน\n\nเปิดการตั้งค่าแล้วเลือกรหัสผ่านใหม่");
  write_article(kb, "th/invoice.md", "invoice-th", "th", "# ดาวน์โหลดใบแจ้งหนี้\n\nใบแจ้งหนี้อยู่ในหน้าการชำระเงิน");
  // The same text under two ids (from their paths): one warning.
  const std::string text = "# Kuweka upya nenosiri\n\nFungua mipangilio na uchague nenosiri jipya kwa akaunti.\n";
  testutil::write_file(kb / "export-1" / "nenosiri.md", text);
  testutil::write_file(kb / "export-2" / "nenosiri.md", text);
  // Not UTF-8: one error.
  testutil::write_file(kb / "tr" / "bozuk.md",
                       "# Parola\n\n\xff\xfe ge"
                       "\xe7"
                       "ersiz\n");
}

// Runs over the knowledge base into one database and into kShards shards.
struct Runs {
  IndexReport single, sharded;
};

Runs index_both(const TempDir& dir, const fs::path& kb) {
  IndexOptions sharded;
  sharded.shards = kShards;
  sharded.threads = 2;
  IndexOptions single;
  single.threads = 2;
  return {Indexer(dir / "single", single).index({kb.string()}),
          Indexer(dir / "sharded", sharded).index({kb.string()})};
}

std::vector<std::pair<std::string, std::string>> as_pairs(const std::vector<FileError>& errors) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const FileError& error : errors) pairs.emplace_back(error.path, error.message);
  return pairs;
}

void expect_same_report(const IndexReport& sharded, const IndexReport& single, const std::string& run) {
  EXPECT_EQ(sharded.added_ids, single.added_ids) << run;
  EXPECT_EQ(sharded.updated_ids, single.updated_ids) << run;
  EXPECT_EQ(sharded.deleted_ids, single.deleted_ids) << run;
  EXPECT_EQ(sharded.added, single.added) << run;
  EXPECT_EQ(sharded.updated, single.updated) << run;
  EXPECT_EQ(sharded.deleted, single.deleted) << run;
  EXPECT_EQ(sharded.unchanged, single.unchanged) << run;
  EXPECT_EQ(sharded.reanalysed, single.reanalysed) << run;
  EXPECT_EQ(sharded.failed, single.failed) << run;
  EXPECT_EQ(sharded.elsewhere, 0u) << run << ": every shard was written";
  EXPECT_EQ(as_pairs(sharded.errors), as_pairs(single.errors)) << run;
  EXPECT_EQ(as_pairs(sharded.warnings), as_pairs(single.warnings)) << run;
}

std::set<std::string> ids_in(const std::string& db_dir) {
  const Xapian::Database db(db_dir);
  const std::string prefix(index::prefix::kId);
  std::set<std::string> ids;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    EXPECT_EQ(it.get_termfreq(), 1u) << *it << " in " << db_dir;
    ids.insert((*it).substr(prefix.size()));
  }
  return ids;
}

// Every shard holds the ids that hash to it, and together the single
// database's.
void expect_routed(const TempDir& dir, const std::string& run) {
  std::set<std::string> all;
  for (unsigned k = 1; k <= kShards; ++k) {
    for (const std::string& id : ids_in(Indexer::shard_directory(dir / "sharded", k, kShards))) {
      EXPECT_EQ(shard::shard_of(id, kShards), k) << run << ": " << id;
      all.insert(id);
    }
  }
  EXPECT_EQ(all, ids_in(dir / "single")) << run;
}

// An id for the Turkish article that routes to another shard than `id`.
std::string id_in_another_shard(const std::string& id) {
  for (int n = 2;; ++n) {
    const std::string other = id + "-" + std::to_string(n);
    if (shard::shard_of(other, kShards) != shard::shard_of(id, kShards)) return other;
  }
}

TEST(ShardedRun, EachArticleGoesToItsShardAndTheReportIsOneDatabases) {
  TempDir dir;
  const fs::path kb = dir.path() / "kb";
  write_knowledge_base(kb);

  const Runs first = index_both(dir, kb);
  EXPECT_EQ(first.single.added, 13u);
  EXPECT_EQ(first.single.failed, 1u);
  EXPECT_EQ(first.single.warnings.size(), 1u);
  expect_same_report(first.sharded, first.single, "first run");
  expect_routed(dir, "first run");

  const std::string moved = id_in_another_shard("parola-tr");
  write_article(kb, "tr/parola.md", moved, "tr",
                "# Parolanızı sıfırlayın\n\nAyarları açın ve yeni bir parola seçin.");
  write_article(kb, "pt/senha.md", "senha-pt", "pt", "# Redefinir a senha\n\nAbra o aplicativo e toque em Conta.");
  write_article(kb, "pt/conta.md", "conta-pt", "pt",
                "# Excluir a conta\n\nA conta é excluída depois de trinta dias.");
  fs::remove(kb / "sv" / "faktura.md");
  const Runs second = index_both(dir, kb);
  EXPECT_EQ(second.single.added_ids, (std::vector<std::string>{"conta-pt", moved}));
  EXPECT_EQ(second.single.updated_ids, std::vector<std::string>{"senha-pt"});
  EXPECT_EQ(second.single.deleted_ids, (std::vector<std::string>{"faktura-sv", "parola-tr"}));
  expect_same_report(second.sharded, second.single, "second run");
  expect_routed(dir, "second run");

  const Runs unchanged = index_both(dir, kb);
  EXPECT_EQ(unchanged.single.unchanged, 13u);
  EXPECT_EQ(unchanged.single.added + unchanged.single.updated + unchanged.single.deleted, 0u);
  expect_same_report(unchanged.sharded, unchanged.single, "unchanged run");
}

}  // namespace
}  // namespace kbsearch
