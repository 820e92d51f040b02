#include "man_page.h"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kbsearch/version.h"

namespace kbsearch::cli {
namespace {

struct EnvironmentVariable {
  const char* name;
  const char* meaning;
};

// Every environment variable that changes what kbsearch does, in one place.
// NO_COLOR is read in terminal.cc; the others by Xapian itself, whose only
// other variable, XAPIAN_CJK_NGRAM, is for its term generator and query
// parser, which kbsearch does not use. A new getenv belongs here too.
constexpr EnvironmentVariable kEnvironment[] = {
    {"NO_COLOR",
     "Set to anything but the empty string, turns colours off in the output of search and suggest with --color "
     "auto (the default), as https://no-color.org asks."},
    {"XAPIAN_FLUSH_THRESHOLD",
     "After how many changed articles Xapian writes its buffered changes to the index files (still "
     "uncommitted). When set, it wins over index --flush-every."},
    {"XAPIAN_MAX_CHANGESETS",
     "How many changesets Xapian keeps beside an index it commits. Set it (to 10, say) for the index runs of a "
     "shard whose replicas xapian-replicate-server serves."},
};

// The files in an index directory DIR (README: "Command line", "Scaling out").
constexpr std::pair<const char*, const char*> kIndexFiles[] = {
    {"/XAPIANDB", "The Xapian stub file that names the current generation, which is what searchers open."},
    {"/gen-NNNNNN/", "The generations: the current one and the one before it, for kbsearch rollback."},
    {"/kbsearch.lock", "The lock of the one writer (flock(2): the kernel releases it when the writer dies)."},
    {"/shard-K-of-N/", "In a sharded index, shard K of N: an index directory of its own."},
    {"/side/", "In a sharded index, the spelling, synonyms and keep-whole lists of all shards."},
    {"/SHARDS", "In a sharded index, the shard count."},
};

// `text` as roff text lines, which a reader can copy from the page and
// type as they are: every hyphen is \- (help2man does the same), a
// backslash \e, and the ASCII characters that groff may print as
// typographic ones (an apostrophe as a closing quote, say) are named;
// a line starting with '.' starts with \& so that it is text.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && c == '.') out += "\\&";
    line_start = c == '\n';
    switch (c) {
      case '-': out += "\\-"; break;
      case '\\': out += "\\e"; break;
      case '\'': out += "\\(aq"; break;
      case '`': out += "\\(ga"; break;
      case '^': out += "\\(ha"; break;
      case '~': out += "\\(ti"; break;
      default: out += c;
    }
  }
  return out;
}

std::string bold(std::string_view text) { return "\\fB" + roff(text) + "\\fR"; }
std::string italic(std::string_view text) { return "\\fI" + roff(text) + "\\fR"; }

// `text` with a full stop at its end.
std::string sentence(std::string text) {
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(text.substr(start, end - start));
  }
  lines.push_back(text.substr(start));
  return lines;
}

// A footer as --help prints it (commands.h's commands all follow it): lines
// of prose; "Example:" or "Examples:" and the examples, indented by two
// spaces; "Exit codes: ..." on a line of its own.
struct Footer {
  std::vector<std::string> prose;
  std::vector<std::string> examples;
  std::string exit_codes;  // after "Exit codes: "
};

Footer read_footer(const std::string& footer) {
  constexpr std::string_view kExitCodes = "Exit codes: ";
  Footer parts;
  for (const std::string& line : lines_of(footer)) {
    if (line.empty() || line == "Example:" || line == "Examples:") continue;
    if (line.rfind("  ", 0) == 0) parts.examples.push_back(line.substr(line.find_first_not_of(' ')));
    else if (line.rfind(kExitCodes, 0) == 0) parts.exit_codes = line.substr(kExitCodes.size());
    else parts.prose.push_back(line);
  }
  return parts;
}

// "0 success; 1 some failed; 2 ..." as its codes and their meanings. A
// meaning may hold "; " itself, but not followed by a digit.
std::vector<std::pair<std::string, std::string>> exit_code_list(std::string text) {
  if (!text.empty() && text.back() == '.') text.pop_back();
  std::vector<std::pair<std::string, std::string>> codes;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find("; ", at);
    while (end != std::string::npos && !std::isdigit(static_cast<unsigned char>(text[end + 2]))) {
      end = text.find("; ", end + 2);
    }
    const std::string item = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
    const std::size_t space = std::min(item.find(' '), item.size());
    codes.emplace_back(item.substr(0, space), item.substr(std::min(space + 1, item.size())));
    at = end == std::string::npos ? text.size() : end + 2;
  }
  return codes;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : std::string(separator)) + part;
  return joined;
}

void paragraph(std::ostream& out, const std::string& text) { out << ".PP\n" << roff(text) << "\n"; }

// A tagged paragraph; `tag` is roff already.
void tagged(std::ostream& out, const std::string& tag, const std::string& text) {
  out << ".TP\n" << tag << "\n" << roff(text) << "\n";
}

// Lines shown as typed, indented, one block.
void verbatim(std::ostream& out, const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  out << ".PP\n.RS 4\n.nf\n";
  for (const std::string& line : lines) out << roff(line) << "\n";
  out << ".fi\n.RE\n";
}

bool repeats(const CLI::Option& option) {
  return option.get_expected_max() >= CLI::detail::expected_max_vector_size;
}

// An option's names and placeholder, as --help shows them.
std::string option_tag(const CLI::Option& option) {
  if (!option.nonpositional()) return italic(option.get_name(true)) + (repeats(option) ? "..." : "");
  std::vector<std::string> names;
  for (const std::string& name : option.get_snames()) names.push_back(bold("-" + name));
  for (const std::string& name : option.get_lnames()) names.push_back(bold("--" + name));
  std::string tag = join(names, ", ");
  if (option.get_type_size() != 0 && !option.get_type_name().empty()) tag += " " + italic(option.get_type_name());
  return tag + (repeats(option) ? " ..." : "");
}

// "--a --b": the options `related` names, sorted (a set of pointers has no
// order of its own).
std::string option_names(const std::set<CLI::Option*>& related) {
  std::vector<std::string> names;
  for (const CLI::Option* option : related) names.push_back(option->get_name());
  std::sort(names.begin(), names.end());
  return join(names, " ");
}

// An option's description and what --help adds to it: its default, whether
// it is required, the options it needs or excludes.
std::string option_text(const CLI::Option& option) {
  std::string text = sentence(option.get_description());
  if (option.get_type_size() != 0 && !option.get_default_str().empty()) {
    text += " Default: " + option.get_default_str() + ".";
  }
  if (option.get_required()) text += " Required.";
  if (!option.get_needs().empty()) text += " Needs: " + option_names(option.get_needs()) + ".";
  if (!option.get_excludes().empty()) text += " Excludes: " + option_names(option.get_excludes()) + ".";
  return text;
}

// What --help lists of `app`'s options: not hidden ones, and not a
// command's own --help.
std::vector<const CLI::Option*> listed_options(const CLI::App& app, bool with_help) {
  return app.get_options([&](const CLI::Option* option) {
    return !option->get_group().empty() && (with_help || option != app.get_help_ptr());
  });
}

void write_options(std::ostream& out, const std::vector<const CLI::Option*>& options) {
  for (const CLI::Option* option : options) tagged(out, option_tag(*option), option_text(*option));
}

// "kbsearch index [OPTIONS] PATH...", as the usage line of --help.
std::string usage(const CLI::App& command) {
  std::string line = bold("kbsearch " + command.get_name());
  const auto options = listed_options(command, false);
  if (std::any_of(options.begin(), options.end(), [](const CLI::Option* o) { return o->nonpositional(); })) {
    line += " [" + italic("OPTIONS") + "]";
  }
  for (const CLI::Option* option : options) {
    if (option->nonpositional()) continue;
    line += " " + (option->get_required() ? option_tag(*option) : "[" + option_tag(*option) + "]");
  }
  return line;
}

std::vector<const CLI::App*> commands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* command) { return !command->get_name().empty(); });
}

}  // namespace

void write_man_page(const CLI::App& app, std::ostream& out) {
  const Footer main_footer = read_footer(app.get_footer());
  std::string summary = app.get_description();
  if (summary.rfind(app.get_name() + ": ", 0) == 0) summary.erase(0, app.get_name().size() + 2);

  out << ".\\\" -*- coding: UTF-8 -*-\n"
         ".\\\" Written by 'kbsearch --man' from the help of kbsearch's commands: edit that, not this.\n"
      << ".TH KBSEARCH 1 \"\" \"kbsearch " << kVersion << "\" \"User Commands\"\n"
      // Options, file names and examples are copied as they are written: no
      // hyphen may be added, and the text is not stretched around them.
      << ".nh\n.ad l\n"
      << ".SH NAME\nkbsearch \\- " << roff(summary) << "\n";

  out << ".SH SYNOPSIS\n";
  for (const CLI::App* command : commands_of(app)) out << usage(*command) << "\n.br\n";
  for (const CLI::Option* option : listed_options(app, true)) out << bold("kbsearch " + option->get_name()) << "\n.br\n";

  out << ".SH DESCRIPTION\n"
      << bold("kbsearch") << " indexes help articles written in Markdown, in Thai, Swedish, Turkish, Swahili, "
      << "Portuguese and any other language ICU knows, into a Xapian database, and answers ranked queries in every "
         "one of them. It runs one of the commands below; "
      << bold("kbsearch") << " " << italic("COMMAND") << " " << bold("--help") << " describes a command as this "
      << "page does.\n";
  for (const std::string& line : main_footer.prose) paragraph(out, line);

  out << ".SH OPTIONS\n";
  write_options(out, listed_options(app, true));

  out << ".SH COMMANDS\n";
  for (const CLI::App* command : commands_of(app)) {
    const Footer footer = read_footer(command->get_footer());
    out << ".SS " << roff(command->get_name()) << "\n" << usage(*command) << "\n";
    paragraph(out, sentence(command->get_description()));
    write_options(out, listed_options(*command, false));
    for (const std::string& line : footer.prose) paragraph(out, line);
    if (!footer.exit_codes.empty()) paragraph(out, "Exit codes: " + footer.exit_codes);
  }

  out << ".SH \"EXIT STATUS\"\n";
  for (const auto& [code, meaning] : exit_code_list(main_footer.exit_codes)) tagged(out, bold(code), meaning);

  out << ".SH ENVIRONMENT\n";
  for (const EnvironmentVariable& variable : kEnvironment) tagged(out, bold(variable.name), variable.meaning);

  out << ".SH FILES\n" << roff("An index directory ") << italic("DIR") << " (" << bold("--db") << ") holds:\n";
  for (const auto& [file, meaning] : kIndexFiles) tagged(out, italic("DIR") + roff(file), meaning);

  out << ".SH EXAMPLES\n";
  verbatim(out, main_footer.examples);
  for (const CLI::App* command : commands_of(app)) verbatim(out, read_footer(command->get_footer()).examples);

  out << ".SH \"SEE ALSO\"\n"
         ".BR xapian\\-tcpsrv (1),\n"
         ".BR xapian\\-replicate (1),\n"
         ".BR xapian\\-replicate\\-server (1);\n"
         "README.md in the sources of kbsearch, the full reference.\n";
}

}  // namespace kbsearch::cli
