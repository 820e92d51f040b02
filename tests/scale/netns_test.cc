// Shards on separate "hosts": each shard server runs in a network namespace
// the test creates, reached over a veth link at its own address, as on a
// real network. Needs root (CAP_NET_ADMIN) and iproute2; where the machine
// does not allow network namespaces, the tests say so and skip.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <memory>

#include "kbsearch/kbsearch.h"
#include "shard/routing.h"
#include "shard_server.h"
#include "test_support.h"

namespace kbsearch {
namespace {

using testutil::TempDir;

bool quietly(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()) == 0; }

// A host: a network namespace joined to this one by a veth link, with a
// /30 subnet of its own, and a shard server inside it.
class NamespaceHost {
 public:
  NamespaceHost(unsigned index, const std::string& shard_dir) {
    const std::string id = std::to_string(::getpid() % 100000) + "h" + std::to_string(index);
    ns_ = "kbs" + id;
    link_ = "kbv" + id;  // interface names have at most 15 characters
    const std::string subnet = "10.231." + std::to_string(::getpid() % 250) + ".";
    const std::string ours = subnet + std::to_string(4 * index + 1), theirs = subnet + std::to_string(4 * index + 2);
    address_ = theirs;
    ok_ = quietly("ip netns add " + ns_) &&
          quietly("ip link add " + link_ + " type veth peer name eth0 netns " + ns_) &&
          quietly("ip addr add " + ours + "/30 dev " + link_) && quietly("ip link set " + link_ + " up") &&
          quietly("ip netns exec " + ns_ + " ip addr add " + theirs + "/30 dev eth0") &&
          quietly("ip netns exec " + ns_ + " ip link set eth0 up") &&
          quietly("ip netns exec " + ns_ + " ip link set lo up");
    if (!ok_) return;
    pid_ = testutil::spawn_quietly({"ip", "netns", "exec", ns_, "xapian-tcpsrv", "--interface", theirs, "--port",
                                    std::to_string(kPort), shard_dir});
    ok_ = testutil::wait_until([&] { return testutil::accepts_connections(kPort, theirs); }, 10);
  }
  ~NamespaceHost() { go_down(); }
  NamespaceHost(const NamespaceHost&) = delete;
  NamespaceHost& operator=(const NamespaceHost&) = delete;

  bool ok() const { return ok_; }
  std::string stub_line() const { return "remote " + address_ + ":" + std::to_string(kPort); }

  // The host leaves the network: its server dies and its link is removed.
  void go_down() {
    if (pid_ > 0) {
      ::kill(-pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
    quietly("ip link del " + link_);
    quietly("ip netns del " + ns_);
  }

 private:
  static constexpr unsigned kPort = 33333;
  std::string ns_, link_, address_;
  pid_t pid_ = -1;
  bool ok_ = false;
};

std::vector<std::pair<std::string, std::string>> relevance_queries() {
  std::ifstream in(testutil::kSourceDir / "tests" / "relevance" / "queries.tsv");
  std::vector<std::pair<std::string, std::string>> queries;  // lang, query
  for (std::string line; std::getline(in, line);) {
    const auto a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    queries.emplace_back(line.substr(a + 1, b - a - 1), line.substr(b + 1));
  }
  return queries;
}

TEST(ShardHosts, SearchAcrossHostsLikeOneDatabaseAndWithoutADeadHost) {
  if (::geteuid() != 0 || !quietly("ip netns list")) GTEST_SKIP() << "network namespaces need root and iproute2";
  TempDir dir;
  const std::string single = dir / "single", sharded = dir / "sharded", searched = dir / "searched";
  Indexer(single).index({testutil::kCorpusDir.string()});
  IndexOptions options;
  options.shards = 2;
  Indexer(sharded, options).index({testutil::kCorpusDir.string()});

  std::vector<std::unique_ptr<NamespaceHost>> hosts;
  SideOptions side;
  for (unsigned k = 1; k <= 2; ++k) {
    hosts.push_back(std::make_unique<NamespaceHost>(k, Indexer::shard_directory(sharded, k, 2)));
    if (!hosts.back()->ok()) GTEST_SKIP() << "this machine does not allow network namespaces with veth links";
    side.shards.push_back(hosts.back()->stub_line());
  }
  Indexer::update_side(searched, side);

  // A host that went away does not answer at all: fail over in a second.
  SearchOptions quick;
  quick.shard_timeout_ms = 1000;
  Searcher one(single), across(searched, quick);
  std::size_t compared = 0;
  for (const auto& [lang, query] : relevance_queries()) {
    SearchRequest request;
    request.query = query;
    request.lang = lang;
    const SearchResults a = across.search(request), b = one.search(request);
    ASSERT_EQ(testutil::ids(a), testutil::ids(b)) << query;
    for (std::size_t i = 0; i < a.hits.size(); ++i) EXPECT_NEAR(a.hits[i].score, b.hits[i].score, 1e-9) << query;
    EXPECT_EQ(a.total, b.total) << query;
    EXPECT_EQ(a.suggestion, b.suggestion) << query;
    ++compared;
  }
  EXPECT_GE(compared, 200u);

  const std::string dead = hosts.back()->stub_line();
  hosts.back()->go_down();
  SearchRequest request;
  request.query = "senha OR lösenord OR nenosiri";
  try {
    across.search(request);
    FAIL() << "answered without host 2";
  } catch (const ShardUnavailableError& e) {
    EXPECT_TRUE(testutil::Contains(e.what(), dead));
  }
  SearchOptions partial = quick;
  partial.allow_missing_shards = true;
  const SearchResults rest = Searcher(searched, partial).search(request);
  EXPECT_EQ(rest.missing_shards, std::vector<std::string>{dead});
  for (const Hit& hit : rest.hits) EXPECT_EQ(shard::shard_of(hit.id, 2), 1u) << hit.id;
}

}  // namespace
}  // namespace kbsearch
