#include "search/completion.h"

#include <algorithm>
#include <string_view>

#include "index/completions.h"
#include "index/schema.h"
#include "util/ascii_case.h"
#include "util/utf8.h"

namespace kbsearch::search {
namespace {

// How many Thai segments a half-typed word may have been cut into.
constexpr std::size_t kMaxTailSegments = 3;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Where the unfinished word's text starts in `query`, or npos when the
// query ends in a finished word.
std::size_t last_word_start(std::string_view query) {
  if (query.empty() || is_space(query.back())) return std::string_view::npos;
  std::size_t start = query.size();
  while (start > 0 && !is_space(query[start - 1])) --start;
  const std::string_view word = query.substr(start);
  if (word == "AND" || word == "OR") return std::string_view::npos;
  const std::size_t colon = word.find(':');
  if (colon != std::string_view::npos) {
    const std::size_t from = word.front() == '-' ? 1 : 0;  // an excluded field
    const std::string field = util::ascii_lower(word.substr(from, colon - from));
    if (field == "lang" || field == "tag" || field == "group") return std::string_view::npos;
    if (field == "title") start += colon + 1;
  }
  return start;
}

bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

std::string key_of(const Token& token) { return token.folded.empty() ? token.term : token.folded; }

// The words after `previous` in articles' Thai word pairs whose text
// starts with `typed`.
std::vector<index::WordCount> following_words(const Xapian::Database& db, const std::string& previous,
                                              const std::string& typed, std::size_t limit) {
  std::vector<index::WordCount> words;
  const std::size_t skip = index::prefix::kWordPair.size() + previous.size() + 1;
  if (skip + typed.size() > index::kMaxTermBytes) return words;  // no such pair is indexed whole
  const std::string start = index::word_pair_term(previous, typed);
  // Bounded like a completion walk: past it, the best of the pairs read.
  std::size_t walked = 0;
  for (auto it = db.allterms_begin(start); it != db.allterms_end(start) && walked < index::kCompletionWalk;
       ++it, ++walked) {
    words.push_back({(*it).substr(skip), it.get_termfreq()});
  }
  std::stable_sort(words.begin(), words.end(),
                   [](const index::WordCount& a, const index::WordCount& b) { return a.count > b.count; });
  if (words.size() > limit) words.resize(limit);
  return words;
}

// A word of two languages counts the articles of both.
void add(std::vector<Completion>& found, const std::string& before, const index::WordCount& word) {
  for (Completion& c : found) {
    if (c.word == word.word) {
      c.frequency += word.count;
      return;
    }
  }
  found.push_back({before + word.word, word.word, word.count});
}

// The completions of the last word as `analyzer` analyses it.
void complete_for(std::string_view query, std::size_t word_start, Analyzer& analyzer, const Xapian::Database& db,
                  std::size_t limit, std::vector<Completion>& found) {
  const std::string_view typed = query.substr(word_start);
  std::vector<Token> tokens = analyzer.analyze(typed);
  tokens.erase(std::remove_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.part; }), tokens.end());
  if (tokens.empty() || tokens.back().end != typed.size()) return;
  // The tails of segments, longest first: contiguous Thai tokens only.
  std::size_t first = tokens.size() - 1;
  while (first > 0 && tokens.size() - first < kMaxTailSegments && tokens[first - 1].end == tokens[first].start &&
         util::has_thai(tokens[first - 1].term) && util::has_thai(tokens[first].term)) {
    --first;
  }
  for (std::size_t tail = first; tail < tokens.size(); ++tail) {
    std::string key;
    for (std::size_t i = tail; i < tokens.size(); ++i) key += key_of(tokens[i]);
    const std::string before(query.substr(0, word_start + tokens[tail].start));
    std::vector<index::WordCount> words;
    if (tail > 0 && tokens[tail - 1].end == tokens[tail].start && util::has_thai(key)) {
      words = following_words(db, tokens[tail - 1].term, key, limit);
    }
    if (words.empty()) words = index::completions_of(db, index::completion_key(analyzer.language(), key), limit);
    for (const auto& word : words) add(found, before, word);
    if (!words.empty()) return;
  }
  // The dictionary may cut a half-typed run across its words (สมัครบัญ ->
  // สมัค|รบัญ, where the articles have สมัคร|บัญชี): then the run is a word
  // of the articles and the start of one that follows it there.
  if (!util::has_thai(tokens.back().term)) return;
  std::string run;
  for (std::size_t i = first; i < tokens.size(); ++i) run += tokens[i].term;
  if (run.size() > index::kMaxTermBytes) return;  // longer than any pair term
  for (std::size_t cut = 1; cut < run.size(); ++cut) {
    if (!starts_code_point(run[cut])) continue;
    const auto words = following_words(db, run.substr(0, cut), run.substr(cut), limit);
    const std::string before = std::string(query.substr(0, word_start + tokens[first].start)) + run.substr(0, cut);
    for (const auto& word : words) add(found, before, word);
    if (!words.empty()) return;
  }
}

}  // namespace

std::vector<Completion> complete_last_word(const std::string& query, const std::vector<std::string>& languages,
                                           analysis::AnalyzerCache& analyzers, const Xapian::Database& db,
                                           std::size_t limit) {
  std::vector<Completion> found;
  const std::size_t start = last_word_start(query);
  if (start == std::string::npos || limit == 0) return found;
  for (const std::string& lang : languages) complete_for(query, start, analyzers.get(lang), db, limit, found);
  std::sort(found.begin(), found.end(), [](const Completion& a, const Completion& b) {
    return a.frequency != b.frequency ? a.frequency > b.frequency : a.word < b.word;
  });
  if (found.size() > limit) found.resize(limit);
  return found;
}

}  // namespace kbsearch::search
