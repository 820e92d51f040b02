// kbsearch(1), as `kbsearch --man` writes it (and CMake installs it): it
// describes every command and option that --help lists, the exit codes and
// the environment, and groff renders it without a warning, saying what
// --help says.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_run.h"
#include "test_support.h"

namespace kbsearch {
namespace {

using testutil::CliRun;
using testutil::Contains;
using testutil::kbsearch;
using testutil::shell_quote;
using testutil::TempDir;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The names a section of --help lists ("Subcommands", "Options",
// "Positionals"): "index"; "-n", "--limit"; "paths".
std::vector<std::string> help_names(const std::string& help, const std::string& title) {
  std::vector<std::string> names;
  bool in_section = false;
  for (const std::string& line : lines_of(help)) {
    if (line == title + ":") {
      in_section = true;
    } else if (line.empty() || line.back() == ':') {
      in_section = false;
    } else if (in_section && line.size() > 2 && line.rfind("  ", 0) == 0 && line[2] != ' ') {
      std::istringstream names_in(line.substr(2, line.find(' ', 2) - 2));
      for (std::string name; std::getline(names_in, name, ',');) names.push_back(name);
    }
  }
  return names;
}

// A name as the page writes it: each hyphen as \-.
std::string roff(const std::string& name) {
  std::string out;
  for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

// The page from `heading` (".SS index", ".SH ENVIRONMENT") to the next
// heading; empty when there is no such heading.
std::string section(const std::string& page, const std::string& heading) {
  const std::size_t start = page.find("\n" + heading + "\n");
  if (start == std::string::npos) return "";
  const std::size_t end = page.find("\n.S", start + heading.size() + 1);
  return page.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// The tags of a section's .TP entries: "\fB0\fR" gives "0".
std::vector<std::string> bold_tags(const std::string& text) {
  std::vector<std::string> tags;
  const std::vector<std::string> lines = lines_of(text);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string& tag = lines[i + 1];
    if (lines[i] == ".TP" && tag.rfind("\\fB", 0) == 0 && tag.size() > 6) tags.push_back(tag.substr(3, tag.size() - 6));
  }
  return tags;
}

std::string collapse_spaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (!space) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

TEST(ManPage, DescribesEveryCommandAndOptionThatHelpLists) {
  const CliRun man = kbsearch({"--man"});
  ASSERT_EQ(man.exit_code, 0) << man.err;
  EXPECT_EQ(man.err, "");
  const CliRun help = kbsearch({"--help"});
  EXPECT_FALSE(Contains(help.out, "--man")) << "--man is hidden from --help";

  const std::vector<std::string> commands = help_names(help.out, "Subcommands");
  ASSERT_NE(std::find(commands.begin(), commands.end(), "serve-shard"), commands.end()) << help.out;
  for (const std::string& command : commands) {
    const std::string text = section(man.out, ".SS " + roff(command));
    ASSERT_FALSE(text.empty()) << "no section for " << command;
    EXPECT_TRUE(Contains(text, "\n\\fBkbsearch " + roff(command) + "\\fR")) << "no usage line";
    const std::string command_help = kbsearch({command, "--help"}).out;
    const std::vector<std::string> options = help_names(command_help, "Options");
    ASSERT_NE(std::find(options.begin(), options.end(), "--help"), options.end()) << command_help;
    for (const std::string& option : options) {
      if (option == "-h" || option == "--help") continue;  // said once, for every command
      EXPECT_TRUE(Contains(text, "\\fB" + roff(option) + "\\fR")) << command << " " << option;
    }
    for (const std::string& positional : help_names(command_help, "Positionals")) {
      EXPECT_TRUE(Contains(text, "\\fI" + roff(positional) + "\\fR")) << command << " " << positional;
    }
  }

  const std::vector<std::string> codes = bold_tags(section(man.out, ".SH \"EXIT STATUS\""));
  EXPECT_EQ(codes, (std::vector<std::string>{"0", "1", "2", "3", "4", "5", "6", "130", "143"}));
  const std::vector<std::string> variables = bold_tags(section(man.out, ".SH ENVIRONMENT"));
  for (const std::string variable : {"NO_COLOR", "XAPIAN_FLUSH_THRESHOLD"}) {
    EXPECT_NE(std::find(variables.begin(), variables.end(), variable), variables.end()) << variable;
  }
}

// What a reader of the rendered page sees is what --help says: each
// command's description, and its examples as they are typed — Thai,
// quotes and hyphens included.
TEST(ManPage, RendersWithoutWarningsSayingWhatHelpSays) {
  if (std::system("command -v groff >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "groff is not installed (Debian groff-base, which scripts/setup-debian.sh installs)";
  }
  const TempDir dir;
  const CliRun man = kbsearch({"--man"});
  ASSERT_EQ(man.exit_code, 0) << man.err;
  testutil::write_file(dir.path() / "kbsearch.1", man.out);
  // groff OPTIONS... on the page: its exit status, standard output and error.
  // -k: the page is read as UTF-8 (through preconv), as man does; -ww: every
  // warning; -P-cbou: bold and italics without overstriking.
  const auto groff = [&](const std::string& options) {
    const std::string command = "groff -k -man -Tutf8 -ww -P-cbou " + options + " " + shell_quote(dir / "kbsearch.1") +
                                " >" + shell_quote(dir / "out") + " 2>" + shell_quote(dir / "err");
    const int status = std::system(command.c_str());
    return CliRun{WIFEXITED(status) ? WEXITSTATUS(status) : -1, testutil::read_file(dir.path() / "out"),
                  testutil::read_file(dir.path() / "err")};
  };
  const CliRun standard = groff("");  // 78 columns, as man on a terminal of 80
  ASSERT_EQ(standard.exit_code, 0);
  EXPECT_EQ(standard.err, "");
  // No word broken with a hyphen (U+2010) that a reader would copy, however
  // narrow the terminal (groff then warns of lines it cannot break).
  const CliRun narrow = groff("-rLL=40n");
  ASSERT_EQ(narrow.exit_code, 0);
  EXPECT_EQ(narrow.out.find("\u2010"), std::string::npos);
  // Lines long enough never to be broken.
  const CliRun wide = groff("-rLL=5000n");
  ASSERT_EQ(wide.exit_code, 0);
  EXPECT_EQ(wide.err, "");
  const std::string& rendered = wide.out;
  const std::string words = collapse_spaces(rendered);

  bool non_ascii = false, quote = false;
  for (const std::string& command : help_names(kbsearch({"--help"}).out, "Subcommands")) {
    const std::vector<std::string> help = lines_of(kbsearch({command, "--help"}).out);
    ASSERT_FALSE(help.empty()) << command;
    // Not Contains: the page would be printed for every line it lacks.
    EXPECT_NE(words.find(collapse_spaces(help.front())), std::string::npos) << command << ": " << help.front();
    for (const std::string& line : help) {
      if (line.rfind("  kbsearch ", 0) != 0) continue;
      const std::string example = line.substr(2);
      EXPECT_NE(rendered.find(" " + example + "\n"), std::string::npos) << example;
      non_ascii |= std::any_of(example.begin(), example.end(), [](char c) { return (c & 0x80) != 0; });
      quote |= example.find('\'') != std::string::npos;
    }
  }
  EXPECT_TRUE(non_ascii) << "no example in Thai or with accents: UTF-8 went unchecked";
  EXPECT_TRUE(quote) << "no example with a quote: its rendering went unchecked";
}

}  // namespace
}  // namespace kbsearch
