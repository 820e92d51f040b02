// Each language behaviour of the analysis, end to end: the words a user
// types find the article that spells them another way, over corpus/.
#include <gtest/gtest.h>

#include <algorithm>

#include "kbsearch/kbsearch.h"
#include "test_support.h"

namespace kbsearch {
namespace {

using testutil::corpus_index;
using testutil::ids;
using testutil::run_search;
using testutil::SharedIndex;
using testutil::TempDir;

bool contains(const std::vector<std::string>& v, const std::string& id) {
  return std::find(v.begin(), v.end(), id) != v.end();
}

std::vector<std::string> corpus_ids(const std::string& query, const std::string& lang = "") {
  return ids(run_search(corpus_index().db, query, lang, 50));
}

double score_of(const SearchResults& results, const std::string& id) {
  for (const Hit& h : results.hits) {
    if (h.id == id) return h.score;
  }
  return 0;
}

// --- Turkish -----------------------------------------------------------------

TEST(TurkishRetrieval, QueriesWithoutTurkishLettersOrInCapitalsFindKullanici) {
  // sync-error-codes-tr writes "Kullanıcı"; users type kullanici or KULLANICI.
  for (const char* query : {"kullanici", "KULLANICI", "Kullanıcı"}) {
    SCOPED_TRACE(query);
    EXPECT_TRUE(contains(corpus_ids(query), "sync-error-codes-tr"));
  }
  // KULLANICI lowercases with Turkish rules to kullanıcı: an exact match,
  // which outranks the folded match of kullanici.
  const SearchResults exact = run_search(corpus_index().db, "KULLANICI", "tr", 50);
  const SearchResults folded = run_search(corpus_index().db, "kullanici", "tr", 50);
  EXPECT_GT(score_of(exact, "sync-error-codes-tr"), score_of(folded, "sync-error-codes-tr"));
}

TEST(TurkishRetrieval, InflectionsMeetDespiteTheStemmer) {
  // kullanıcılar is in api-keys-tr and two-factor-authentication-tr only as
  // the plural; the singular query still finds them.
  const auto singular = corpus_ids("kullanıcı", "tr");
  EXPECT_TRUE(contains(singular, "api-keys-tr"));
  EXPECT_TRUE(contains(singular, "two-factor-authentication-tr"));
  // güncellemeleri (install-desktop-app-tr) for a query of güncelleme, and
  // the folded guncelleme too.
  EXPECT_TRUE(contains(corpus_ids("güncelleme", "tr"), "install-desktop-app-tr"));
  EXPECT_TRUE(contains(corpus_ids("guncelleme", "tr"), "install-desktop-app-tr"));
}

TEST(TurkishRetrieval, ApostropheSuffixesIndexTheBaseWord) {
  EXPECT_TRUE(contains(corpus_ids("SLA", "tr"), "contact-support-sla-tr"));         // SLA'lar
  EXPECT_TRUE(contains(corpus_ids("Windows", "tr"), "sync-error-codes-tr"));        // Windows'un
  EXPECT_TRUE(contains(corpus_ids("iPhone", "tr"), "two-factor-authentication-tr"));  // iPhone’a
  // And the other way: a suffixed query finds the base word.
  EXPECT_TRUE(contains(corpus_ids("iPhone'unuzu", "tr"), "two-factor-authentication-tr"));
}

// --- Portuguese --------------------------------------------------------------

TEST(PortugueseRetrieval, AccentInsensitiveWithExactSpellingsFirst) {
  EXPECT_TRUE(contains(corpus_ids("atualizacoes", "pt"), "install-desktop-app-pt"));
  EXPECT_TRUE(contains(corpus_ids("solucao", "pt"), "sync-error-codes-pt"));
  // The singular without accents meets the plural with them.
  EXPECT_TRUE(contains(corpus_ids("atualizacao", "pt"), "mobile-offline-mode-pt"));
}

TEST(PortugueseRetrieval, ExactSpellingRanksAboveTheFoldedOne) {
  const TempDir dir;
  testutil::write_file(dir.path() / "kb" / "a.md",
                       "---\nlang: pt\n---\nInstale as atualizações do aplicativo.\n");
  testutil::write_file(dir.path() / "kb" / "b.md",
                       "---\nlang: pt\n---\nInstale as atualizacoes do aplicativo.\n");
  const SharedIndex index({(dir.path() / "kb").string()});
  EXPECT_EQ(ids(run_search(index.db, "atualizações", "pt")), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(ids(run_search(index.db, "atualizacoes", "pt")), (std::vector<std::string>{"b", "a"}));
}

// --- Swedish -----------------------------------------------------------------

TEST(SwedishRetrieval, CompoundPartsFindTheCompound) {
  // invoices-and-refunds-sv has kundsupportförfrågningar.
  for (const char* query : {"kundsupport", "support", "förfrågningar", "förfrågning"}) {
    SCOPED_TRACE(query);
    EXPECT_TRUE(contains(corpus_ids(query, "sv"), "invoices-and-refunds-sv"));
  }
}

TEST(SwedishRetrieval, SwedishLettersAreNotAccents) {
  EXPECT_FALSE(corpus_ids("kör", "sv").empty());
  EXPECT_TRUE(corpus_ids("kor lang:sv", "sv").empty());  // kor (cows) is another word
}

// --- Thai --------------------------------------------------------------------

TEST(ThaiRetrieval, WordsTypedWithoutSpacesMatchInSequence) {
  EXPECT_EQ(corpus_ids("รหัสผ่าน", "th").at(0), "reset-password-th");
  EXPECT_EQ(corpus_ids("ลืมรหัสผ่าน", "th").at(0), "reset-password-th");
  EXPECT_TRUE(contains(corpus_ids("ผู้ใช้", "th"), "reset-password-th"));

  // รหัส and ผ่าน apart are not รหัสผ่าน.
  const TempDir dir;
  testutil::write_file(dir.path() / "kb" / "together.md", "---\nlang: th\n---\nตั้งรหัสผ่านใหม่\n");
  testutil::write_file(dir.path() / "kb" / "apart.md",
                       "---\nlang: th\n---\nรหัสไปรษณีย์ต้องผ่านการตรวจสอบ\n");
  // A space where the user types none still leaves the words in sequence
  // ("change the code | through the system"): as a phrase, it matches.
  testutil::write_file(dir.path() / "kb" / "spaced.md", "---\nlang: th\n---\nเปลี่ยนรหัส ผ่านระบบ\n");
  const SharedIndex index({(dir.path() / "kb").string()});
  std::vector<std::string> found = ids(run_search(index.db, "รหัสผ่าน", "th"));
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"spaced", "together"}));
  // So does a longer run, whose pairs are matched the same way.
  EXPECT_EQ(ids(run_search(index.db, "ตั้งรหัสผ่าน", "th")).at(0), "together");
  EXPECT_EQ(ids(run_search(index.db, "รหัส", "th")).size(), 3u);
}

TEST(ThaiRetrieval, KeepWholeWordsStayOneTerm) {
  const TempDir dir;
  testutil::write_file(dir.path() / "kb" / "a.md", "---\nlang: th\n---\nตั้งรหัสผ่านใหม่\n");
  IndexOptions options;
  options.keep_whole["th"] = {"รหัสผ่าน"};
  const SharedIndex index({(dir.path() / "kb").string()}, options);
  EXPECT_EQ(ids(run_search(index.db, "รหัสผ่าน", "th")), std::vector<std::string>{"a"});
  // Kept whole, รหัสผ่าน is not the word รหัส.
  EXPECT_TRUE(run_search(index.db, "รหัส", "th").hits.empty());

  // The list is stored in the index: a later run without it keeps it, and a
  // run with another list re-analyses every article.
  {
    Indexer again(index.db);
    EXPECT_EQ(again.index({(dir.path() / "kb").string()}).unchanged, 1u);
  }
  IndexOptions other;
  other.keep_whole["th"] = {"ใหม่"};
  Indexer changed(index.db, other);
  EXPECT_EQ(changed.index({(dir.path() / "kb").string()}).reanalysed, 1u);
}

TEST(ThaiRetrieval, DecomposedSaraAmMatchesTheComposedSpelling) {
  const TempDir dir;
  // ทำงาน typed with NIKHAHIT + SARA AA instead of SARA AM.
  testutil::write_file(dir.path() / "kb" / "a.md", "---\nlang: th\n---\nแอปไม่ท\u0e4d\u0e32งาน\n");
  const SharedIndex index({(dir.path() / "kb").string()});
  EXPECT_EQ(ids(run_search(index.db, "ทำงาน", "th")), std::vector<std::string>{"a"});
}

// --- Every language: codes, versions, addresses ------------------------------

TEST(TechnicalTokens, ErrorCodesVersionsAndAddressesAsUsersTypeThem) {
  for (const char* query : {"E-40213", "E40213", "e-40213", "0x80070005"}) {
    SCOPED_TRACE(query);
    EXPECT_TRUE(contains(corpus_ids(query, "sv"), "sync-error-codes-sv"));
    EXPECT_TRUE(contains(corpus_ids(query, "th"), "sync-error-codes-th"));
  }
  EXPECT_EQ(corpus_ids("4.2.1", "pt").at(0), "install-desktop-app-pt");
  EXPECT_EQ(corpus_ids("support@orbit.example", "sw").at(0), "contact-support-sla-sw");
  // E-40213 is not "any article with an e".
  EXPECT_LE(run_search(corpus_index().db, "E-40213 lang:pt", "pt").total, 2u);
}

TEST(TechnicalTokens, OverlongTokensAreIndexedNotDropped) {
  const TempDir dir;
  const std::string token(400, 'x');
  testutil::write_file(dir.path() / "kb" / "a.md", "---\nlang: sv\n---\nKod " + token + " slut\n");
  const SharedIndex index({(dir.path() / "kb").string()});
  EXPECT_EQ(index.report.failed, 0u);
  EXPECT_EQ(ids(run_search(index.db, token, "sv")), std::vector<std::string>{"a"});
}

}  // namespace
}  // namespace kbsearch
