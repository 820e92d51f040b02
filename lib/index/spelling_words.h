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
// shards' terms alone (shard/side_database.h), which even remote shards serve.
#ifndef KBSEARCH_LIB_INDEX_SPELLING_WORDS_H
#define KBSEARCH_LIB_INDEX_SPELLING_WORDS_H

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kbsearch::index {

// The word a term stands for in the dictionary, if it is a title, heading
// or body word.
std::optional<std::string_view> spelling_word(std::string_view term);

// The spelling words of a document, each once for every field it is in.
std::vector<std::string> spelling_words_of(const Xapian::Document& doc);

// The dictionary changes of a run, counted here and given to Xapian once
// per word (apply_to): Xapian's spelling table looks up and updates a word
// on every call, which took a tenth of the writer's time when each article
// gave its words one by one (bench/RESULTS.md).
class SpellingChanges {
 public:
  void add(const std::vector<std::string>& words);
  void remove(const Xapian::Document& doc);
  // Adds and removes the counted changes in `db`, and forgets them.
  void apply_to(Xapian::WritableDatabase& db);

 private:
  std::unordered_map<std::string, std::int64_t> delta_;
};

// Adds every spelling word of `source` with its count (the sum of its
// terms' frequencies) to `db`'s dictionary.
void add_spelling_words_of(Xapian::WritableDatabase& db, const Xapian::Database& source);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_SPELLING_WORDS_H
