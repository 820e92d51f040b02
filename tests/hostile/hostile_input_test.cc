// Hostile input, each case in its own process with bounds on memory and
// time: the expected outcome (a clear error, or a correct bounded result)
// must hold, and the process must not crash, hang or run out of memory.
//
// The bounds are generous ceilings (1 GiB of address space outside
// sanitizer builds, 60 s of CPU), not timings: a case that needs more is
// broken, not slow.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <string>

#include "kbsearch/kbsearch.h"
#include "markdown/markdown_document.h"
#include "test_support.h"

#if defined(__SANITIZE_ADDRESS__)
#define KBSEARCH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KBSEARCH_ASAN 1
#endif
#endif

namespace kbsearch {
namespace {

using testutil::TempDir;

constexpr rlim_t kMemoryBytes = rlim_t{1} << 30;
constexpr rlim_t kCpuSeconds = 60;

// Runs `body` in a child process under the bounds; true when it returned
// true there. A crash, a hang or an allocation past the bound is false.
bool bounded(const std::function<bool()>& body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
#ifndef KBSEARCH_ASAN  // ASan reserves terabytes of address space up front
    const rlimit memory{kMemoryBytes, kMemoryBytes};
    ::setrlimit(RLIMIT_AS, &memory);
#endif
    const rlimit cpu{kCpuSeconds, kCpuSeconds};
    ::setrlimit(RLIMIT_CPU, &cpu);
    bool ok = false;
    try {
      ok = body();
    } catch (...) {
      ok = false;
    }
    ::_exit(ok ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Indexes one file with these bytes; returns the report.
IndexReport index_one(const TempDir& dir, const std::string& bytes) {
  testutil::write_file(dir.path() / "kb" / "hostile.md", bytes);
  IndexOptions options;
  options.threads = 1;
  return Indexer(dir / "db", options).index({dir / "kb"});
}

bool fails_with(const IndexReport& r, const std::string& reason) {
  return r.failed == 1 && r.errors.size() == 1 && r.errors[0].message.find(reason) != std::string::npos;
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(HostileArticles, DeeplyNestedMarkdownIndexes) {
  const TempDir dir;
  EXPECT_TRUE(bounded([&] { return index_one(dir, repeat("> ", 100000) + "djup\n").added == 1; }));
  EXPECT_TRUE(bounded([&] {
    return index_one(dir, repeat("[", 100000) + "länk" + repeat("](u)", 100000) + "\n").updated == 1;
  }));
  EXPECT_TRUE(bounded([&] {
    return index_one(dir, repeat("*", 200000) + "fet" + repeat("*", 200000) + "\n").updated == 1;
  }));
}

TEST(HostileArticles, DeeplyNestedFrontMatterIsAClearError) {
  const TempDir dir;
  EXPECT_TRUE(bounded([&] {
    return fails_with(index_one(dir, "---\ntags: " + repeat("[", 100000) + "\n---\nText\n"), "nests too deeply");
  }));
  std::string block = "---\n";
  for (int i = 0; i < 3000; ++i) block += std::string(static_cast<std::size_t>(i), ' ') + "a:\n";
  EXPECT_TRUE(bounded([&] { return fails_with(index_one(dir, block + "---\nText\n"), "nests too deeply"); }));
}

TEST(HostileArticles, YamlAliasBombIsRejectedNotExpanded) {
  const TempDir dir;
  std::string yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    const char prev = static_cast<char>(c - 1);
    yaml += std::string(1, c) + ": &" + c + " [" + repeat(std::string("*") + prev + ", ", 9) + "*" + prev + "]\n";
  }
  yaml += "tags: *k\n---\nText\n";
  EXPECT_TRUE(bounded([&] { return fails_with(index_one(dir, yaml), "'tags' must be a single value"); }));
}

TEST(HostileArticles, MegabyteLinesAndTokensIndex) {
  const TempDir dir;
  // 4 MB on one line: words, then one 2 MB token.
  EXPECT_TRUE(bounded([&] {
    const IndexReport r = index_one(dir, repeat("ord ", 500000) + repeat("x", 2000000) + "\n");
    if (r.added != 1) return false;
    // The 2 MB token is indexed by its first 240 bytes, the same way a query
    // for its first 2,000 bytes is cut, so the two meet.
    return testutil::run_search(dir / "db", repeat("x", 2000)).total == 1 &&
           testutil::run_search(dir / "db", "ord").total == 1;
  }));
}

TEST(HostileArticles, AMillionListItemsIndex) {
  const TempDir dir;
  EXPECT_TRUE(bounded([&] { return index_one(dir, repeat("- punkt\n", 1000000)).added == 1; }));
}

TEST(HostileArticles, BadBytesAreClearErrors) {
  const TempDir dir;
  EXPECT_TRUE(bounded([&] { return fails_with(index_one(dir, std::string("a\0b", 3)), "binary file"); }));
  EXPECT_TRUE(bounded([&] { return fails_with(index_one(dir, "over\xC0\xAFlong"), "invalid UTF-8 at byte 4"); }));
  EXPECT_TRUE(bounded([&] { return fails_with(index_one(dir, "lone \xED\xA0\x80 surrogate"), "invalid UTF-8 at byte 5"); }));
  EXPECT_TRUE(bounded([&] {
    return fails_with(index_one(dir, std::string(9u << 20, 'a')), "over the limit of 8388608");
  }));
}

TEST(HostileArticles, BidiControlsDoNotHideWords) {
  const TempDir dir;
  // U+202E RIGHT-TO-LEFT OVERRIDE inside and around a word.
  EXPECT_TRUE(bounded([&] {
    if (index_one(dir, "---\nlang: sv\n---\nlö\u202esen\u202cord och \u2066faktura\u2069\n").added != 1) return false;
    return testutil::run_search(dir / "db", "lösenord", "sv").total == 1 &&
           testutil::run_search(dir / "db", "faktura", "sv").total == 1;
  }));
}

TEST(HostileArticles, BidiControlsAreRemovedFromWhatIsShown) {
  const TempDir dir;
  EXPECT_TRUE(bounded([&] {
    // A title that a user interface would show as "Reset exe.password".
    if (index_one(dir, "# Reset \u202Edrowssap.exe\n\nStep \u2067one\u2069.\n").added != 1) return false;
    const std::optional<StoredArticle> stored = Searcher(dir / "db").get("hostile");
    return stored && stored->title == "Reset drowssap.exe" && stored->sections.at(0).text == "Step one.";
  }));
}

TEST(HostileArticles, TwoMillionHeadingsKeepBoundedSections) {
  const TempDir dir;
  EXPECT_TRUE(bounded([&] {
    // 8 MB, the file size limit, of one-word headings.
    if (index_one(dir, repeat("# rubrik\n", 930000) + "# sista\n").added != 1) return false;
    const std::optional<StoredArticle> stored = Searcher(dir / "db").get("hostile");
    // The headings past the limit are text of the last section: still found.
    return stored && stored->sections.size() <= markdown::kMaxSections &&
           testutil::run_search(dir / "db", "sista").total == 1;
  }));
}

TEST(HostileArticles, AHundredTagsAtMost) {
  const TempDir dir;
  std::string tags;
  for (int i = 0; i < 101; ++i) tags += (i ? ", t" : "t") + std::to_string(i);
  EXPECT_TRUE(bounded([&] {
    return fails_with(index_one(dir, "---\ntags: [" + tags + "]\n---\nText\n"), "'tags' has 101 tags; the limit is 100");
  }));
}

#ifndef KBSEARCH_ASAN  // without the address-space bound, it would start them all
TEST(HostileArticles, ThreadsTheSystemCannotStartAreAnErrorNotAnAbort) {
  const TempDir dir;
  EXPECT_TRUE(bounded([&] {
    testutil::write_file(dir.path() / "kb" / "a.md", "# Fakturor\n\nText.\n");
    IndexOptions options;
    options.threads = 100000;  // 8 MB of stack each, past the child's 1 GB
    try {
      Indexer(dir / "db", options).index({dir / "kb"});
    } catch (const Error& e) {
      return std::string(e.what()).find("cannot start 100000 analysis threads") != std::string::npos;
    }
    return false;
  }));
}
#endif

// --- queries -------------------------------------------------------------------

class HostileQueries : public ::testing::Test {
 protected:
  static std::string db() { return testutil::corpus_index().db; }
  static bool rejected(const SearchRequest& request) {
    try {
      Searcher(db()).search(request);
    } catch (const QueryError&) {
      return true;
    }
    return false;
  }
};

TEST_F(HostileQueries, TenThousandTermsAreRejected) {
  db();  // build the shared index before forking
  EXPECT_TRUE(bounded([] { return rejected({repeat("ord ", 10000), "", 0, 10}); }));
  EXPECT_TRUE(bounded([] { return rejected({repeat("ord ", 60), "", 0, 10}) == false; }));
}

TEST_F(HostileQueries, PrefixLikeQueriesStayBounded) {
  db();
  EXPECT_TRUE(bounded([] {
    // Each is answered or rejected with a QueryError, quickly.
    for (const char* q : {"a*", "*", "**********", "a* b* c* d* e*"}) rejected({q, "", 0, 10});
    return true;
  }));
}

TEST_F(HostileQueries, HugePagesAreRejectedOrEmpty) {
  db();
  EXPECT_TRUE(bounded([] { return rejected({"senha", "", 0, 1000000000}); }));
  EXPECT_TRUE(bounded([] { return Searcher(db()).search({"senha", "", 1000000000000ull, 10}).hits.empty(); }));
}

TEST_F(HostileQueries, ControlAndBidiCharactersAreJustText) {
  db();
  EXPECT_TRUE(bounded([] {
    const SearchResults r = Searcher(db()).search({"\u202esenha\u202c \x01\x7f", "pt", 0, 10});
    return !r.hits.empty() && r.hits[0].id == "reset-password-pt";
  }));
}

}  // namespace
}  // namespace kbsearch
