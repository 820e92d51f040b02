// Search as you type (issue 17): every query of the query sets (and of a
// real query file) typed letter by letter, a Thai run grapheme by grapheme,
// and every prefix answered by Searcher::suggest (5 completions, the top 5
// articles of the first, with snippets) and by a default search of the
// prefix (top 10, facets and snippets), as a search box would send them.
// Prints p50/p99 over every prefix, per query kind and in all.
//
//   build/bench/bench_typing [--articles=N] [--dir=PATH] [--rounds=N]
//                            [--bigcorpus=DIR --queries=FILE]
//
// The generated corpus and its index are kept under --dir for later runs
// (index-typing; bench_search's corpus in the same --dir is reused).
// --bigcorpus: a directory of real articles, indexed under --dir as
// index-bigcorpus; --queries: its queries, lines of [id<TAB>]lang<TAB>query.
// Each prefix is answered once per round after a first, unmeasured round.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "corpus_generator.h"
#include "kbsearch/error.h"
#include "kbsearch/indexer.h"
#include "kbsearch/searcher.h"
#include "query_sets.h"

namespace fs = std::filesystem;
using kbsearch::bench::percentile;

namespace {

struct Typed {
  std::string kind, lang, query;
};

struct Samples {
  std::vector<double> suggest_ms, search_ms;
  std::size_t prefixes = 0, rejected = 0, completed = 0;
};

// The prefixes of `text` a user types, one grapheme cluster at a time.
std::vector<std::string> typed_prefixes(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> graphemes(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU character break iterator");
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  graphemes->setText(u);
  std::vector<std::string> prefixes;
  for (int32_t end = graphemes->next(); end != icu::BreakIterator::DONE; end = graphemes->next()) {
    std::string prefix;
    u.tempSubString(0, end).toUTF8String(prefix);
    prefixes.push_back(std::move(prefix));
  }
  return prefixes;
}

std::vector<Typed> generated_queries() {
  std::vector<Typed> out;
  for (const auto& [kind, specs] : kbsearch::bench::query_sets()) {
    for (const auto& spec : specs) out.push_back({kind, spec.lang, kbsearch::bench::kbsearch_request(spec, {}).query});
  }
  return out;
}

std::vector<Typed> file_queries(const std::string& path) {
  std::vector<Typed> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const std::size_t tab = line.rfind('\t');
    if (tab == std::string::npos || tab == 0) continue;
    const std::size_t before = line.rfind('\t', tab - 1);
    const std::string lang = line.substr(before == std::string::npos ? 0 : before + 1,
                                         tab - (before == std::string::npos ? 0 : before + 1));
    out.push_back({"real-" + lang, lang, line.substr(tab + 1)});
  }
  return out;
}

double ms_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

void type_all(kbsearch::Searcher& searcher, const std::vector<Typed>& queries, bool measure,
              std::map<std::string, Samples>& by_kind) {
  for (const Typed& q : queries) {
    Samples& samples = by_kind[q.kind];
    for (const std::string& prefix : typed_prefixes(q.query)) {
      kbsearch::SuggestRequest suggest;
      suggest.query = prefix;
      suggest.lang = q.lang;
      kbsearch::SearchRequest search;
      search.query = prefix;
      search.lang = q.lang;
      try {
        auto started = std::chrono::steady_clock::now();
        const kbsearch::Suggestions s = searcher.suggest(suggest);
        const double suggest_ms = ms_since(started);
        started = std::chrono::steady_clock::now();
        const kbsearch::SearchResults r = searcher.search(search);
        const double search_ms = ms_since(started);
        if (!measure) continue;
        samples.suggest_ms.push_back(suggest_ms);
        samples.search_ms.push_back(search_ms);
        ++samples.prefixes;
        // What the user meant, offered before they finish typing it.
        if (prefix.size() < q.query.size() && !s.completions.empty() &&
            q.query.compare(0, s.completions[0].query.size(), s.completions[0].query) == 0 &&
            s.completions[0].query.size() > prefix.size()) {
          ++samples.completed;
        }
      } catch (const kbsearch::QueryError&) {
        // A half-typed query the language rejects (a field with no value
        // yet): both doors reject it alike.
        if (measure) ++samples.rejected;
      }
    }
  }
}

void print_table(const std::string& title, const std::map<std::string, Samples>& by_kind) {
  std::printf("\n%s: latency over every prefix, p50 (p99) ms\n\n", title.c_str());
  std::printf("| kind | prefixes | suggest() | default search() | completed ahead | rejected |\n");
  std::printf("|---|---|---|---|---|---|\n");
  Samples all;
  auto row = [](const std::string& name, const Samples& s) {
    std::printf("| %s | %zu | %.2f (%.2f) | %.2f (%.2f) | %zu | %zu |\n", name.c_str(), s.prefixes,
                percentile(s.suggest_ms, 0.5), percentile(s.suggest_ms, 0.99), percentile(s.search_ms, 0.5),
                percentile(s.search_ms, 0.99), s.completed, s.rejected);
  };
  for (const auto& [kind, s] : by_kind) {
    row(kind, s);
    all.suggest_ms.insert(all.suggest_ms.end(), s.suggest_ms.begin(), s.suggest_ms.end());
    all.search_ms.insert(all.search_ms.end(), s.search_ms.begin(), s.search_ms.end());
    all.prefixes += s.prefixes;
    all.completed += s.completed;
    all.rejected += s.rejected;
  }
  row("all", all);
}

void run(const std::string& title, const std::string& db, const std::vector<Typed>& queries, int rounds) {
  kbsearch::Searcher searcher(db);
  std::map<std::string, Samples> by_kind;
  type_all(searcher, queries, false, by_kind);
  for (int round = 0; round < rounds; ++round) type_all(searcher, queries, true, by_kind);
  print_table(title, by_kind);
}

// Indexes `articles` into `db` unless an earlier run did.
void ensure_index(const fs::path& articles, const fs::path& db) {
  if (fs::exists(db)) return;
  const auto started = std::chrono::steady_clock::now();
  kbsearch::IndexOptions options;
  options.commit_every = 2000;
  const kbsearch::IndexReport report = kbsearch::Indexer(db.string(), options).index({articles.string()});
  std::fprintf(stderr, "indexed %zu articles into %s in %.0f s\n", report.added, db.c_str(), ms_since(started) / 1000);
}

std::string flag(int argc, char** argv, const std::string& name) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind(name + "=", 0) == 0) return arg.substr(name.size() + 1);
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  const kbsearch::bench::CorpusArgs args = kbsearch::bench::corpus_args(argc, argv, "kbsearch-bench-typing");
  const std::string rounds_flag = flag(argc, argv, "--rounds");
  const int rounds = rounds_flag.empty() ? 3 : std::stoi(rounds_flag);
  const fs::path articles = args.dir / "articles";
  if (!fs::exists(articles)) {
    kbsearch::bench::generate_corpus(std::string(KBSEARCH_SOURCE_DIR) + "/corpus/articles", articles.string(),
                                     args.articles);
  }
  ensure_index(articles, args.dir / "index-typing");
  run(std::to_string(args.articles) + " generated articles", (args.dir / "index-typing").string(),
      generated_queries(), rounds);
  const std::string bigcorpus = flag(argc, argv, "--bigcorpus");
  const std::string queries = flag(argc, argv, "--queries");
  if (!bigcorpus.empty() && !queries.empty()) {
    ensure_index(bigcorpus, args.dir / "index-bigcorpus");
    run("bigcorpus", (args.dir / "index-bigcorpus").string(), file_queries(queries), rounds);
  }
  if (!args.keep_dir) fs::remove_all(args.dir);
  return 0;
}
