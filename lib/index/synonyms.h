// Synonyms, kept in the index's Xapian synonym table so that every searcher
// of the index uses the same. A key is a language and the terms of a word or
// phrase as that language's analyzer produces them ("sv:2fa",
// "th:รหัส ผ่าน"), so a query meets the key whatever form, case or spacing
// it was typed in; its synonyms are kept as written and analysed when used.
//
// Xapian reads synonyms from the first shard only when searching several;
// see README "Scaling out".
#ifndef KBSEARCH_LIB_INDEX_SYNONYMS_H
#define KBSEARCH_LIB_INDEX_SYNONYMS_H

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "index/analysis_config.h"

namespace kbsearch::index {

using SynonymLists = std::map<std::string, std::vector<std::vector<std::string>>>;

// The longest phrase, in words, that has synonyms.
inline constexpr std::size_t kMaxSynonymWords = 3;

// The key of consecutive query terms in `lang`.
std::string synonym_key(const std::string& lang, const std::vector<std::string>& terms);

// Key -> the words and phrases it also finds.
using SynonymTable = std::map<std::string, std::set<std::string>>;

// The table of `lists`, analysed as queries of an index keeping `keep_whole`
// are. Throws InputError for an entry with no words or more than
// kMaxSynonymWords.
SynonymTable synonym_table(const SynonymLists& lists, const KeepWholeLists& keep_whole);

// Replaces every stored synonym with `table`.
void store_synonyms(Xapian::WritableDatabase& db, const SynonymTable& table);

// The synonyms stored in `db`.
SynonymTable load_synonyms(const Xapian::Database& db);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_SYNONYMS_H
