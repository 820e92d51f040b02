#include "analysis/decompounder.h"

#include <string_view>
#include <utility>
#include <vector>

#include "analysis/swedish_definite.h"
#include "analysis/swedish_dictionary.h"
#include "util/utf8.h"

namespace kbsearch::analysis {
namespace {

constexpr std::size_t kMinPartChars = 4;
constexpr std::size_t kMinCompoundChars = 2 * kMinPartChars;
constexpr int kMaxParts = 4;

bool is_letters(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x80 && !(c >= 'a' && c <= 'z')) return false;
  }
  return true;
}

// Only a word of letters as long as two parts can be a compound.
bool could_be_compound(std::string_view word) {
  return word.size() >= kMinCompoundChars && util::utf8_length(word) >= kMinCompoundChars &&
         is_letters(word);
}

}  // namespace

Decompounder::Decompounder() : stemmer_("sv") { swedish_dictionary(); }

bool Decompounder::is_final_part(std::string_view part) {
  const SwedishDictionary& d = swedish_dictionary();
  return d.has_word(part) || d.has_stem(stemmer_.stem(std::string(part))) || !swedish_indefinite(part).empty();
}

bool Decompounder::split_from(std::string_view word, std::size_t pos, int depth,
                              std::vector<std::string>& parts) {
  const std::string_view rest = word.substr(pos);
  if (depth > 0 && util::utf8_length(rest) >= kMinPartChars && is_final_part(rest)) {
    parts.emplace_back(rest);
    return true;
  }
  if (depth + 1 >= kMaxParts) return false;
  // Longest head first: "kundsupport..." tries kundsupport before kund.
  for (std::size_t end = word.size(); end > pos; --end) {
    if ((static_cast<unsigned char>(word[end - 1]) & 0xC0) == 0x80) continue;  // mid-character
    if (end == word.size()) continue;
    const std::string_view head = word.substr(pos, end - pos);
    if (util::utf8_length(head) < kMinPartChars || !swedish_dictionary().has_word(head)) continue;
    for (std::size_t next : {end, end + 1}) {
      if (next == end + 1 && word[end] != 's') continue;  // the linking -s-
      if (util::utf8_length(word.substr(next)) < kMinPartChars) continue;
      parts.emplace_back(head);
      if (split_from(word, next, depth + 1, parts)) return true;
      parts.pop_back();
    }
  }
  return false;
}

std::vector<std::string> Decompounder::split(std::string_view word) {
  std::vector<std::string> parts;
  if (!could_be_compound(word)) return parts;
  // A word the dictionary knows is left whole, compound or not: splitting
  // återställ into åter|ställ or lösenordet into lösen|ordet adds noise.
  if (is_final_part(word)) return parts;
  if (!split_from(word, 0, 0, parts) || parts.size() < 2) parts.clear();
  return parts;
}

const std::vector<std::string>& Decompounder::part_terms(std::string_view word) {
  static const std::vector<std::string> kNone;
  // Most words are too short to be compounds: no need to look them up.
  if (!could_be_compound(word)) return kNone;
  if (const auto* known = cache_.find(word)) return *known;
  if (cache_.size() >= kCacheLimit) cache_.clear();
  const std::vector<std::string> parts = split(word);
  std::vector<std::string> terms;
  for (std::size_t first = 0; first < parts.size(); ++first) {
    std::string run;
    for (std::size_t last = first; last < parts.size(); ++last) {
      run += parts[last];
      if (first == 0 && last + 1 == parts.size()) break;
      terms.push_back(run);
    }
  }
  return cache_.insert(word, std::move(terms));
}

}  // namespace kbsearch::analysis
