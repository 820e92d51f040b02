#include "corpus_generator.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace kbsearch::bench {
namespace {

namespace fs = std::filesystem;

constexpr std::array<const char*, 5> kLangs = {"th", "sv", "tr", "sw", "pt"};
constexpr std::array<const char*, 12> kTags = {"account", "billing",  "security", "sync",
                                               "mobile",  "desktop",  "privacy",  "errors",
                                               "api",     "password", "invoice",  "support"};

// The prose lines of every article of one language: front matter, headings,
// code blocks and list markers stripped.
using Sentences = std::map<std::string, std::vector<std::string>>;

const Sentences& sentences(const std::string& corpus_dir) {
  static std::map<std::string, Sentences> cache;
  Sentences& s = cache[corpus_dir];
  if (!s.empty()) return s;
  for (const auto& group : fs::directory_iterator(corpus_dir)) {
    for (const char* lang : kLangs) {
      std::ifstream in(group.path() / (std::string(lang) + ".md"));
      bool front = false, code = false;
      for (std::string line; std::getline(in, line);) {
        if (line == "---") { front = !front; continue; }
        if (line.rfind("```", 0) == 0) { code = !code; continue; }
        if (front || code || line.empty() || line[0] == '#' || line[0] == '|') continue;
        const auto text = line.find_first_not_of("0123456789.-* ");
        if (text != std::string::npos && line.size() - text > 20) s[lang].push_back(line.substr(text));
      }
    }
  }
  if (s.size() != kLangs.size()) throw std::runtime_error("no articles found under " + corpus_dir);
  return s;
}

// At most `max` bytes of `s`, cut at a space when there is one, and never
// inside a UTF-8 character (Thai sentences have few spaces).
std::string cut(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = s.rfind(' ', max);
  if (end == std::string::npos || end == 0) {
    end = max;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  }
  return s.substr(0, end);
}

std::string make_article(const Sentences& all, std::size_t index, std::uint32_t seed) {
  std::mt19937 rng(seed * 1000003u + static_cast<std::uint32_t>(index));
  const std::string lang = kLangs[index % kLangs.size()];
  const auto& lines = all.at(lang);
  auto pick = [&](std::size_t n) { return lines[std::uniform_int_distribution<std::size_t>(0, n - 1)(rng)]; };
  const std::size_t group = index / kLangs.size();
  char updated[16];
  std::snprintf(updated, sizeof updated, "2026-%02u-%02u", 1 + static_cast<unsigned>(rng() % 12),
                1 + static_cast<unsigned>(rng() % 28));
  // The title: the start of a sentence, in quotes for YAML.
  std::string title = cut(pick(lines.size()), 60);
  for (char& c : title) {
    if (c == '"' || c == '\\') c = ' ';
  }
  std::ostringstream md;
  md << "---\nid: gen-" << group << "-" << lang << "\ntitle: \"" << title << " " << group
     << "\"\nlang: " << lang << "\ntags: [" << kTags[rng() % kTags.size()] << ", "
     << kTags[rng() % kTags.size()] << "]\nupdated: " << updated << "\ngroup: gen-" << group
     << "\n---\n\n";
  const std::size_t sections = 2 + rng() % 3;
  for (std::size_t s = 0; s < sections; ++s) {
    if (s > 0) md << "## " << cut(pick(lines.size()), 40) << "\n\n";
    const std::size_t paragraphs = 1 + rng() % 3;
    for (std::size_t p = 0; p < paragraphs; ++p) {
      const std::size_t n = 2 + rng() % 4;
      for (std::size_t k = 0; k < n; ++k) md << pick(lines.size()) << " ";
      // A rare term per article, as error codes and ticket numbers are.
      md << "`E-" << (10000 + (index * 7919 + p) % 90000) << "`\n\n";
    }
  }
  return md.str();
}

}  // namespace

std::string generated_article(const std::string& corpus_dir, std::size_t index, std::uint32_t seed) {
  return make_article(sentences(corpus_dir), index, seed);
}

GeneratedCorpus generate_corpus(const std::string& corpus_dir, const std::string& out_dir,
                                std::size_t count, std::uint32_t seed) {
  const Sentences& all = sentences(corpus_dir);
  GeneratedCorpus result;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string text = make_article(all, i, seed);
    const fs::path path = fs::path(out_dir) / kLangs[i % kLangs.size()] /
                          ("article-" + std::to_string(i / kLangs.size()) + ".md");
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    ++result.articles;
    result.bytes += text.size();
  }
  return result;
}

CorpusArgs corpus_args(int argc, char** argv, const std::string& program) {
  CorpusArgs args;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--articles=", 0) == 0) args.articles = std::stoul(arg.substr(11));
    if (arg.rfind("--dir=", 0) == 0) {
      args.dir = arg.substr(6);
      args.keep_dir = true;
    }
  }
  if (args.dir.empty()) args.dir = std::filesystem::temp_directory_path() / (program + "-" + std::to_string(::getpid()));
  std::filesystem::create_directories(args.dir);
  return args;
}

}  // namespace kbsearch::bench
