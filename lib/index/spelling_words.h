// The index's spelling dictionary: every word of the titles, headings and
// body text, counted once for each field of each article it appears in, so
// that "did you mean" and typo tolerance suggest only words that a search
// can find, the commoner first. Indexing an article adds its words;
// replacing or deleting it removes the words it had, so the counts follow
// the articles. (Code is left out: an identifier is not a spelling to
// suggest.)
//
// A word's count is the sum of its terms' document frequencies in those
// three fields, so the dictionary of a sharded index can be rebuilt from the
// shards' terms alone (side_database.h), which even remote shards serve.
#ifndef KBSEARCH_LIB_INDEX_SPELLING_WORDS_H
#define KBSEARCH_LIB_INDEX_SPELLING_WORDS_H

#include <xapian.h>

#include <optional>
#include <string_view>

namespace kbsearch::index {

// The word a term stands for in the dictionary, if it is a title, heading
// or body word.
std::optional<std::string_view> spelling_word(std::string_view term);

void add_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc);
void remove_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc);

// Adds every spelling word of `source` with its count (the sum of its
// terms' frequencies) to `db`'s dictionary.
void add_spelling_words_of(Xapian::WritableDatabase& db, const Xapian::Database& source);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_SPELLING_WORDS_H
