// A real indexer process killed with SIGKILL at random moments, many times,
// and a searcher process that queries throughout reindexing: the index must
// always open, answer, and hold a state some run committed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "corpus_generator.h"
#include "kbsearch/kbsearch.h"
#include "test_support.h"

namespace kbsearch {
namespace {

namespace fs = std::filesystem;
using testutil::TempDir;

constexpr std::size_t kArticles = 1500;
const std::string kCorpus = (testutil::kCorpusDir / "articles").string();

pid_t spawn_indexer(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    std::string cli = KBSEARCH_CLI;
    argv.push_back(cli.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// Rewrites every article with `marker` appended, so the next run has to
// replace all of them.
void stamp(const std::string& dir, const std::string& marker) {
  for (std::size_t i = 0; i < kArticles; ++i) {
    const std::string text = bench::generated_article(kCorpus, i) + "\n" + marker + "\n";
    static const char* const kLangs[] = {"th", "sv", "tr", "sw", "pt"};
    testutil::write_file(fs::path(dir) / kLangs[i % 5] / ("article-" + std::to_string(i / 5) + ".md"), text);
  }
}

std::size_t articles_with(const std::string& db, const std::string& word) {
  Searcher searcher(db);  // must open: a killed run never leaves an unusable index
  std::size_t total = 0;
  for (const char* lang : {"th", "sv", "tr", "sw", "pt"}) {
    SearchRequest request{word, lang, 0, 1};
    request.facet_max_matches = kArticles;  // counted, not estimated
    total += searcher.search(request).total;
  }
  return total;
}

// Kills `rounds` runs of `kbsearch index <extra> --db db kb` at random
// moments; after each, the index answers and holds a committed state.
void kill_many_times(const std::vector<std::string>& extra, std::size_t batch) {
  TempDir dir;
  const std::string kb = dir / "kb", db = dir / "db";
  bench::generate_corpus(kCorpus, kb, kArticles);
  ASSERT_EQ(wait_exit(spawn_indexer({"index", "--db", db, kb})), 0);
  std::mt19937 rng(7);
  // Ten kills a kind in the test run, thirty over the three kinds; a
  // nightly soak sets KBSEARCH_KILL_ROUNDS higher.
  const char* env_rounds = std::getenv("KBSEARCH_KILL_ROUNDS");
  const int rounds = env_rounds != nullptr ? std::max(1, std::atoi(env_rounds)) : 10;
  for (int round = 0; round < rounds; ++round) {
    const std::string marker = "zzmarker" + std::to_string(round);
    stamp(kb, marker);
    std::vector<std::string> args = {"index", "--db", db};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(kb);
    const pid_t pid = spawn_indexer(args);
    std::this_thread::sleep_for(std::chrono::milliseconds(20 + rng() % 700));
    ::kill(pid, SIGKILL);
    const int exit = wait_exit(pid);
    SCOPED_TRACE("round " + std::to_string(round) + ", indexer " +
                 (exit == -SIGKILL ? "killed" : "finished with " + std::to_string(exit)));
    const std::size_t stamped = articles_with(db, marker);
    // All or nothing of the run, or whole batches of it.
    EXPECT_TRUE(stamped == 0 || stamped == kArticles || (batch != 0 && stamped % batch == 0))
        << stamped << " articles carry the marker of the killed run";
  }
  // The next run finishes the job.
  std::vector<std::string> args = {"index", "--db", db};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(kb);
  ASSERT_EQ(wait_exit(spawn_indexer(args)), 0);
  EXPECT_EQ(articles_with(db, "zzmarker" + std::to_string(rounds - 1)), kArticles);
}

TEST(KillNine, InPlaceRunsAreAllOrNothing) { kill_many_times({}, 0); }

// Batches that are not a multiple of Xapian's flush threshold: its
// automatic commits must not show readers part of a batch.
TEST(KillNine, BatchedRunsKeepWholeBatches) {
  kill_many_times({"--commit-every", "400", "--flush-every", "150"}, 400);
}

TEST(KillNine, RebuildsSwitchAllOrNothing) { kill_many_times({"--rebuild"}, 0); }

TEST(ConcurrentSearcher, AnotherProcessQueriesThroughoutReindexingWithoutAFailure) {
  TempDir dir;
  const std::string kb = dir / "kb", db = dir / "db", stop = dir / "stop", tally = dir / "tally";
  bench::generate_corpus(kCorpus, kb, 500);
  Indexer(db).index({kb});

  const pid_t child = ::fork();
  if (child == 0) {
    int queries = 0, failures = 0;
    try {
      Searcher searcher(db);  // one long-lived searcher, as an embedding app has
      while (!fs::exists(stop)) {
        for (const char* q : {"Orbit", "lösenord", "senha", "รหัสผ่าน", "kullanıcı", "nenosiri"}) {
          try {
            if (searcher.search({q, "", 0, 10}).hits.empty()) ++failures;
          } catch (const std::exception&) {
            ++failures;
          }
          ++queries;
        }
      }
    } catch (...) {
      ++failures;
    }
    std::ofstream(tally) << queries << " " << failures;
    ::_exit(0);
  }
  for (int round = 0; round < 3; ++round) {
    stamp(kb, "round" + std::to_string(round));  // every article changes
    IndexOptions options;
    options.rebuild = round == 1;
    options.commit_every = round == 2 ? 100 : 0;
    Indexer(db, options).index({kb});
  }
  Indexer::rollback(db);
  testutil::write_file(stop, "");
  ASSERT_EQ(wait_exit(child), 0);
  std::ifstream in(tally);
  int queries = 0, failures = -1;
  in >> queries >> failures;
  EXPECT_GT(queries, 100);
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace kbsearch
