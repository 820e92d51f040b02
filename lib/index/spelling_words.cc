#include "index/spelling_words.h"

#include <string>

#include "index/schema.h"

namespace kbsearch::index {
namespace {

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

// Words never start with a capital (they are case-folded), so a term with
// no prefix is a word of the text field (title, headings, prose; code words
// are not suggested).
std::optional<std::string_view> spelling_word(std::string_view term) {
  static_assert(prefix::kText.empty());
  if (!term.empty() && !is_capital(term[0])) return term;
  return {};
}

std::vector<std::string> spelling_words_of(const Xapian::Document& doc) {
  std::vector<std::string> words;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    if (const auto word = spelling_word(term)) words.emplace_back(*word);
  }
  return words;
}

void SpellingChanges::add(const std::vector<std::string>& words) {
  for (const std::string& word : words) ++delta_[word];
}

void SpellingChanges::remove(const Xapian::Document& doc) {
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    if (const auto word = spelling_word(term)) --delta_[std::string(*word)];
  }
}

void SpellingChanges::apply_to(Xapian::WritableDatabase& db) {
  for (const auto& [word, delta] : delta_) {
    if (delta > 0) db.add_spelling(word, static_cast<Xapian::termcount>(delta));
    if (delta < 0) db.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
  }
  delta_.clear();
}

void add_spelling_words_of(Xapian::WritableDatabase& db, const Xapian::Database& source) {
  for (auto it = source.allterms_begin(); it != source.allterms_end(); ++it) {
    const std::string term = *it;
    if (const auto word = spelling_word(term)) db.add_spelling(std::string(*word), it.get_termfreq());
  }
}

}  // namespace kbsearch::index
