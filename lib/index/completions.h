// The vocabulary search-as-you-type completes from (Searcher::suggest).
//
// Every word of an article's text field (title, headings, prose; not code,
// compound parts or stop words) is indexed once more as a completion term,
// "XK<lang>:<key> <word>": the key is the word accent-folded as its
// language folds it, so the terms sort by what a user may type
// (configuracao, configuraç and configuraçã all lead to configuração), and
// the word is the case-folded word as written, which is what a completion
// shows. The language keeps a Portuguese user's "sen" from completing to a
// Turkish word. A term's frequency is the number of articles with the
// word; Xapian keeps it as articles come and go, and adds it up over
// shards. Below, a key is "<lang>:<folded prefix>".
//
// Walking the terms of a short key would read much of the vocabulary (every
// word starting with "s"), so each commit stores, for every key shared by
// more than kCompletionWalk terms, its best kStoredCompletions words in the
// metadata (kCompletionsKey + key). A key without an entry is walked: it
// has at most kCompletionWalk terms. Over shards the side database holds
// the entries, computed from all shards' terms.
#ifndef KBSEARCH_LIB_INDEX_COMPLETIONS_H
#define KBSEARCH_LIB_INDEX_COMPLETIONS_H

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kbsearch::index {

// Keys with more terms than this get a stored entry, so no suggestion reads
// more terms than a few times this. A bound chosen, not tuned: the typing
// benchmark (bench_typing) measures the whole call, not this walk alone.
inline constexpr std::size_t kCompletionWalk = 256;
inline constexpr std::size_t kStoredCompletions = 10;

// The completion term of a word of the text field of an article in `lang`,
// whose folded form is `folded` (empty when the word has none); nothing
// when it would not fit.
std::optional<std::string> completion_term(std::string_view lang, std::string_view word, std::string_view folded);

// The key of a folded prefix typed in `lang`.
std::string completion_key(std::string_view lang, std::string_view folded_prefix);

struct WordCount {
  std::string word;
  std::size_t count = 0;  // articles with the word
};

// The most frequent words (at most `limit`, at most kStoredCompletions when
// the key has an entry) whose key starts with `key`, most frequent first,
// then in byte order. Reads at most a few times kCompletionWalk terms even
// when the entries are out of date (shards updated, the side database not
// yet).
std::vector<WordCount> completions_of(const Xapian::Database& db, std::string_view key, std::size_t limit);

// Replaces the stored entries of `db` with those of `source`'s completion
// terms (the same database, or the shards of the side database `db`).
void store_completions(Xapian::WritableDatabase& db, const Xapian::Database& source);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_COMPLETIONS_H
