// Sharded indexes on Xapian's own machinery: corpus/ indexed into 1, 2 and 4
// shards, searched locally and through real xapian-tcpsrv servers on
// loopback, must answer every query of the relevance collection exactly as
// one database does. Also: per-shard index jobs, a shard server killed
// while searches run, a shard reindexed while searches run, and a replica
// catching up through xapian-replicate.
#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "index/schema.h"
#include "kbsearch/kbsearch.h"
#include "shard/routing.h"
#include "shard_server.h"
#include "test_support.h"

namespace kbsearch {
namespace {

namespace fs = std::filesystem;
using testutil::LoopbackServer;
using testutil::TempDir;

using SynonymLists = std::map<std::string, std::vector<std::vector<std::string>>>;

struct RelevanceQuery {
  std::string id, lang, query;
};

std::vector<RelevanceQuery> relevance_queries() {
  std::ifstream in(testutil::kSourceDir / "tests" / "relevance" / "queries.tsv");
  std::vector<RelevanceQuery> queries;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto a = line.find('\t'), b = line.find('\t', a + 1);
    queries.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  return queries;
}

IndexReport index_corpus(const std::string& db, unsigned shards, unsigned shard = 0) {
  IndexOptions options;
  options.shards = shards;
  options.shard = shard;
  options.threads = 2;
  options.synonyms = shard == 0 ? SynonymLists{{"sv", {{"2fa", "tvåstegsverifiering"}}}} : SynonymLists{};
  Indexer indexer(db, options);
  return indexer.index({testutil::kCorpusDir.string()});
}

// Scores are sums of the same BM25 statistics; summing them in another
// order may change the last bits.
void expect_same_score(double sharded, double single, const std::string& where) {
  EXPECT_NEAR(sharded, single, 1e-9 * std::max(1.0, std::fabs(single))) << where;
}

void expect_same_results(const SearchResults& sharded, const SearchResults& single, const std::string& where) {
  EXPECT_EQ(sharded.total, single.total) << where;
  EXPECT_EQ(sharded.facets_exact, single.facets_exact) << where;
  EXPECT_EQ(sharded.suggestion, single.suggestion) << where;
  EXPECT_EQ(sharded.query_languages, single.query_languages) << where;
  ASSERT_EQ(testutil::ids(sharded), testutil::ids(single)) << where;
  for (std::size_t i = 0; i < single.hits.size(); ++i) {
    const Hit& a = sharded.hits[i];
    const Hit& b = single.hits[i];
    const std::string hit = where + " hit " + std::to_string(i + 1) + " " + b.id;
    expect_same_score(a.score, b.score, hit);
    EXPECT_EQ(a.rank, b.rank) << hit;
    EXPECT_EQ(a.lang, b.lang) << hit;
    EXPECT_EQ(a.title, b.title) << hit;
    EXPECT_EQ(a.group, b.group) << hit;
    EXPECT_EQ(a.tags, b.tags) << hit;
    EXPECT_EQ(a.languages, b.languages) << hit;
    EXPECT_EQ(a.snippet, b.snippet) << hit;
    EXPECT_EQ(a.highlights.size(), b.highlights.size()) << hit;
    EXPECT_EQ(a.section_anchor, b.section_anchor) << hit;
  }
  ASSERT_EQ(sharded.languages.size(), single.languages.size()) << where;
  for (std::size_t i = 0; i < single.languages.size(); ++i) {
    EXPECT_EQ(sharded.languages[i].value, single.languages[i].value) << where;
    EXPECT_EQ(sharded.languages[i].count, single.languages[i].count) << where;
  }
  ASSERT_EQ(sharded.tags.size(), single.tags.size()) << where;
  for (std::size_t i = 0; i < single.tags.size(); ++i) {
    EXPECT_EQ(sharded.tags[i].value, single.tags[i].value) << where;
    EXPECT_EQ(sharded.tags[i].count, single.tags[i].count) << where;
  }
}

// Every index of the comparison, built once: one database, local shards,
// and remote shards behind xapian-tcpsrv.
struct Deployments {
  TempDir dir;
  std::string single = dir / "single";
  std::map<std::string, std::string> sharded;  // name -> path searches open
  std::vector<std::unique_ptr<LoopbackServer>> servers;

  Deployments() {
    index_corpus(single, 0);
    for (unsigned n : {1u, 2u, 4u}) {
      const std::string db = dir / ("local-" + std::to_string(n));
      index_corpus(db, n);
      sharded["local " + std::to_string(n)] = db;
    }
    for (unsigned n : {2u, 4u}) {
      const std::string shards = sharded["local " + std::to_string(n)];
      SideOptions side;
      for (unsigned k = 1; k <= n; ++k) {
        servers.push_back(std::make_unique<LoopbackServer>(
            testutil::tcpsrv_command(Indexer::shard_directory(shards, k, n))));
        side.shards.push_back("remote " + servers.back()->address());
      }
      side.synonyms = {{"sv", {{"2fa", "tvåstegsverifiering"}}}};
      const std::string db = dir / ("remote-" + std::to_string(n));
      Indexer::update_side(db, side);
      sharded["remote " + std::to_string(n)] = db;
    }
  }
};

Deployments& deployments() {
  static Deployments d;
  return d;
}

class ShardedSearch : public ::testing::TestWithParam<std::string> {};

// The whole relevance collection, each query as `kbsearch eval` runs it
// (in its language) and with no language given (every language analysed).
TEST_P(ShardedSearch, AnswersTheRelevanceCollectionLikeOneDatabase) {
  Searcher single(deployments().single);
  Searcher sharded(deployments().sharded.at(GetParam()));
  const std::vector<RelevanceQuery> queries = relevance_queries();
  ASSERT_GE(queries.size(), 200u);
  for (const RelevanceQuery& q : queries) {
    for (const std::string& lang : {q.lang, std::string()}) {
      SearchRequest request;
      request.query = q.query;
      request.lang = lang;
      const std::string where = GetParam() + " " + q.id + " [" + lang + "] " + q.query;
      expect_same_results(sharded.search(request), single.search(request), where);
    }
  }
}

// Filters, sorting, every translation, paging, prefixes, phrases, synonyms
// and respellings, with facets counted over all matches.
TEST_P(ShardedSearch, AnswersEveryFeatureLikeOneDatabase) {
  Searcher single(deployments().single);
  Searcher sharded(deployments().sharded.at(GetParam()));
  struct Case {
    std::string query, lang;
    SortOrder sort;
    bool all_translations;
    std::size_t offset;
  };
  std::vector<Case> cases = {
      {"lösenord lang:sv", "", SortOrder::kRelevance, false, 0},
      {"tag:account", "", SortOrder::kUpdated, false, 0},
      {"password OR senha", "", SortOrder::kRelevance, true, 0},
      {"\"två faktorer\"", "sv", SortOrder::kRelevance, false, 0},
      {"2fa", "sv", SortOrder::kRelevance, false, 0},
      {"atualiz*", "pt", SortOrder::kRelevance, false, 0},
      {"kullanici sifre", "tr", SortOrder::kRelevance, false, 2},
      {"รหัสผ่าน -แอป", "th", SortOrder::kRelevance, true, 0},
      {"malipo group:update-payment-method", "", SortOrder::kRelevance, true, 0},
      {"E-40213", "", SortOrder::kUpdated, true, 1},
      {"losenrod", "sv", SortOrder::kRelevance, false, 0},
      // Long queries: a first pass by the rarest words, a second by the rest.
      {"esqueceu senha link expirou email chegou verifique pasta spam endereço digitado", "pt",
       SortOrder::kRelevance, false, 0},
      {"(ลืมรหัสผ่าน) ตั้งรหัสผ่านใหม่และพิมพ์ซ้ำอีกครั้งเพื่อยืนยันรหัสผ่านต้องมีความยาวอย่างน้อย", "", SortOrder::kRelevance,
       true, 0},
  };
  // Prefixes in every language, some matching nothing in some shards.
  for (const std::string prefix : {"kulla*", "lösen*", "atualiz*", "nywi*", "pass*", "synk*", "รหัส*", "e-402*"}) {
    for (const std::string lang : {"th", "sv", "tr", "sw", "pt", ""}) {
      cases.push_back({prefix, lang, SortOrder::kRelevance, false, 0});
    }
  }
  for (const Case& c : cases) {
    SearchRequest request;
    request.query = c.query;
    request.lang = c.lang;
    request.sort = c.sort;
    request.all_translations = c.all_translations;
    request.offset = c.offset;
    expect_same_results(sharded.search(request), single.search(request), GetParam() + " " + c.query);
  }
  EXPECT_EQ(sharded.languages(), single.languages());
}

// Past facet_max_matches, facets are estimated from the matches counted,
// which on shards are not the same articles as on one database (each remote
// shard counts up to the bound itself): the same flag and ranking, and
// estimates that add up to at least the matches counted and at most a few
// times the matching articles (Xapian estimates from term statistics).
TEST_P(ShardedSearch, EstimatesFacetsPastTheBoundLikeOneDatabase) {
  SearchOptions options;
  options.facet_max_matches = 5;
  Searcher single(deployments().single, options);
  Searcher sharded(deployments().sharded.at(GetParam()), options);
  for (const std::string& query : {"app", "lösenord OR senha OR şifre OR nenosiri OR รหัสผ่าน"}) {
    SearchRequest request;
    request.query = query;
    const SearchResults a = sharded.search(request), b = single.search(request);
    request.facets = false;
    request.all_translations = true;
    request.limit = 1000;
    const std::size_t articles = single.search(request).hits.size();
    ASSERT_GT(articles, 2 * options.facet_max_matches) << query;
    EXPECT_FALSE(a.facets_exact) << GetParam() << " " << query;
    EXPECT_FALSE(b.facets_exact) << query;
    EXPECT_EQ(testutil::ids(a), testutil::ids(b)) << GetParam() << " " << query;
    for (const SearchResults* r : {&a, &b}) {
      std::size_t sum = 0;
      for (const FacetCount& f : r->languages) sum += f.count;
      EXPECT_GT(sum, options.facet_max_matches) << GetParam() << " " << query;
      EXPECT_LE(sum, articles * 4) << GetParam() << " " << query;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Deployments, ShardedSearch,
                         ::testing::Values("local 1", "local 2", "local 4", "remote 2", "remote 4"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name) c = c == ' ' ? '_' : c;
                           return name;
                         });

// Each article lives in exactly one shard: the one its id hashes to.
TEST(Sharding, EveryArticleIsInTheShardItsIdHashesTo) {
  const std::string db = deployments().sharded.at("local 4");
  const Xapian::Database single(deployments().single);
  Xapian::doccount total = 0;
  for (unsigned k = 1; k <= 4; ++k) {
    const Xapian::Database shard(Indexer::shard_directory(db, k, 4));
    total += shard.get_doccount();
    EXPECT_GT(shard.get_doccount(), 0u) << "shard " << k << " of 4 is empty";
    for (auto it = shard.allterms_begin("Q"); it != shard.allterms_end("Q"); ++it) {
      const std::string id = (*it).substr(1);
      EXPECT_EQ(shard::shard_of(id, 4), k) << id;
      EXPECT_EQ(it.get_termfreq(), 1u) << id;
    }
  }
  EXPECT_EQ(total, single.get_doccount());
}

// The nightly job of each shard on its own host, then the side database
// where searches run: the same index as one run over every shard.
TEST(Sharding, PerShardJobsThenSideGiveTheSameIndex) {
  TempDir dir;
  const std::string hosts = dir / "hosts";
  std::size_t added = 0;
  for (unsigned k = 1; k <= 2; ++k) {
    const IndexReport report = index_corpus(hosts, 2, k);
    EXPECT_EQ(report.failed, 0u);
    EXPECT_EQ(report.added + report.elsewhere, 56u) << "corpus/ has 56 articles";
    EXPECT_GT(report.elsewhere, 0u) << "shard " << k << " analysed every article";
    added += report.added;
  }
  EXPECT_FALSE(fs::exists(hosts + "/XAPIANDB")) << "a shard job wrote the stub searches open";
  const IndexReport again = index_corpus(hosts, 2, 1);
  EXPECT_EQ(again.added + again.updated, 0u) << "an unchanged re-run of one shard changed it";
  EXPECT_EQ(again.elsewhere + again.unchanged, added);

  const std::string searched = dir / "searched";
  SideOptions side;
  side.shards = {"auto " + Indexer::shard_directory(hosts, 1, 2), "auto " + Indexer::shard_directory(hosts, 2, 2)};
  side.synonyms = {{"sv", {{"2fa", "tvåstegsverifiering"}}}};
  EXPECT_GT(Indexer::update_side(searched, side), 1000u);
  Searcher one_run(deployments().sharded.at("local 2"));
  Searcher per_host(searched);
  for (const RelevanceQuery& q : relevance_queries()) {
    SearchRequest request;
    request.query = q.query;
    request.lang = q.lang;
    expect_same_results(per_host.search(request), one_run.search(request), q.id + " " + q.query);
  }
}

TEST(Sharding, RefusesToMixLayouts) {
  TempDir dir;
  index_corpus(dir / "plain", 0);
  EXPECT_THROW(index_corpus(dir / "plain", 2), IndexUnusableError);
  index_corpus(dir / "two", 2);
  try {
    index_corpus(dir / "two", 4);
    FAIL() << "a 2-shard index was written as 4 shards";
  } catch (const IndexUnusableError& e) {
    EXPECT_TRUE(testutil::Contains(e.what(), "has 2 shards, not 4"));
  }
  // Without --shards, a sharded directory keeps its count.
  const IndexReport report = index_corpus(dir / "two", 0);
  EXPECT_EQ(report.failed, 0u);
  EXPECT_EQ(report.added, 0u);
  EXPECT_EQ(report.unchanged, 56u);
  IndexOptions bad;
  bad.shards = 2;
  bad.shard = 3;
  EXPECT_THROW(Indexer(dir / "x", bad), InvalidArgumentError);
}

// A shard server that dies: every search fails with ShardUnavailableError
// naming the shard (never a wrong answer from fewer shards), and searching
// resumes once the server is back.
TEST(Sharding, KilledShardServerFailsSearchesUntilItIsBack) {
  TempDir dir;
  const std::string shards = deployments().sharded.at("local 2");
  auto first = std::make_unique<LoopbackServer>(testutil::tcpsrv_command(Indexer::shard_directory(shards, 1, 2)));
  auto second = std::make_unique<LoopbackServer>(testutil::tcpsrv_command(Indexer::shard_directory(shards, 2, 2)));
  const unsigned second_port = second->port();
  const std::string db = dir / "remote";
  Indexer::update_side(db, {{"remote " + first->address(), "remote " + second->address()}, {}, {}, 0});

  Searcher single(deployments().single);
  Searcher searcher(db);
  SearchRequest request;
  request.query = "lösenord";
  request.lang = "sv";
  const SearchResults expected = single.search(request);
  ASSERT_FALSE(expected.hits.empty());
  expect_same_results(searcher.search(request), expected, "before the kill");

  // Killed while another thread searches without pause.
  std::atomic<bool> stop{false};
  std::atomic<int> answered{0}, unavailable{0}, other{0};
  std::thread searching([&] {
    Searcher s(db);
    while (!stop) {
      try {
        const SearchResults r = s.search(request);
        if (testutil::ids(r) == testutil::ids(expected)) ++answered;
        else ++other;
      } catch (const ShardUnavailableError& e) {
        ++unavailable;
      } catch (...) {
        ++other;
      }
    }
  });
  const bool answering = testutil::wait_until([&] { return answered >= 20; });
  second->kill();
  const bool failing = testutil::wait_until([&] { return unavailable >= 20; });
  stop = true;
  searching.join();
  ASSERT_TRUE(answering) << "searches did not answer before the kill";
  ASSERT_TRUE(failing) << "searches did not fail after the kill";
  EXPECT_EQ(other, 0) << "a search gave a wrong answer or another error";

  try {
    searcher.search(request);
    FAIL() << "a search answered without shard 2";
  } catch (const ShardUnavailableError& e) {
    EXPECT_TRUE(testutil::Contains(e.what(), "127.0.0.1:" + std::to_string(second_port)));
  }
  second = std::make_unique<LoopbackServer>(
      testutil::tcpsrv_command(Indexer::shard_directory(shards, 2, 2)), second_port);
  expect_same_results(searcher.search(request), expected, "after the restart");
}

// Shard 2 has a replica server: when the shard's own server dies, searches
// go to the replica and answer as before.
TEST(Sharding, ReplicaAnswersWhenItsShardServerIsDown) {
  TempDir dir;
  const std::string shards = deployments().sharded.at("local 2");
  LoopbackServer first(testutil::tcpsrv_command(Indexer::shard_directory(shards, 1, 2)));
  LoopbackServer second(testutil::tcpsrv_command(Indexer::shard_directory(shards, 2, 2)));
  LoopbackServer replica(testutil::tcpsrv_command(Indexer::shard_directory(shards, 2, 2)));
  const std::string db = dir / "remote";
  SideOptions side;
  side.shards = {"remote " + first.address(), "remote " + second.address()};
  side.replicas["remote " + second.address()] = {"remote " + replica.address()};
  side.synonyms = {{"sv", {{"2fa", "tvåstegsverifiering"}}}};
  Indexer::update_side(db, side);

  Searcher single(deployments().single);
  Searcher searcher(db);
  SearchRequest request;
  request.query = "lösenord";
  request.lang = "sv";
  expect_same_results(searcher.search(request), single.search(request), "all up");
  second.kill();
  const SearchResults failed_over = searcher.search(request);
  EXPECT_TRUE(failed_over.missing_shards.empty());
  expect_same_results(failed_over, single.search(request), "replica answering");
  // A searcher opened while the shard is down starts on the replica.
  request.query = "senha";
  request.lang = "pt";
  expect_same_results(Searcher(db).search(request), single.search(request), "opened on the replica");
}

// With allow_missing_shards, a shard with no answering copy is left out and
// named; the hits are those of the shards that answered.
TEST(Sharding, AnswersFromTheRestWhenAllowedAndNamesWhatIsMissing) {
  TempDir dir;
  const std::string shards = deployments().sharded.at("local 2");
  LoopbackServer first(testutil::tcpsrv_command(Indexer::shard_directory(shards, 1, 2)));
  auto second = std::make_unique<LoopbackServer>(testutil::tcpsrv_command(Indexer::shard_directory(shards, 2, 2)));
  const std::string second_line = "remote " + second->address();
  const std::string db = dir / "remote";
  Indexer::update_side(db, {{"remote " + first.address(), second_line}, {}, {}, 0});
  second->kill();

  EXPECT_THROW(Searcher{db}, ShardUnavailableError);
  SearchOptions options;
  options.allow_missing_shards = true;
  Searcher searcher(db, options);
  SearchRequest request;
  request.query = "password OR lösenord OR senha OR nenosiri OR şifre OR รหัสผ่าน";
  request.all_translations = true;
  const SearchResults partial = searcher.search(request);
  EXPECT_EQ(partial.missing_shards, std::vector<std::string>{second_line});
  ASSERT_FALSE(partial.hits.empty());
  for (const Hit& hit : partial.hits) EXPECT_EQ(shard::shard_of(hit.id, 2), 1u) << hit.id;
  const SearchResults whole = Searcher(deployments().single).search(request);
  EXPECT_LT(partial.total, whole.total);
}

void copy_corpus(const std::string& to) {
  fs::copy(testutil::kCorpusDir / "articles", to, fs::copy_options::recursive);
}

std::string article_path(const std::string& corpus, const std::string& id) {
  const std::string group = id.substr(0, id.rfind('-'));
  return corpus + "/" + group + "/" + id.substr(id.rfind('-') + 1) + ".md";
}

// corpus/articles copied to DIR/corpus, so that a test may edit it, and
// indexed into 2 shards at DIR/db.
struct ShardedCopy {
  TempDir dir;
  std::string corpus = dir / "corpus", db = dir / "db";
  ShardedCopy() {
    copy_corpus(corpus);
    IndexOptions options;
    options.shards = 2;
    Indexer(db, options).index({corpus});
  }
};

// One shard's nightly job (an incremental run, then a rebuild that switches
// its generation) while searches run without pause: every search answers,
// and the change shows once the job is done.
TEST(Sharding, ReindexingOneShardWhileSearching) {
  const ShardedCopy copy;
  const std::string &corpus = copy.corpus, &db = copy.db;

  const std::string id = "reset-password-sv";
  const unsigned shard = shard::shard_of(id, 2);
  std::atomic<bool> stop{false};
  std::atomic<int> answered{0}, failed{0};
  std::thread searching([&] {
    Searcher s(db);
    SearchRequest request;
    request.query = "lösenord";
    request.lang = "sv";
    while (!stop) {
      try {
        if (s.search(request).hits.empty()) ++failed;
        else ++answered;
      } catch (...) {
        ++failed;
      }
    }
  });
  ASSERT_TRUE(testutil::wait_until([&] { return answered >= 10; })) << failed << " failed";

  std::ofstream(article_path(corpus, id), std::ios::app) << "\nKolibrifjäder hjälper mot glömda lösenord.\n";
  IndexOptions one_shard;
  one_shard.shards = 2;
  one_shard.shard = shard;
  IndexReport report = Indexer(db, one_shard).index({corpus});
  EXPECT_EQ(report.updated, 1u);
  Indexer::update_side(db, {});
  one_shard.rebuild = true;
  report = Indexer(db, one_shard).index({corpus});
  EXPECT_EQ(report.failed, 0u);
  const int answered_before_stop = answered;
  const bool answering = testutil::wait_until([&] { return answered >= answered_before_stop + 10; });
  stop = true;
  searching.join();
  EXPECT_TRUE(answering);
  EXPECT_EQ(failed, 0);

  const SearchResults found = testutil::run_search(db, "kolibrifjäder", "sv");
  ASSERT_EQ(testutil::ids(found), std::vector<std::string>{id});
  // The side database learned the new word: a typo of it is respelled.
  EXPECT_EQ(testutil::run_search(db, "kolibrifjöder", "sv").suggestion, "kolibrifjäder");
}

// Searchers of remote shards see a shard's nightly change at once, and its
// rebuilt generation once they reconnect (SearchOptions::reconnect_seconds).
TEST(Sharding, SearchersOfRemoteShardsSeeChangesAndRebuilds) {
  const ShardedCopy copy;
  const std::string &corpus = copy.corpus, &db = copy.db;
  LoopbackServer first(testutil::tcpsrv_command(Indexer::shard_directory(db, 1, 2)));
  LoopbackServer second(testutil::tcpsrv_command(Indexer::shard_directory(db, 2, 2)));
  const std::string remote = copy.dir / "remote";
  Indexer::update_side(remote, {{"remote " + first.address(), "remote " + second.address()}, {}, {}, 0});

  Searcher long_lived(remote);
  SearchOptions reconnecting;
  reconnecting.reconnect_seconds = 0;
  Searcher reconnects(remote, reconnecting);
  SearchRequest request;
  request.lang = "pt";
  const std::string id = "reset-password-pt";
  IndexOptions one_shard;
  one_shard.shards = 2;
  one_shard.shard = shard::shard_of(id, 2);

  std::ofstream(article_path(corpus, id), std::ios::app) << "\nUm beija-flor lembra a sua senha.\n";
  ASSERT_EQ(Indexer(db, one_shard).index({corpus}).updated, 1u);
  request.query = "beija-flor";
  EXPECT_EQ(testutil::ids(long_lived.search(request)), std::vector<std::string>{id});

  std::ofstream(article_path(corpus, id), std::ios::app) << "\nUm tucano também.\n";
  one_shard.rebuild = true;
  ASSERT_EQ(Indexer(db, one_shard).index({corpus}).updated, 1u);
  request.query = "tucano";
  EXPECT_EQ(testutil::ids(reconnects.search(request)), std::vector<std::string>{id});
}

// A rebuild of every shard, rolled back: every shard and the side database
// return to the generation before.
TEST(Sharding, RollbackReturnsEveryShardAndTheSide) {
  const ShardedCopy copy;
  const std::string &corpus = copy.corpus, &db = copy.db;
  EXPECT_THROW(Indexer::rollback(db), Error) << "nothing to roll back to yet";

  const std::string id = "reset-password-sw";
  std::ofstream(article_path(corpus, id), std::ios::app) << "\nKasuku anakumbuka nenosiri lako.\n";
  IndexOptions rebuild;
  rebuild.rebuild = true;
  ASSERT_EQ(Indexer(db, rebuild).index({corpus}).updated, 1u);
  EXPECT_EQ(testutil::ids(testutil::run_search(db, "kasuku", "sw")), std::vector<std::string>{id});
  EXPECT_EQ(testutil::run_search(db, "kasaku", "sw").suggestion, "kasuku");

  Indexer::rollback(db);
  EXPECT_TRUE(testutil::run_search(db, "kasuku", "sw").hits.empty());
  EXPECT_EQ(testutil::run_search(db, "kasaku", "sw").suggestion, "") << "the side database was not rolled back";
}

// A read replica of a shard kept by Xapian's replication: it answers at the
// master's revision once xapian-replicate has run, incrementally (the index
// job keeps changesets when XAPIAN_MAX_CHANGESETS is set).
TEST(Sharding, ReplicaCatchesUpWithItsMaster) {
  ::setenv("XAPIAN_MAX_CHANGESETS", "10", 1);
  const ShardedCopy copy;
  const std::string &corpus = copy.corpus, &master = copy.db, replica = copy.dir / "replica";

  const std::string id = "reset-password-pt";
  const unsigned shard = shard::shard_of(id, 2);
  const std::string shard_name = fs::path(Indexer::shard_directory(master, shard, 2)).filename().string();
  LoopbackServer replication(testutil::replicate_server_command(master));
  const std::vector<std::string> replicate = {"xapian-replicate", "-h", "127.0.0.1", "-p",
                                              std::to_string(replication.port()), "-m", shard_name, "-o",
                                              replica};
  ASSERT_EQ(testutil::run_to_end(replicate), 0);

  // Searches read the replica in place of the master's shard.
  const std::string searched = copy.dir / "searched";
  SideOptions side;
  for (unsigned k = 1; k <= 2; ++k) {
    side.shards.push_back("auto " + (k == shard ? replica : Indexer::shard_directory(master, k, 2)));
  }
  Indexer::update_side(searched, side);
  Searcher searcher(searched);
  SearchRequest request;
  request.query = "beija-flor";
  request.lang = "pt";
  EXPECT_TRUE(searcher.search(request).hits.empty());

  std::ofstream(article_path(corpus, id), std::ios::app) << "\nUm beija-flor lembra a sua senha.\n";
  IndexOptions one_shard;
  one_shard.shards = 2;
  one_shard.shard = shard;
  ASSERT_EQ(Indexer(master, one_shard).index({corpus}).updated, 1u);
  EXPECT_TRUE(searcher.search(request).hits.empty()) << "the replica changed before replication";

  ASSERT_EQ(testutil::run_to_end(replicate), 0);
  EXPECT_EQ(testutil::ids(searcher.search(request)), std::vector<std::string>{id});
  ::unsetenv("XAPIAN_MAX_CHANGESETS");
}

}  // namespace
}  // namespace kbsearch
