// End to end through the real `kbsearch` binary: the CLI contract scripts
// rely on (JSON fields, exit codes, errors on stderr).
#include <fcntl.h>
#include <gtest/gtest.h>

#include <fstream>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>
#include <nlohmann/json.hpp>

#include "cli/cli_run.h"
#include "kbsearch/indexer.h"
#include "shard_server.h"
#include "test_support.h"
#include "unicode_support.h"

namespace kbsearch {
namespace {

using nlohmann::json;
using testutil::kCorpusDir;
using testutil::kSeedsDir;
using testutil::CliRun;
using testutil::kbsearch;
using testutil::shell_quote;
using testutil::TempDir;

TEST(Cli, IndexesTheSeedsAsTheyAre) {
  const TempDir dir;
  const CliRun run = kbsearch({"index", "--db", dir / "kb", "--json", kSeedsDir.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json report = run.parsed();
  EXPECT_EQ(report["added"], 5);
  EXPECT_EQ(report["updated"], 0);
  EXPECT_EQ(report["deleted"], 0);
  EXPECT_EQ(report["unchanged"], 0);
  EXPECT_EQ(report["failed"], 0);
  EXPECT_EQ(report["errors"], json::array());
  EXPECT_NE(run.err.find("5 added"), std::string::npos);  // the human summary

  const CliRun again = kbsearch({"index", "--db", dir / "kb", "--json", kSeedsDir.string()});
  EXPECT_EQ(again.parsed()["unchanged"], 5);
}

class CliCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const CliRun run = kbsearch({"index", "--db", db(), kCorpusDir.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return *dir_ / "kb"; }
  static TempDir* dir_;
};
TempDir* CliCorpus::dir_ = nullptr;

TEST_F(CliCorpus, SearchJsonHasTheContractFields) {
  const CliRun run = kbsearch({"search", "--db", db(), "--json", "--limit", "3", "esqueci", "a", "senha"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json result = run.parsed();
  EXPECT_EQ(result["query"], "esqueci a senha");
  EXPECT_GE(result["total"].get<int>(), 1);
  ASSERT_EQ(result["hits"].size(), 3u);
  const json& top = result["hits"][0];
  EXPECT_EQ(top["rank"], 1);
  EXPECT_EQ(top["id"], "reset-password-pt");
  EXPECT_EQ(top["lang"], "pt");
  EXPECT_EQ(top["title"], "Redefinir ou alterar sua senha");
  EXPECT_EQ(top["path"], (kCorpusDir / "articles/reset-password/pt.md").string());
  EXPECT_GT(top["score"].get<double>(), result["hits"][1]["score"].get<double>());
  EXPECT_NE(top["snippet"].get<std::string>().find("senha"), std::string::npos);
}

// Facets counted over every match say so; past --facet-max-matches they
// are estimates, "about" in the text ("app" is in 35 articles).
TEST_F(CliCorpus, SearchSaysWhenFacetsAreEstimated) {
  const json exact = kbsearch({"search", "--db", db(), "--json", "app"}).parsed();
  EXPECT_EQ(exact["facets_exact"], true);
  const json estimated = kbsearch({"search", "--db", db(), "--json", "--facet-max-matches", "5", "app"}).parsed();
  EXPECT_EQ(estimated["facets_exact"], false);
  EXPECT_FALSE(estimated["facets"]["lang"].empty());
  const CliRun text = kbsearch({"search", "--db", db(), "--facet-max-matches", "5", "app"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out.find("About "), 0u) << text.out;
  EXPECT_NE(text.out.find("Languages (estimated): "), std::string::npos) << text.out;
  const CliRun counted = kbsearch({"search", "--db", db(), "app"});
  EXPECT_EQ(counted.out.find("About "), std::string::npos) << counted.out;
  EXPECT_NE(counted.out.find("\nLanguages: "), std::string::npos) << counted.out;
}

TEST_F(CliCorpus, EachLanguageFindsItsOwnArticleWithoutLang) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"ลืมรหัสผ่าน", "reset-password-th"},
      {"glömt lösenordet", "reset-password-sv"},
      {"şifremi unuttum", "reset-password-tr"},
      {"nenosiri limesahaulika", "reset-password-sw"},
      {"esqueci minha senha", "reset-password-pt"},
  };
  for (const auto& [query, id] : cases) {
    const CliRun run = kbsearch({"search", "--db", db(), "--json", query});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.parsed()["hits"][0]["id"], id) << query;
  }
}

// snippet_html and the UTF-16 and code point offsets beside the byte
// offsets, with the snippet length and marks the command line asks for.
TEST_F(CliCorpus, SearchJsonHasHighlightsReadyToShow) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"th", "รหัสผ่าน"}, {"sv", "lösenord"}, {"tr", "şifre"}, {"sw", "nenosiri"}, {"pt", "senha"}};
  for (const auto& [lang, query] : cases) {
    SCOPED_TRACE(query);
    const json marked = kbsearch({"search", "--db", db(), "--json", "--lang", lang, "--snippet-chars", "60",
                                  "--mark-pre", "<b class=\"hit\">", "--mark-post", "</b>", query})
                            .parsed();
    ASSERT_FALSE(marked["hits"].empty());
    for (const json& hit : marked["hits"]) {
      const std::string snippet = hit["snippet"];
      const std::string html = hit["snippet_html"];
      ASSERT_EQ(hit["highlights_utf16"].size(), hit["highlights"].size());
      ASSERT_EQ(hit["highlights_code_points"].size(), hit["highlights"].size());
      EXPECT_FALSE(hit["highlights"].empty()) << snippet;
      for (std::size_t i = 0; i < hit["highlights"].size(); ++i) {
        const std::size_t start = hit["highlights"][i][0], end = hit["highlights"][i][1];
        const std::string word = snippet.substr(start, end - start);
        EXPECT_EQ(testutil::utf16_slice(snippet, hit["highlights_utf16"][i][0], hit["highlights_utf16"][i][1]), word);
        EXPECT_EQ(testutil::code_point_slice(snippet, hit["highlights_code_points"][i][0],
                                             hit["highlights_code_points"][i][1]),
                  word);
        EXPECT_TRUE(testutil::Contains(html, "<b class=\"hit\">" + word + "</b>"));
      }
      // 60 characters, and the "… " and " …" that say where it was cut.
      EXPECT_LE(icu::UnicodeString::fromUTF8(snippet).countChar32(), 60 + 4) << snippet;
    }
    const json plain = kbsearch({"search", "--db", db(), "--json", "--lang", lang, "--limit", "1", query}).parsed();
    EXPECT_TRUE(testutil::Contains(plain["hits"][0]["snippet_html"], "<mark>"));
    EXPECT_GT(plain["hits"][0]["snippet"].get<std::string>().size(),
              marked["hits"][0]["snippet"].get<std::string>().size());
  }
}

TEST_F(CliCorpus, LangAndPaginationOptions) {
  const json all = kbsearch({"search", "--db", db(), "--json", "--lang", "sv", "--limit", "6",
                             "Orbit"}).parsed();
  const json page = kbsearch({"search", "--db", db(), "--json", "--lang", "sv", "--limit", "3",
                              "--offset", "3", "Orbit"}).parsed();
  ASSERT_EQ(all["hits"].size(), 6u);
  ASSERT_EQ(page["hits"].size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(page["hits"][i]["id"], all["hits"][3 + i]["id"]);
    EXPECT_EQ(page["hits"][i]["rank"], 4 + i);
  }
  for (const auto& hit : all["hits"]) EXPECT_EQ(hit["lang"], "sv");
}

TEST_F(CliCorpus, HumanOutputShowsRankTitleAndSnippet) {
  const CliRun run = kbsearch({"search", "--db", db(), "--limit", "1", "tvåstegsverifiering"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("  1. Aktivera tvåstegsverifiering  [sv]"), std::string::npos) << run.out;
  // Not a terminal: matches are bracketed, without colour codes.
  EXPECT_NE(run.out.find("[Tvåstegsverifiering]"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find('\033'), std::string::npos);
}

TEST_F(CliCorpus, HugePagesAreAUsageErrorOrEmpty) {
  const CliRun huge_limit = kbsearch({"search", "--db", db(), "--limit", "1000000000", "senha"});
  EXPECT_EQ(huge_limit.exit_code, 2);
  EXPECT_NE(huge_limit.err.find("the limit is 1000"), std::string::npos) << huge_limit.err;
  const CliRun huge_offset =
      kbsearch({"search", "--db", db(), "--json", "--offset", "1000000000000", "senha"});
  EXPECT_EQ(huge_offset.exit_code, 0) << huge_offset.err;
  EXPECT_EQ(huge_offset.parsed()["hits"], json::array());
}

TEST_F(CliCorpus, SearchJsonCarriesGroupsSectionsFacetsAndSuggestion) {
  const json result =
      kbsearch({"search", "--db", db(), "--json", "--lang", "tr", "yedek kodlar"}).parsed();
  const json& top = result["hits"][0];
  EXPECT_EQ(top["id"], "two-factor-authentication-tr");
  EXPECT_EQ(top["group"], "two-factor-authentication");
  EXPECT_EQ(top["languages"], json({"pt", "sv", "sw", "th", "tr"}));
  EXPECT_EQ(top["section"]["heading"], "Yedek kodlar");
  EXPECT_FALSE(top["section"]["anchor"].get<std::string>().empty());
  EXPECT_EQ(result["query_languages"], json({"tr"}));
  EXPECT_GE(result["facets"]["lang"].size(), 1u);
  EXPECT_GE(result["facets"]["tags"].size(), 1u);
  const json typo = kbsearch({"search", "--db", db(), "--json", "--lang", "sw", "nenosri"}).parsed();
  EXPECT_EQ(typo["suggestion"], "nenosiri");
  const CliRun human = kbsearch({"search", "--db", db(), "--lang", "sw", "nenosri"});
  EXPECT_NE(human.out.find("Did you mean: nenosiri"), std::string::npos) << human.out;
}

TEST_F(CliCorpus, AllTranslationsAndSortByUpdated) {
  const json every = kbsearch({"search", "--db", db(), "--json", "--all-translations", "--limit", "50",
                               "0x80070005 -group:README"}).parsed();
  EXPECT_EQ(every["hits"].size(), 5u);
  const json one = kbsearch({"search", "--db", db(), "--json", "0x80070005 -group:README"}).parsed();
  EXPECT_EQ(one["hits"].size(), 1u);
  const json sorted = kbsearch({"search", "--db", db(), "--json", "--sort", "updated", "--limit", "50",
                                "lang:pt"}).parsed();
  ASSERT_EQ(sorted["hits"].size(), 11u);  // ten articles and the Portuguese seed
  for (std::size_t i = 1; i < sorted["hits"].size(); ++i) {
    EXPECT_GE(sorted["hits"][i - 1]["updated"].get<std::string>(), sorted["hits"][i]["updated"].get<std::string>());
  }
}

// kbsearch kept running with a pipe to its standard input and one from its
// standard output, as a program in another language would use it.
class CoProcess {
 public:
  CoProcess(const std::vector<std::string>& args, const std::string& err_path) {
    // A child that died shows as a failed write, not as a signal ending the test.
    ::signal(SIGPIPE, SIG_IGN);
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    std::vector<std::string> argv = {KBSEARCH_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> c_argv;
    for (std::string& a : argv) c_argv.push_back(a.data());
    c_argv.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      ::dup2(::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 2);
      ::execv(c_argv[0], c_argv.data());
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    to_ = in[1];
    from_ = out[0];
  }
  ~CoProcess() {
    if (to_ >= 0) ::close(to_);
    ::close(from_);
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  CoProcess(const CoProcess&) = delete;
  CoProcess& operator=(const CoProcess&) = delete;

  bool write_line(const std::string& line) {
    const std::string bytes = line + "\n";
    return ::write(to_, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
  }

  // The next line of its output; nothing when the output ends or no line
  // comes within `seconds` (generous: a regression fails, it does not hang).
  std::optional<std::string> read_line(int seconds = 60) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    for (;;) {
      const std::size_t end = buffer_.find('\n');
      if (end != std::string::npos) {
        std::string line = buffer_.substr(0, end);
        buffer_.erase(0, end + 1);
        return line;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      pollfd ready{from_, POLLIN, 0};
      if (left.count() <= 0 || ::poll(&ready, 1, static_cast<int>(left.count())) != 1) return std::nullopt;
      char chunk[4096];
      const ssize_t n = ::read(from_, chunk, sizeof chunk);
      if (n <= 0) return std::nullopt;
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  // Closes its input and returns its exit status once its output ends, or
  // -1 (and kills it) when that takes more than `seconds`.
  int close_and_wait(int seconds = 60) {
    ::close(to_);
    to_ = -1;
    while (read_line(seconds)) {
    }
    pollfd ended{from_, POLLIN, 0};
    if (::poll(&ended, 1, 0) != 1) return -1;  // output still open: the destructor kills it
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
  std::string buffer_;
};

// Each answer is read before the next query is written: it proves that a
// line is answered when it arrives, not when the input ends. /dev/stdin is
// read as any file is, without std::cin's tie that flushes std::cout.
TEST_F(CliCorpus, QueriesOnStandardInputAreAnsweredAsTheyArrive) {
  const std::vector<std::pair<std::string, std::string>> exchanges = {
      {"sv\tåterbetalning", "invoices-and-refunds-sv"},
      {"\tลืมรหัสผ่าน", "reset-password-th"},
  };
  for (const std::string input : {"-", "/dev/stdin"}) {
    SCOPED_TRACE(input);
    const TempDir dir;
    CoProcess kb({"search", "--db", db(), "--queries", input, "--json"}, dir / "err");
    for (std::size_t i = 0; i < exchanges.size(); ++i) {
      ASSERT_TRUE(kb.write_line(exchanges[i].first)) << testutil::read_file(dir / "err");
      const std::optional<std::string> answer = kb.read_line();
      ASSERT_TRUE(answer) << "no answer to '" << exchanges[i].first << "' while its input is open; stderr: "
                          << testutil::read_file(dir / "err");
      const json parsed = json::parse(*answer);
      EXPECT_EQ(parsed["line"], i + 1);
      ASSERT_FALSE(parsed["hits"].empty()) << *answer;
      EXPECT_EQ(parsed["hits"][0]["id"], exchanges[i].second);
    }
    EXPECT_EQ(kb.close_and_wait(), 0) << testutil::read_file(dir / "err");
  }
}

// Every kind of bad line is answered with its line number and the batch goes
// on to the good ones, from a file and from standard input alike.
TEST_F(CliCorpus, BadQueryLinesAreAnsweredAndTheBatchGoesOn) {
  const TempDir dir;
  testutil::write_file(dir.path() / "q.tsv",
                       "sv\tåterbetalning\n"      // 1
                       "no tab in this line\n"    // 2
                       "pt\tsenha \xC3\x28\n"     // 3: invalid UTF-8 in the query
                       "\n"                       // 4: blank, skipped
                       "pt\t(senha\n"             // 5: rejected by the parser
                       "sv\tlösenord\textra\n"    // 6: three fields
                       "\xFF\tsenha\n"            // 7: invalid UTF-8 in the language
                       "\tลืมรหัสผ่าน\r\n");      // 8
  struct Expected {
    std::size_t line;
    std::string top_hit, error_code, message;
  };
  const std::vector<Expected> expected = {
      {1, "invoices-and-refunds-sv", "", ""},
      {2, "", "malformed_line", "expected lang<TAB>query (2 tab-separated fields), found 1"},
      {3, "", "rejected_query", "is not valid UTF-8 (byte 7)"},
      {5, "", "rejected_query", "'(' at character 1 is never closed"},
      {6, "", "malformed_line", "found 3"},
      {7, "", "rejected_query", "unknown language code"},
      {8, "reset-password-th", "", ""},
  };
  for (const bool from_stdin : {false, true}) {
    SCOPED_TRACE(from_stdin ? "standard input" : "file");
    const CliRun run = from_stdin ? kbsearch({"search", "--db", db(), "--queries", "-"}, dir / "q.tsv")
                                  : kbsearch({"search", "--db", db(), "--queries", dir / "q.tsv"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    std::vector<json> answers;
    std::istringstream out(run.out);
    for (std::string line; std::getline(out, line);) answers.push_back(json::parse(line));  // valid UTF-8 too
    ASSERT_EQ(answers.size(), expected.size()) << run.out;
    const std::string name = from_stdin ? "<stdin>" : dir / "q.tsv";
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const Expected& e = expected[i];
      EXPECT_EQ(answers[i]["line"], e.line) << answers[i];
      if (e.error_code.empty()) {
        EXPECT_EQ(answers[i]["hits"][0]["id"], e.top_hit) << answers[i];
        EXPECT_GE(answers[i]["took_ms"].get<double>(), 0.0);
        EXPECT_FALSE(testutil::Contains(run.err, name + ":" + std::to_string(e.line) + ":"));
      } else {
        EXPECT_EQ(answers[i]["error"]["code"], e.error_code) << answers[i];
        EXPECT_TRUE(testutil::Contains(answers[i]["error"]["message"].get<std::string>(), e.message));
        EXPECT_TRUE(testutil::Contains(run.err, name + ":" + std::to_string(e.line) + ": "));
      }
    }
  }
}

// The project's relevance collection (tests/relevance/): ranking changes
// must not lose what it measured when they were made (README, "Relevance").
TEST_F(CliCorpus, RelevanceCollectionKeepsItsMrr) {
  const std::string dir = (testutil::kSourceDir / "tests/relevance").string();
  const CliRun run = kbsearch({"eval", "--db", db(), "--json", "--queries", dir + "/queries.tsv",
                               "--qrels", dir + "/qrels.tsv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json figures = run.parsed();
  EXPECT_GE(figures["overall"]["queries"].get<int>(), 125);
  EXPECT_GE(figures["overall"]["mrr@10"].get<double>(), 0.948);
  // Each language's figure in the README less 0.01.
  const std::map<std::string, double> floors = {
      {"pt", 0.977}, {"sv", 0.929}, {"sw", 0.978}, {"th", 0.941}, {"tr", 0.919}};
  for (const auto& [lang, floor] : floors) {
    EXPECT_GE(figures["languages"][lang]["queries"].get<int>(), 25) << lang;
    EXPECT_GE(figures["languages"][lang]["mrr@10"].get<double>(), floor) << lang;
  }
}

TEST_F(CliCorpus, QueryLanguageAndSuggestionsInEveryLanguage) {
  struct Case {
    std::string lang, query, top, misspelled, suggestion;
  };
  const std::vector<Case> cases = {
      {"th", "\"สองขั้นตอน\" tag:security", "two-factor-authentication-th", "ใบแจ้งหนีั", "ใบแจ้งหนี้"},
      {"sv", "tvåsteg* -SSO", "two-factor-authentication-sv", "återbetalnimg", "återbetalning"},
      {"tr", "\"iki adımlı\" OR yedek", "two-factor-authentication-tr", "şifrenzi", "şifrenizi"},
      {"sw", "uthibitish* lang:sw", "two-factor-authentication-sw", "nenosri", "nenosiri"},
      {"pt", "title:(\"duas etapas\")", "two-factor-authentication-pt", "reembolco", "reembolso"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.lang);
    const CliRun run = kbsearch({"search", "--db", db(), "--json", "--lang", c.lang, c.query});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.parsed()["hits"][0]["id"], c.top);
    const json typo = kbsearch({"search", "--db", db(), "--json", "--lang", c.lang, c.misspelled}).parsed();
    EXPECT_EQ(typo["suggestion"], c.suggestion);
  }
  // Exclusions on the command line go after "--".
  const json excluded = kbsearch({"search", "--db", db(), "--json", "--lang", "sv", "--", "lösenord", "-SSO"}).parsed();
  for (const json& hit : excluded["hits"]) EXPECT_NE(hit["id"], "reset-password-sv");
  EXPECT_FALSE(excluded["hits"].empty());
  const CliRun bad = kbsearch({"search", "--db", db(), "(lösenord"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("'(' at character 1 is never closed"), std::string::npos) << bad.err;
}

TEST_F(CliCorpus, NoMatchIsNotAnError) {
  const CliRun run = kbsearch({"search", "--db", db(), "--json", "zzyzx"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.parsed()["hits"], json::array());
  EXPECT_EQ(run.parsed()["total"], 0);
}

TEST(Cli, AnalyzeSplitsThaiIntoWords) {
  const CliRun run = kbsearch({"analyze", "--lang", "th", "--json", "การสนับสนุนและการบริการลูกค้า"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json tokens = run.parsed()["tokens"];
  const std::vector<std::tuple<std::string, int, int>> expected = {
      {"การ", 0, 9},    {"สนับสนุน", 9, 33}, {"และ", 33, 42},
      {"การ", 42, 51},  {"บริการ", 51, 69},  {"ลูกค้า", 69, 87}};
  ASSERT_EQ(tokens.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(tokens[i]["text"], std::get<0>(expected[i]));
    EXPECT_EQ(tokens[i]["term"], std::get<0>(expected[i]));
    EXPECT_EQ(tokens[i]["start"], std::get<1>(expected[i]));
    EXPECT_EQ(tokens[i]["end"], std::get<2>(expected[i]));
    EXPECT_EQ(tokens[i]["position"], i);
  }
}

TEST(Cli, AnalyzeUsesTurkishCasing) {
  const json tokens = kbsearch({"analyze", "--lang", "tr", "--json", "İLK", "YAZILIM"}).parsed()["tokens"];
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0]["term"], "ilk");
  EXPECT_EQ(tokens[1]["term"], "yazılım");
  EXPECT_EQ(tokens[1]["start"], 5);
}

TEST(Cli, AnalyzeExplainShowsEveryStage) {
  const json stages =
      kbsearch({"analyze", "--lang", "tr", "--explain", "--json", "SLA'ları"}).parsed()["stages"];
  std::vector<std::string> names;
  for (const auto& s : stages) names.push_back(s["stage"]);
  EXPECT_EQ(names, (std::vector<std::string>{"normalize", "segment", "join", "case", "split", "stop",
                                             "stem", "fold"}));
  EXPECT_EQ(stages[3]["tokens"][0]["term"], "sla'ları");  // case: Turkish I rules
  EXPECT_EQ(stages[4]["tokens"][0]["term"], "sla");       // split: suffix dropped
  EXPECT_EQ(stages[4]["tokens"][0]["text"], "SLA'ları");  // text and offsets unchanged
  EXPECT_EQ(stages[4]["tokens"][0]["end"], 9);

  const CliRun human = kbsearch({"analyze", "--lang", "sv", "--explain", "kundsupportförfrågningar"});
  EXPECT_NE(human.out.find("split:"), std::string::npos);
  EXPECT_NE(human.out.find("+ kundsupportförfrågningar -> förfrågningar"), std::string::npos) << human.out;
}

TEST(Cli, KeepWholeListsAreReadAndStored) {
  const TempDir dir;
  testutil::write_file(dir.path() / "th-words.txt", "# Thai compounds\nรหัสผ่าน\n\n");
  testutil::write_file(dir.path() / "kb" / "a.md", "---\nlang: th\n---\nตั้งรหัสผ่านใหม่\n");
  const CliRun run = kbsearch({"index", "--db", dir / "db", "--keep-whole", "th=" + dir / "th-words.txt",
                               dir / "kb"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(kbsearch({"search", "--db", dir / "db", "--json", "รหัส"}).parsed()["total"], 0);
  EXPECT_EQ(kbsearch({"search", "--db", dir / "db", "--json", "รหัสผ่าน"}).parsed()["total"], 1);

  const CliRun bad = kbsearch({"index", "--db", dir / "db", "--keep-whole", "th", dir / "kb"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("LANG=FILE"), std::string::npos) << bad.err;
}

TEST(Cli, SynonymFilesAreReadAndStored) {
  const TempDir dir;
  testutil::write_file(dir.path() / "kb/a.md", "---\nid: a\nlang: pt\n---\n# Reembolso\n\nPeça o reembolso.\n");
  testutil::write_file(dir.path() / "pt.txt", "# refunds\nressarcimento, reembolso, devolução do dinheiro\n");
  const CliRun run = kbsearch({"index", "--db", dir / "db", "--synonyms", "pt=" + dir / "pt.txt", dir / "kb"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(kbsearch({"search", "--db", dir / "db", "--json", "--lang", "pt", "ressarcimento"}).parsed()["total"], 1);
  testutil::write_file(dir.path() / "bad.txt", "ressarcimento\n");
  const CliRun bad = kbsearch({"index", "--db", dir / "db", "--synonyms", "pt=" + dir / "bad.txt", dir / "kb"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.txt:1"), std::string::npos) << bad.err;
}

TEST(Cli, BadFilesGiveExitCodeOneAndNameTheFile) {
  const TempDir dir;
  testutil::write_file(dir.path() / "articles" / "good.md", "# Hur byter jag lösenord?\n\nGå till Inställningar.\n");
  testutil::write_file(dir.path() / "articles" / "broken.md", "---\nlang: sv\ntags: [a\n---\nText\n");
  const CliRun run = kbsearch({"index", "--db", dir / "kb", "--json", dir / "articles"});
  EXPECT_EQ(run.exit_code, 1);
  const json report = run.parsed();
  EXPECT_EQ(report["added"], 1);
  EXPECT_EQ(report["failed"], 1);
  ASSERT_EQ(report["errors"].size(), 1u);
  EXPECT_EQ(report["errors"][0]["path"], (dir.path() / "articles" / "broken.md").string());
  EXPECT_NE(run.err.find("broken.md: front matter: invalid YAML"), std::string::npos) << run.err;
}

TEST(Cli, ErrorsHaveDocumentedExitCodes) {
  const TempDir dir;
  const CliRun missing_index = kbsearch({"search", "--db", dir / "none", "senha"});
  EXPECT_EQ(missing_index.exit_code, 4);
  EXPECT_NE(missing_index.err.find("kbsearch index --db"), std::string::npos) << missing_index.err;

  const CliRun no_db = kbsearch({"search", "senha"});
  EXPECT_EQ(no_db.exit_code, 2);
  EXPECT_NE(no_db.err.find("--db"), std::string::npos);

  const CliRun bad_lang = kbsearch({"analyze", "--lang", "Swedish!", "hej"});
  EXPECT_EQ(bad_lang.exit_code, 2);
  EXPECT_NE(bad_lang.err.find("unknown language code"), std::string::npos);

  Indexer holder(dir / "locked");  // holds the write lock
  const CliRun locked = kbsearch({"index", "--db", dir / "locked", kSeedsDir.string()});
  EXPECT_EQ(locked.exit_code, 3);
  EXPECT_NE(locked.err.find("is locked by process " + std::to_string(::getpid())), std::string::npos)
      << locked.err;
  const CliRun waited = kbsearch({"index", "--db", dir / "locked", "--wait", "0.3", kSeedsDir.string()});
  EXPECT_EQ(waited.exit_code, 3);  // still held after the wait

  ASSERT_EQ(kbsearch({"index", "--db", dir / "seeds-kb", kSeedsDir.string()}).exit_code, 0);
  const CliRun no_rollback = kbsearch({"rollback", "--db", dir / "seeds-kb"});
  EXPECT_NE(no_rollback.exit_code, 0);
  EXPECT_NE(no_rollback.err.find("no previous generation"), std::string::npos) << no_rollback.err;
}

TEST(Cli, ProgressBarOnlyOnATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "util-linux script missing";
  const TempDir dir;
  // script(1) gives the indexer a terminal for stdout and stderr.
  const std::string command = "script -qec " +
                              shell_quote(shell_quote(KBSEARCH_CLI) + " index --db " + shell_quote(dir / "kb") +
                                          " " + shell_quote(kCorpusDir.string())) +
                              " /dev/null > " + shell_quote(dir / "tty.out");
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string tty = testutil::read_file(dir / "tty.out");
  EXPECT_NE(tty.find("\r["), std::string::npos) << tty;
  EXPECT_NE(tty.find("56/56 files"), std::string::npos) << tty;
  EXPECT_NE(tty.find("ETA"), std::string::npos);
}

TEST(Cli, NightlyJobOptions) {
  const TempDir dir;
  const std::string db = dir / "kb";
  // Not a terminal: no progress bar, only the summary line.
  const CliRun first = kbsearch({"index", "--db", db, "--json", "--threads", "2", kSeedsDir.string()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.err.find('\r'), std::string::npos);
  const json report = first.parsed();
  EXPECT_EQ(report["generation"], 1);
  EXPECT_EQ(report["dry_run"], false);
  for (const char* part : {"read", "analyze", "write"}) EXPECT_TRUE(report["timings"][part].is_number());

  testutil::write_file(dir.path() / "more" / "extra.md", "---\nlang: sv\n---\nOm webbkrokar.\n");
  const json dry = kbsearch({"index", "--db", db, "--json", "--dry-run", (dir.path() / "more").string()}).parsed();
  EXPECT_EQ(dry["dry_run"], true);
  EXPECT_EQ(dry["added"], 1);
  EXPECT_EQ(kbsearch({"search", "--db", db, "--json", "webbkrokar"}).parsed()["total"], 0);

  const json rebuilt = kbsearch({"index", "--db", db, "--json", "--rebuild", (dir.path() / "more").string()}).parsed();
  EXPECT_EQ(rebuilt["generation"], 2);
  EXPECT_EQ(kbsearch({"search", "--db", db, "--json", "webbkrokar"}).parsed()["total"], 1);
  const CliRun back = kbsearch({"rollback", "--db", db});
  EXPECT_EQ(back.exit_code, 0) << back.err;
  EXPECT_NE(back.err.find("generation 1"), std::string::npos);
  EXPECT_EQ(kbsearch({"search", "--db", db, "--json", "webbkrokar"}).parsed()["total"], 0);
}

// The IPv4 address a socket listening on `port` is bound to, from the
// kernel's table (/proc/net/tcp: hex address:port, state 0A for LISTEN).
std::string listening_address(int port) {
  std::ifstream table("/proc/net/tcp");
  std::string line;
  std::getline(table, line);  // the header
  while (std::getline(table, line)) {
    std::istringstream fields(line);
    std::string slot, local, remote, state;
    fields >> slot >> local >> remote >> state;
    const auto colon = local.find(':');
    if (state != "0A" || std::stoi(local.substr(colon + 1), nullptr, 16) != port) continue;
    const unsigned long ip = std::stoul(local.substr(0, colon), nullptr, 16);  // little-endian bytes
    return std::to_string(ip & 0xFF) + "." + std::to_string((ip >> 8) & 0xFF) + "." +
           std::to_string((ip >> 16) & 0xFF) + "." + std::to_string(ip >> 24);
  }
  return "(not listening)";
}

// The sharded deployment from the command line: index into shards, serve
// them with serve-shard, point a search directory at them with side, and
// search with a shard down.
TEST(CliShards, IndexServeLinkAndSearchShards) {
  const TempDir dir;
  const std::string local = dir / "local", remote = dir / "remote";
  const CliRun indexed = kbsearch({"index", "--db", local, "--shards", "2", "--json", kCorpusDir.string()});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_EQ(indexed.parsed()["added"], 56);

  const CliRun bad_shard = kbsearch({"index", "--db", local, "--shard", "3/2", kCorpusDir.string()});
  EXPECT_EQ(bad_shard.exit_code, 2);
  EXPECT_TRUE(testutil::Contains(bad_shard.err, "expected K/N with 1 <= K <= N, got '3/2'"));
  const CliRun recount = kbsearch({"index", "--db", local, "--shards", "4", kCorpusDir.string()});
  EXPECT_EQ(recount.exit_code, 4);
  EXPECT_TRUE(testutil::Contains(recount.err, "has 2 shards, not 4"));
  const CliRun one_shard = kbsearch({"index", "--db", local, "--shard", "2/2", "--json", kCorpusDir.string()});
  ASSERT_EQ(one_shard.exit_code, 0) << one_shard.err;
  EXPECT_EQ(one_shard.parsed()["unchanged"].get<int>() + one_shard.parsed()["elsewhere"].get<int>(), 56);

  std::vector<std::unique_ptr<testutil::LoopbackServer>> servers;
  std::vector<std::string> side = {"side", "--db", remote};
  for (const std::string shard : {"1/2", "2/2"}) {
    std::vector<std::string> serve = {KBSEARCH_CLI, "serve-shard", "--db", local, "--shard", shard, "--port", "PORT"};
    // The first listens where it is told, the second where it listens unless
    // told: on loopback, never on every interface.
    if (shard == "1/2") serve.insert(serve.end(), {"--interface", "127.0.0.1"});
    servers.push_back(std::make_unique<testutil::LoopbackServer>(serve));
    side.insert(side.end(), {"--remote", servers.back()->address()});
  }
  const std::string address = servers.back()->address();
  EXPECT_EQ(listening_address(std::stoi(address.substr(address.rfind(':') + 1))), "127.0.0.1");
  const CliRun linked = kbsearch(side);
  ASSERT_EQ(linked.exit_code, 0) << linked.err;
  EXPECT_TRUE(testutil::Contains(linked.err, "spelling words"));

  const std::vector<std::string> query = {"--json", "--lang", "pt", "esqueci", "a", "senha"};
  auto search = [&](const std::string& db, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"search", "--db", db};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), query.begin(), query.end());
    return kbsearch(args);
  };
  const CliRun from_local = search(local), from_remote = search(remote);
  ASSERT_EQ(from_remote.exit_code, 0) << from_remote.err;
  EXPECT_EQ(from_remote.parsed()["hits"], from_local.parsed()["hits"]);
  EXPECT_EQ(from_remote.parsed()["missing_shards"], json::array());

  const std::string down = servers.back()->address();
  servers.back()->kill();
  const CliRun failed = search(remote);
  EXPECT_EQ(failed.exit_code, 4);
  EXPECT_TRUE(testutil::Contains(failed.err, "'remote " + down + "' does not answer"));
  const CliRun partial = search(remote, {"--allow-missing-shards"});
  ASSERT_EQ(partial.exit_code, 0) << partial.err;
  EXPECT_EQ(partial.parsed()["missing_shards"], json::array({"remote " + down}));
  EXPECT_FALSE(partial.parsed()["hits"].empty());

  const CliRun not_an_index = kbsearch({"serve-shard", "--db", dir / "nothing", "--port", "1"});
  EXPECT_EQ(not_an_index.exit_code, 4);
}

}  // namespace
}  // namespace kbsearch
