#include "index/completions.h"

#include <algorithm>
#include <map>

#include "index/schema.h"

namespace kbsearch::index {
namespace {

// A key with an entry may still be walked this far when the entries are out
// of date; then the walk's best are the answer.
constexpr std::size_t kWalkCap = 4 * kCompletionWalk;

bool better(const WordCount& a, const WordCount& b) {
  return a.count != b.count ? a.count > b.count : a.word < b.word;
}

// Adds `count` to `word` in `top`, kept best first and at most `size` long.
// A word under two keys (folded by two languages) is one completion.
void add_to_top(std::vector<WordCount>& top, std::string_view word, std::size_t count, std::size_t size) {
  auto same = std::find_if(top.begin(), top.end(), [&](const WordCount& w) { return w.word == word; });
  if (same != top.end()) {
    same->count += count;
  } else {
    if (top.size() == size && !better({std::string(word), count}, top.back())) return;
    if (top.size() == size) top.pop_back();
    top.push_back({std::string(word), count});
  }
  std::sort(top.begin(), top.end(), better);
}

struct Split {
  std::string_view key, word;
};

// "<key> <word>" of a completion term without its prefix.
Split split_term(std::string_view rest) {
  const std::size_t space = rest.find(' ');
  if (space == std::string_view::npos) return {rest, rest};
  return {rest.substr(0, space), rest.substr(space + 1)};
}

std::string encode(const std::vector<WordCount>& top) {
  std::string value;
  for (const WordCount& w : top) value += w.word + '\t' + std::to_string(w.count) + '\n';
  return value;
}

std::vector<WordCount> decode(std::string_view value) {
  std::vector<WordCount> top;
  while (!value.empty()) {
    const std::size_t end = std::min(value.find('\n'), value.size());
    const std::string_view line = value.substr(0, end);
    const std::size_t tab = line.find('\t');
    if (tab != std::string_view::npos) {
      top.push_back({std::string(line.substr(0, tab)), std::stoul(std::string(line.substr(tab + 1)))});
    }
    value.remove_prefix(std::min(end + 1, value.size()));
  }
  return top;
}

bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

std::optional<std::string> completion_term(std::string_view lang, std::string_view word, std::string_view folded) {
  std::string term(prefix::kCompletion);
  term.append(completion_key(lang, folded.empty() ? word : folded)).append(" ").append(word);
  if (term.size() > kMaxTermBytes) return std::nullopt;
  return term;
}

std::string completion_key(std::string_view lang, std::string_view folded_prefix) {
  std::string key(lang);
  key.append(":").append(folded_prefix);
  return key;
}

std::vector<WordCount> completions_of(const Xapian::Database& db, std::string_view key, std::size_t limit) {
  std::vector<WordCount> top;
  if (limit == 0) return top;
  const std::string stored = db.get_metadata(std::string(kCompletionsKey) + std::string(key));
  if (!stored.empty()) {
    top = decode(stored);
    if (top.size() > limit) top.resize(limit);
    return top;
  }
  const std::string start = std::string(prefix::kCompletion) + std::string(key);
  std::size_t walked = 0;
  for (auto it = db.allterms_begin(start); it != db.allterms_end(start) && walked < kWalkCap; ++it, ++walked) {
    const std::string term = *it;
    add_to_top(top, split_term(std::string_view(term).substr(prefix::kCompletion.size())).word,
               it.get_termfreq(), limit);
  }
  return top;
}

void store_completions(Xapian::WritableDatabase& db, const Xapian::Database& source) {
  // One pass over the terms in key order: the keys sharing a prefix are
  // consecutive, so each prefix of the current key is a level on a stack,
  // counted and ranked until a key no longer starts with it.
  struct Level {
    std::string prefix;
    std::size_t terms = 0;
    std::vector<WordCount> top;
  };
  std::vector<Level> levels;
  std::map<std::string, std::string> entries;
  const auto finish = [&] {
    Level& level = levels.back();
    if (level.terms > kCompletionWalk) entries[std::string(kCompletionsKey) + level.prefix] = encode(level.top);
    levels.pop_back();
  };
  const std::string start(prefix::kCompletion);
  for (auto it = source.allterms_begin(start); it != source.allterms_end(start); ++it) {
    const std::string term = *it;
    const Split split = split_term(std::string_view(term).substr(start.size()));
    while (!levels.empty() && split.key.substr(0, levels.back().prefix.size()) != levels.back().prefix) finish();
    for (std::size_t end = levels.empty() ? 1 : levels.back().prefix.size() + 1; end <= split.key.size(); ++end) {
      if (end == split.key.size() || starts_code_point(split.key[end])) {
        levels.push_back({std::string(split.key.substr(0, end)), 0, {}});
      }
    }
    for (Level& level : levels) {
      ++level.terms;
      add_to_top(level.top, split.word, it.get_termfreq(), kStoredCompletions);
    }
  }
  while (!levels.empty()) finish();

  std::vector<std::string> stale;
  for (auto it = db.metadata_keys_begin(kCompletionsKey); it != db.metadata_keys_end(kCompletionsKey); ++it) {
    if (entries.count(*it) == 0) stale.push_back(*it);
  }
  for (const std::string& key : stale) db.set_metadata(key, "");
  for (const auto& [key, value] : entries) {
    if (db.get_metadata(key) != value) db.set_metadata(key, value);
  }
}

}  // namespace kbsearch::index
