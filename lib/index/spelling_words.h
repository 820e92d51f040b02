// The index's spelling dictionary: every word of the titles, headings and
// body text, with the number of articles it appears in, so that "did you
// mean" and typo tolerance suggest only words that a search can find.
// Indexing an article adds its words; replacing or deleting it removes the
// words it had, so the counts follow the articles. (Code is left out: an
// identifier is not a spelling to suggest.)
//
// Xapian keeps this in the database's spelling table, which a search over
// several shards reads from the first shard only; see README "Scaling out".
#ifndef KBSEARCH_LIB_INDEX_SPELLING_WORDS_H
#define KBSEARCH_LIB_INDEX_SPELLING_WORDS_H

#include <xapian.h>

namespace kbsearch::index {

void add_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc);
void remove_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_SPELLING_WORDS_H
