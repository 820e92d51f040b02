#include "index/spelling_words.h"

#include <set>
#include <string>

#include "index/schema.h"

namespace kbsearch::index {
namespace {

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

// The distinct words of a document's title, headings and body. Words never
// start with a capital (they are case-folded), so a term is a word of field
// `p` exactly when it is `p` followed by a non-capital.
std::set<std::string> spelling_words(const Xapian::Document& doc) {
  std::set<std::string> words;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    for (std::string_view p : {prefix::kBody, prefix::kTitle, prefix::kHeading}) {
      if (term.size() > p.size() && term.compare(0, p.size(), p) == 0 && !is_capital(term[p.size()])) {
        words.insert(term.substr(p.size()));
        break;
      }
    }
  }
  return words;
}

}  // namespace

void add_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
  for (const std::string& word : spelling_words(doc)) db.add_spelling(word);
}

void remove_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
  for (const std::string& word : spelling_words(doc)) db.remove_spelling(word);
}

}  // namespace kbsearch::index
