#include "terminal.h"

#include <cstdlib>
#include <iostream>

#include <unistd.h>

#include "option_checks.h"

namespace kbsearch::cli {

bool is_terminal(std::FILE* stream) { return isatty(fileno(stream)) != 0; }

void add_colour_option(CLI::App* cmd, std::string& when) {
  cmd->add_option("--color", when,
                  "Colour titles and highlights: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(unlabelled(CLI::IsMember({"auto", "always", "never"})))
      ->capture_default_str()
      ->type_name("WHEN");
}

bool use_colour(const std::string& when) {
  if (when != "auto") return when == "always";
  const char* no_colour = std::getenv("NO_COLOR");
  return is_terminal(stdout) && (no_colour == nullptr || *no_colour == '\0');
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string highlight(const std::string& text, const std::vector<Highlight>& spans, bool colour) {
  const std::string open = colour ? "\033[1;33m" : "[";
  const std::string close = colour ? "\033[0m" : "]";
  std::string out;
  std::size_t at = 0;
  for (const Highlight& h : spans) {
    if (h.start < at || h.end > text.size()) continue;
    out.append(text, at, h.start - at).append(open).append(text, h.start, h.end - h.start).append(close);
    at = h.end;
  }
  out.append(text, at, std::string::npos);
  return out;
}

void print_json(const nlohmann::json& value, bool one_line) {
  std::cout << value.dump(one_line ? -1 : 2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n"
            << std::flush;
}

}  // namespace kbsearch::cli
