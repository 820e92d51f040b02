// Running the real `kbsearch` binary from a test: its exit code, standard
// output and standard error.
#ifndef KBSEARCH_TESTS_CLI_CLI_RUN_H
#define KBSEARCH_TESTS_CLI_CLI_RUN_H

#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace kbsearch::testutil {

struct CliRun {
  int exit_code;
  std::string out, err;
  nlohmann::json parsed() const { return nlohmann::json::parse(out); }
};

inline std::string shell_quote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// `env` is put before the command (NAME=value ...).
inline CliRun kbsearch(const std::vector<std::string>& args, const std::string& input = "/dev/null",
                       const std::string& env = "") {
  const TempDir io;
  std::string command = env + (env.empty() ? "" : " ") + shell_quote(KBSEARCH_CLI);
  for (const auto& a : args) command += " " + shell_quote(a);
  command += " >" + shell_quote(io / "out") + " 2>" + shell_quote(io / "err") + " <" + shell_quote(input);
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(io / "out"), read_file(io / "err")};
}

}  // namespace kbsearch::testutil

#endif  // KBSEARCH_TESTS_CLI_CLI_RUN_H
