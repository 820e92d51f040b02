// What the command line says, through the real `kbsearch` binary: language
// tags, exit codes and messages, in text and with --json.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "cli/cli_run.h"
#include "corpus_generator.h"
#include "test_support.h"

namespace kbsearch {
namespace {

using nlohmann::json;
using testutil::CliRun;
using testutil::Contains;
using testutil::kbsearch;
using testutil::kCorpusDir;
using testutil::TempDir;

// corpus/, indexed once by the library.
std::string db() { return testutil::corpus_index().db; }

// --lang takes a BCP 47 tag in every language, as lang: does; the answer
// names the language.
TEST(CliMessages, LanguageTagsAreReadAsTheirLanguage) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"th", {"th-TH", "TH", "ลืมรหัสผ่าน"}},   {"sv", {"sv-SE", "sv_FI", "glömt lösenordet"}},
      {"tr", {"tr-TR", "TR", "şifremi unuttum"}}, {"sw", {"sw-KE", "SW", "nimesahau nenosiri"}},
      {"pt", {"pt-BR", "pt_PT", "esqueci a senha"}},
  };
  for (const auto& [lang, tags_and_query] : cases) {
    const std::string& query = tags_and_query[2];
    for (const std::string& tag : {tags_and_query[0], tags_and_query[1]}) {
      const CliRun run = kbsearch({"search", "--db", db(), "--json", "--lang", tag, query + " lang:" + tag});
      ASSERT_EQ(run.exit_code, 0) << tag << ": " << run.err;
      const json result = run.parsed();
      EXPECT_EQ(result["query_languages"], json::array({lang})) << tag;
      ASSERT_FALSE(result["hits"].empty()) << tag;
      EXPECT_EQ(result["hits"][0]["id"], "reset-password-" + lang) << tag;
      for (const json& hit : result["hits"]) EXPECT_EQ(hit["lang"], lang) << tag;
    }
    const CliRun analyzed = kbsearch({"analyze", "--json", "--lang", tags_and_query[1], query});
    ASSERT_EQ(analyzed.exit_code, 0) << analyzed.err;
    EXPECT_EQ(analyzed.parsed()["lang"], lang);
  }
}

TEST(CliMessages, UnknownLanguagesAreUsageErrors) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"search", "--db", db(), "--lang", "xx", "senha"},
        std::vector<std::string>{"search", "--db", db(), "senha lang:xx"},
        std::vector<std::string>{"analyze", "--lang", "qq-BR", "senha"}}) {
    const CliRun run = kbsearch(args);
    EXPECT_EQ(run.exit_code, 2) << args.back();
    EXPECT_TRUE(Contains(run.err, "unknown language")) << run.err;
    EXPECT_TRUE(Contains(run.err, "pt-BR")) << run.err;  // what to write instead
  }
}

// index --check: a run whose changes lose a must-find article is refused
// (exit 6), readers keep the generation they had, and the report says why.
TEST(CliQualityGate, ABrokenRebuildIsRefusedAndTheLiveIndexKept) {
  const TempDir dir;
  const std::string db = dir / "kb";
  std::filesystem::copy(kCorpusDir / "articles", dir / "articles", std::filesystem::copy_options::recursive);
  testutil::write_file(dir.path() / "check.tsv",
                       "pt\tesqueci a senha\treset-password-pt\t3\n"
                       "th\tลืมรหัสผ่าน\treset-password-th\n"
                       "sv\tglömt lösenordet\treset-password-sv\t3\n");
  const CliRun first = kbsearch({"index", "--db", db, "--check", dir / "check.tsv", dir / "articles"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(Contains(first.err, "quality check passed"));

  std::filesystem::remove(dir.path() / "articles" / "reset-password" / "pt.md");
  // The stored check guards a run that does not name it.
  const CliRun text = kbsearch({"index", "--db", db, "--rebuild", dir / "articles"});
  EXPECT_EQ(text.exit_code, 6) << text.err;
  EXPECT_TRUE(Contains(text.err, "refused by the quality check, nothing written: would have 0 added"));
  EXPECT_TRUE(Contains(text.err, "1 of 3 must-find queries missed"));
  EXPECT_TRUE(Contains(text.err, "[pt] esqueci a senha -> reset-password-pt not in the first 100 hits"));
  EXPECT_TRUE(Contains(text.err, "readers keep generation 1"));

  const CliRun json_run = kbsearch({"index", "--db", db, "--rebuild", "--json", dir / "articles"});
  EXPECT_EQ(json_run.exit_code, 6);
  const json report = json_run.parsed();
  EXPECT_EQ(report["generation"], 1);
  EXPECT_EQ(report["check"]["passed"], false);
  EXPECT_EQ(report["check"]["failed"],
            json::parse(R"([{"lang": "pt", "query": "esqueci a senha", "expected": "reset-password-pt",
                             "max_rank": 3, "got_rank": null}])"));
  EXPECT_EQ(report["check"]["mrr"], nullptr);
  const json live = kbsearch({"search", "--db", db, "--json", "--lang", "pt", "esqueci a senha"}).parsed();
  EXPECT_EQ(live["hits"][0]["id"], "reset-password-pt");

  // A test collection with a floor on MRR@10, run in place.
  testutil::write_file(dir.path() / "queries.tsv", "q1\tpt\tesqueci a senha\nq2\tsv\tglömt lösenordet\n");
  testutil::write_file(dir.path() / "qrels.tsv", "q1\treset-password-pt\t2\nq2\treset-password-sv\t2\n");
  const CliRun mrr = kbsearch({"index", "--db", db, "--json", "--queries", dir / "queries.tsv", "--qrels",
                               dir / "qrels.tsv", "--min-mrr", "0.9", dir / "articles"});
  EXPECT_EQ(mrr.exit_code, 6) << mrr.err;
  EXPECT_DOUBLE_EQ(mrr.parsed()["check"]["mrr"].get<double>(), 0.5);
  EXPECT_TRUE(Contains(mrr.err, "MRR@10 0.500 is below the minimum 0.900"));

  // --no-check removes the stored check: the same run goes through.
  const CliRun removed = kbsearch({"index", "--db", db, "--no-check", "--json", dir / "articles"});
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(removed.parsed()["check"], nullptr);
  EXPECT_EQ(removed.parsed()["deleted"], 1);
}

TEST(CliQualityGate, BadCheckFilesNameTheFileAndLine) {
  const TempDir dir;
  const std::vector<std::pair<std::string, std::string>> files = {
      {"pt\tesqueci a senha\treset-password-pt\n\npt\tsenha\n", ":3: expected lang<TAB>query<TAB>article id"},
      {"pt\tsenha\treset-password-pt\tten\n", ":1: max rank 'ten' is not a whole number from 1 to 100"},
      {"pt\tsenha\t\n", ":1: the query and the article id must not be empty"},
  };
  for (const auto& [text, message] : files) {
    testutil::write_file(dir.path() / "check.tsv", text);
    const CliRun run = kbsearch({"index", "--db", dir / "kb", "--check", dir / "check.tsv", kCorpusDir.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_TRUE(Contains(run.err, dir / "check.tsv" + message));
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "kb")) << "nothing is created for a bad check";
  }
  testutil::write_file(dir.path() / "qrels.tsv", "q1\treset-password-pt\ttwo\n");
  testutil::write_file(dir.path() / "queries.tsv", "q1\tpt\tsenha\n");
  const CliRun qrels = kbsearch({"index", "--db", dir / "kb", "--queries", dir / "queries.tsv", "--qrels",
                                 dir / "qrels.tsv", kCorpusDir.string()});
  EXPECT_EQ(qrels.exit_code, 2);
  EXPECT_TRUE(Contains(qrels.err, dir / "qrels.tsv" + ":1: grade 'two' is not a whole number")) << qrels.err;
}

// A missing index, or --db naming a folder of articles: the message says
// what the path is, with no Xapian class names, in text and in JSON.
TEST(CliMessages, AMissingIndexOrAFolderOfArticlesIsNamedForWhatItIs) {
  const TempDir dir;
  const CliRun missing = kbsearch({"search", "--db", dir / "typo", "--json", "senha"});
  EXPECT_EQ(missing.exit_code, 4);
  EXPECT_TRUE(Contains(missing.err, "there is no index at " + dir / "typo" + ": no such file or directory"));
  EXPECT_FALSE(Contains(missing.err, "Error:"));  // Xapian's DatabaseNotFoundError
  const json error = missing.parsed()["error"];
  EXPECT_EQ(error["code"], "index_unusable");
  EXPECT_TRUE(Contains(error["message"], "no such file or directory"));

  const std::string articles = (kCorpusDir / "articles").string();
  const CliRun folder = kbsearch({"search", "--db", articles, "senha"});
  EXPECT_EQ(folder.exit_code, 4);
  EXPECT_TRUE(Contains(folder.err, articles + " is not a kbsearch index: it holds articles")) << folder.err;
  EXPECT_FALSE(Contains(folder.err, "index --db " + articles)) << folder.err;
  EXPECT_FALSE(Contains(folder.err, "Couldn't stat"));

  // rollback of a mistyped directory creates nothing.
  const CliRun rollback = kbsearch({"rollback", "--db", dir / "typo"});
  EXPECT_EQ(rollback.exit_code, 4);
  EXPECT_TRUE(Contains(rollback.err, "there is no index in " + dir / "typo" + " to roll back"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "typo"));
}

TEST(CliMessages, BadArgumentsSayWhatWasGivenAndWhatToDo) {
  const CliRun negative = kbsearch({"search", "--db", db(), "--limit", "-1", "senha"});
  EXPECT_EQ(negative.exit_code, 2);
  EXPECT_TRUE(Contains(negative.err, "-1")) << negative.err;
  EXPECT_FALSE(Contains(negative.err, "18446744073709551615"));
  EXPECT_FALSE(Contains(negative.err, "after --"));  // -1 is a value, not a word to exclude

  const CliRun typo = kbsearch({"search", "--db", db(), "--limt", "3", "senha"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_TRUE(Contains(typo.err, "Did you mean --limit (for --limt)?")) << typo.err;

  const CliRun excluded = kbsearch({"search", "--db", db(), "senha", "-sso"});
  EXPECT_EQ(excluded.exit_code, 2);
  EXPECT_TRUE(Contains(excluded.err, "put the query after --")) << excluded.err;
  EXPECT_EQ(kbsearch({"search", "--db", db(), "--", "senha", "-sso"}).exit_code, 0);

  const TempDir dir;
  testutil::write_file(dir.path() / "queries.tsv", "pt\tsenha\n");
  const CliRun both = kbsearch({"search", "--db", db(), "--json", "--queries", dir / "queries.tsv", "senha"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_TRUE(Contains(both.err, "not both (the query 'senha' would be ignored)")) << both.err;
  EXPECT_EQ(both.parsed()["error"]["code"], "usage");  // --json: the error on stdout too

  const CliRun size = kbsearch({"index", "--db", dir / "kb", "--max-file-size", "8X", kCorpusDir.string()});
  EXPECT_EQ(size.exit_code, 2);
  EXPECT_TRUE(Contains(size.err, "expected a size such as 8M, 512K or 1048576, not '8X'")) << size.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "kb"));
  testutil::write_file(dir.path() / "big" / "big.md", "# Stor\n\n" + std::string(2000, 'a') + "\n");
  const CliRun small = kbsearch({"index", "--db", dir / "kb", "--json", "--max-file-size", "1K", dir / "big"});
  EXPECT_EQ(small.exit_code, 1);
  EXPECT_EQ(small.parsed()["failed"], 1);
  EXPECT_EQ(kbsearch({"index", "--db", dir / "kb", "--max-file-size", "1MiB", dir / "big"}).exit_code, 0);
}

TEST(CliMessages, ShortOptionsPagesAndEmptyResults) {
  const json short_options = kbsearch({"search", "--db", db(), "-j", "-n", "2", "-l", "sv", "lösenord"}).parsed();
  EXPECT_EQ(short_options["hits"].size(), 2u);
  EXPECT_EQ(short_options["query_languages"], json::array({"sv"}));

  // Totals are exact when facets are counted, Xapian's estimate otherwise.
  const CliRun exact = kbsearch({"search", "--db", db(), "--lang", "sv", "lösenord"});
  EXPECT_FALSE(Contains(exact.out, "About "));
  EXPECT_TRUE(Contains(kbsearch({"search", "--db", db(), "--no-facets", "lösenord"}).out, "About "));

  const CliRun past_end = kbsearch({"search", "--db", db(), "--offset", "500", "lösenord"});
  EXPECT_EQ(past_end.exit_code, 0);
  EXPECT_TRUE(Contains(past_end.out, "This page is empty: ")) << past_end.out;
  EXPECT_TRUE(Contains(past_end.out, "--offset 500 skips them all"));

  const CliRun nothing = kbsearch({"search", "--db", db(), "zzxqvy"});
  EXPECT_EQ(nothing.exit_code, 0);  // no match is an answer
  EXPECT_TRUE(Contains(nothing.out, "No articles match"));
  EXPECT_EQ(kbsearch({"search", "--db", db(), "--fail-on-empty", "zzxqvy"}).exit_code, 1);
  EXPECT_EQ(kbsearch({"search", "--db", db(), "--fail-on-empty", "lösenord"}).exit_code, 0);
}

// The command run on a terminal: script(1)'s pseudo-terminal, from util-linux
// (Debian's essential bsdutils), its output as the terminal shows it.
CliRun on_terminal(const std::vector<std::string>& args, const std::string& env = "") {
  const TempDir io;
  std::string inner = testutil::shell_quote(KBSEARCH_CLI);
  for (const auto& a : args) inner += " " + testutil::shell_quote(a);
  const std::string command = env + (env.empty() ? "" : " ") + "script -qec " + testutil::shell_quote(inner) +
                              " /dev/null >" + testutil::shell_quote(io / "out") + " 2>&1 </dev/null";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, testutil::read_file(io / "out"), ""};
}

// Titles and highlights are coloured on a terminal, highlights [bracketed]
// elsewhere; --color always or never decides alone; NO_COLOR turns auto off.
TEST(CliMessages, ColoursFollowTheColorOptionAndNoColor) {
  const std::string bold_yellow = "\033[1;33m";
  const std::vector<std::string> search = {"search", "--db", db(), "-l", "pt", "-n", "1", "senha"};
  const auto with = [&search](const std::vector<std::string>& more) {
    std::vector<std::string> args = search;
    args.insert(args.end(), more.begin(), more.end());
    return args;
  };
  const CliRun piped = kbsearch(search);
  EXPECT_FALSE(Contains(piped.out, "\033[")) << piped.out;
  EXPECT_TRUE(Contains(piped.out, "[senha]") || Contains(piped.out, "[Senha]")) << piped.out;
  EXPECT_TRUE(Contains(kbsearch(with({"--color", "always"})).out, bold_yellow));
  EXPECT_TRUE(Contains(kbsearch({"suggest", "--db", db(), "--color", "always", "senh"}).out, bold_yellow));

  const CliRun bad = kbsearch(with({"--color", "sometimes"}));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(Contains(bad.err, "--color")) << bad.err;

  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "script(1) (bsdutils) is not installed";
  const CliRun terminal = on_terminal(search);
  EXPECT_EQ(terminal.exit_code, 0) << terminal.out;
  EXPECT_TRUE(Contains(terminal.out, bold_yellow)) << terminal.out;
  EXPECT_FALSE(Contains(on_terminal(search, "NO_COLOR=1").out, "\033["));
  EXPECT_FALSE(Contains(on_terminal(with({"--color", "never"})).out, "\033["));
  EXPECT_TRUE(Contains(on_terminal(with({"--color", "always"}), "NO_COLOR=1").out, bold_yellow));
}

// 'side' on an index of its own (not sharded) changes nothing and says so:
// it once rewrote the stub, and the next index run called the index damaged.
TEST(CliMessages, SideRefusesAnIndexThatIsNotSharded) {
  const TempDir dir;
  testutil::write_file(dir.path() / "a" / "sv.md", "---\nlang: sv\n---\n# Lösenord\n\nGlömt lösenordet.\n");
  ASSERT_EQ(kbsearch({"index", "--db", dir / "kb", dir / "a"}).exit_code, 0);
  const std::string stub = testutil::read_file(dir.path() / "kb" / "XAPIANDB");
  for (const std::vector<std::string> more : {std::vector<std::string>{}, {"--remote", "127.0.0.1:9"}}) {
    std::vector<std::string> args = {"side", "--db", dir / "kb"};
    args.insert(args.end(), more.begin(), more.end());
    const CliRun side = kbsearch(args);
    EXPECT_EQ(side.exit_code, 2);
    EXPECT_TRUE(Contains(side.err, "holds an index of its own, not a sharded one")) << side.err;
    EXPECT_EQ(testutil::read_file(dir.path() / "kb" / "XAPIANDB"), stub);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "kb" / "side"));
  }
  testutil::write_file(dir.path() / "a" / "pt.md", "---\nlang: pt\n---\n# Senha\n\nEsqueci a senha.\n");
  const CliRun again = kbsearch({"index", "--db", dir / "kb", "--json", dir / "a"});
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_EQ(again.parsed()["added"], 1);
}

// Every command's --help ends with an example and its exit codes.
TEST(CliMessages, EveryCommandsHelpHasAnExampleAndItsExitCodes) {
  for (const std::string command : {"index", "rollback", "check", "search", "suggest", "eval", "analyze", "side",
                                    "serve-shard", "serve"}) {
    const CliRun help = kbsearch({command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_TRUE(Contains(help.out, "  kbsearch " + command + " ")) << command << ": no example\n" << help.out;
    EXPECT_TRUE(Contains(help.out, "Exit codes: ")) << command << ": no exit codes\n" << help.out;
  }
}

// Placeholders say what a value is (N, DIR, SECONDS, LANG=FILE), never the
// parser's types or checks ("TEXT", "N:UINT in [0 - 1024]").
TEST(CliMessages, PlaceholdersNameWhatAValueIs) {
  const std::regex parser_words(R"(\b(TEXT|INT|UINT|FLOAT|BOOLEAN|NUMBER|NONNEGATIVE|POSITIVE)\b| in \[|:\{)");
  std::size_t checked = 0;
  for (const std::string command : {"", "index", "rollback", "check", "search", "suggest", "eval", "analyze", "side",
                                    "serve-shard", "serve"}) {
    const std::string help = kbsearch(command.empty() ? std::vector<std::string>{"--help"}
                                                      : std::vector<std::string>{command, "--help"})
                                 .out;
    std::istringstream lines(help);
    bool listing = false;  // in the Options: or Positionals: list
    for (std::string line; std::getline(lines, line);) {
      if (line == "Options:" || line == "Positionals:") listing = true;
      else if (line.empty()) listing = false;
      else if (listing && line.rfind("  ", 0) == 0) {
        const std::string names_and_placeholder = line.substr(2, line.find("  ", 2) - 2);
        EXPECT_FALSE(std::regex_search(names_and_placeholder, parser_words)) << command << ": " << line;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 60u);  // every command's options were read
}

TEST(CliMessages, QuietIndexRunsSayNothingUnlessSomethingFailed) {
  const TempDir dir;
  testutil::write_file(dir.path() / "a" / "sv.md", "---\nlang: sv\n---\n# Lösenord\n\nGlömt lösenordet.\n");
  const CliRun quiet = kbsearch({"index", "--db", dir / "kb", "--quiet", dir / "a"});
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
  testutil::write_file(dir.path() / "a" / "broken.md", "---\ntags: [a\n---\nText\n");
  const CliRun failed = kbsearch({"index", "--db", dir / "kb", "-q", dir / "a"});
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_TRUE(Contains(failed.err, "broken.md: front matter"));
}

// With --json a run lists the ids it changed and the files it indexed
// twice; the text says so too, and a rebuild says it analysed every article.
TEST(CliIndexReport, IdsChangedAndDuplicatesAreReported) {
  const TempDir dir;
  const std::string text = "---\nlang: sw\n---\n# Kuweka upya nenosiri\n\nFungua mipangilio na uchague nenosiri.\n";
  testutil::write_file(dir.path() / "a" / "nenosiri.md", text);
  testutil::write_file(dir.path() / "a" / "senha.md", "---\nlang: pt\n---\n# Senha\n\nEsqueci a senha.\n");
  ASSERT_EQ(kbsearch({"index", "--db", dir / "kb", dir / "a"}).exit_code, 0);

  testutil::write_file(dir.path() / "a" / "nakala" / "nenosiri.md", text);
  testutil::write_file(dir.path() / "a" / "senha.md", "---\nlang: pt\n---\n# Senha\n\nEsqueci a minha senha.\n");
  const CliRun run = kbsearch({"index", "--db", dir / "kb", "--json", dir / "a"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json report = run.parsed();
  EXPECT_EQ(report["ids"], json::parse(R"({"added": ["nakala/nenosiri"], "updated": ["senha"], "deleted": []})"));
  // One warning naming both files (the later in path order, the earlier).
  ASSERT_EQ(report["warnings"].size(), 1u) << report.dump();
  const std::string copy = (dir.path() / "a" / "nenosiri.md").string();
  const std::string original = (dir.path() / "a" / "nakala" / "nenosiri.md").string();
  EXPECT_EQ(report["warnings"][0]["path"], copy);
  EXPECT_TRUE(Contains(run.err, "warning: " + copy + ": the same text as " + original +
                                    " (id 'nakala/nenosiri'), indexed again as id 'nenosiri'"))
      << run.err;
  EXPECT_EQ(kbsearch({"index", "--db", dir / "kb", "--quiet", dir / "a"}).err, "") << "a warning is not a failure";

  const CliRun rebuild = kbsearch({"index", "--db", dir / "kb", "--rebuild", dir / "a"});
  ASSERT_EQ(rebuild.exit_code, 0) << rebuild.err;
  EXPECT_TRUE(Contains(rebuild.err, "rebuilt " + (dir / "kb") + ", every article analysed afresh: 0 added, 0 "
                                    "updated, 0 deleted, 0 unchanged, 3 analysed again (text unchanged)"))
      << rebuild.err;
}

// `kbsearch index` started in the background; its process id, once it
// holds the index's lock (written into DIR/kbsearch.lock).
pid_t pid_holding_lock(const std::string& db) {
  const std::string lock = db + "/kbsearch.lock";
  for (int tries = 0; tries < 6000; ++tries) {
    if (std::filesystem::exists(lock)) {
      const std::string pid = testutil::read_file(lock);
      if (!pid.empty() && pid.back() == '\n') return static_cast<pid_t>(std::stol(pid));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return 0;
}

// SIGINT or SIGTERM in the middle of a run: it says what was committed and
// exits as the shell reports the signal (128 + N). (That the next run
// finishes is run_report_test's.)
TEST(CliIndexReport, ASignalStopsTheRunAndSaysWhatWasCommitted) {
  const TempDir dir;
  bench::generate_corpus((kCorpusDir / "articles").string(), dir / "kb", 3000);
  const std::string db = dir / "db";
  for (const int signal : {SIGTERM, SIGINT}) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      const std::string out = dir / "out.json", err = dir / "err.txt";
      freopen(out.c_str(), "w", stdout);
      freopen(err.c_str(), "w", stderr);
      execl(KBSEARCH_CLI, KBSEARCH_CLI, "index", "--db", db.c_str(), "--json", (dir / "kb").c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    const pid_t holder = pid_holding_lock(db);
    EXPECT_EQ(holder, child);
    kill(child, signal);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status)) << "killed by the signal instead of stopping";
    EXPECT_EQ(WEXITSTATUS(status), 128 + signal);
    const std::string err = testutil::read_file(dir / "err.txt");
    EXPECT_TRUE(Contains(err, std::string("interrupted by ") + (signal == SIGINT ? "SIGINT" : "SIGTERM") +
                                  ": nothing was committed. Readers have generation 1; run the same command "
                                  "again to finish."))
        << err;
    const json report = json::parse(testutil::read_file(dir / "out.json"));
    EXPECT_EQ(report["stopped"], true);
    EXPECT_EQ(report["added"], 0);
    std::filesystem::remove(db + "/kbsearch.lock");
  }
}

// On a terminal the progress bar's line is cleared before the message.
TEST(CliIndexReport, AStoppedRunClearsItsProgressBar) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "script(1) (bsdutils) is not installed";
  const TempDir dir;
  bench::generate_corpus((kCorpusDir / "articles").string(), dir / "kb", 3000);
  const std::string db = dir / "db";
  const std::string command = "script -qec " +
                              testutil::shell_quote(testutil::shell_quote(KBSEARCH_CLI) + " index --db " +
                                                    testutil::shell_quote(db) + " " +
                                                    testutil::shell_quote(dir / "kb")) +
                              " /dev/null >" + testutil::shell_quote(dir / "out") + " 2>&1 </dev/null";
  std::thread stopper([&db] {
    const pid_t holder = pid_holding_lock(db);
    if (holder > 0) kill(holder, SIGTERM);
  });
  const int status = std::system(command.c_str());
  stopper.join();
  EXPECT_EQ(WEXITSTATUS(status), 143);
  const std::string out = testutil::read_file(dir / "out");
  EXPECT_TRUE(Contains(out, "\r\033[Kinterrupted by SIGTERM: nothing was committed")) << out;
}

}  // namespace
}  // namespace kbsearch
