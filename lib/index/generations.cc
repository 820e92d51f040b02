#include "index/generations.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "kbsearch/error.h"
#include "util/atomic_file.h"

namespace kbsearch::index {
namespace fs = std::filesystem;
namespace {

constexpr const char* kGenerationPrefix = "gen-";

std::string generation_name(int generation) {
  char name[32];
  std::snprintf(name, sizeof name, "%s%06d", kGenerationPrefix, generation);
  return name;
}

std::optional<int> parse_generation(const std::string& name) {
  const std::string prefix = kGenerationPrefix;
  if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) return {};
  int n = 0;
  for (std::size_t i = prefix.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return {};
    n = n * 10 + (name[i] - '0');
  }
  return n;
}

}  // namespace

// A stub that is missing while generations exist, empty, garbled or naming
// a generation that is gone would make readers see an empty index and a
// writer start over beside the real one: every such fault stops both, with
// what is on disk and the way out.
[[noreturn]] void Generations::damaged(const std::string& what) const {
  std::string found;
  for (int g : all()) found += (found.empty() ? "" : ", ") + generation_name(g);
  throw IndexUnusableError(
      "index " + dir_ + " is damaged: its stub " + stub_path() + " " + what + " (generations on disk: " +
      (found.empty() ? "none" : found) +
      "). Rebuild it from the articles with 'kbsearch index --rebuild --db " + dir_ +
      " PATH...', or write 'auto gen-NNNNNN' into the stub to open one of them");
}

std::optional<int> Generations::current() const {
  std::error_code ec;
  if (!fs::exists(stub_path(), ec)) {
    if (!all().empty()) damaged("is missing");
    return {};
  }
  std::ifstream stub(stub_path());
  std::string backend, name, more;
  if (!(stub >> backend >> name) || backend != "auto" || (stub >> more)) damaged("does not name a generation");
  const std::optional<int> generation = parse_generation(name);
  if (!generation) damaged("does not name a generation");
  if (!fs::is_directory(path(*generation), ec)) damaged("names " + name + ", which does not exist");
  return generation;
}

std::vector<int> Generations::all() const {
  std::vector<int> generations;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const auto g = parse_generation(entry.path().filename().string());
    if (g && entry.is_directory()) generations.push_back(*g);
  }
  std::sort(generations.begin(), generations.end());
  return generations;
}

std::optional<int> Generations::previous() const {
  const auto now = current();
  if (!now) return {};
  std::optional<int> best;
  for (int g : all()) {
    if (g < *now) best = g;
  }
  return best;
}

int Generations::rollback_target() const {
  const std::optional<int> target = previous();
  if (!target) {
    throw Error("index " + dir_ + " has no previous generation to roll back to (a generation "
                "is kept by each 'kbsearch index --rebuild')");
  }
  return *target;
}

std::string Generations::path(int generation) const { return dir_ + "/" + generation_name(generation); }

int Generations::next() const {
  const std::vector<int> existing = all();
  return existing.empty() ? 1 : existing.back() + 1;
}

void Generations::switch_to(int generation) const {
  util::replace_file_atomically(stub_path(), "auto " + generation_name(generation) + "\n");
}

void Generations::remove_all_but(int keep_a, int keep_b) const {
  for (int g : all()) {
    if (g == keep_a || g == keep_b) continue;
    std::error_code ec;
    fs::remove_all(path(g), ec);  // a leftover that will not go is retried next time
  }
}

}  // namespace kbsearch::index
