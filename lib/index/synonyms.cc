#include "index/synonyms.h"

#include "analysis/analyzer_cache.h"
#include "kbsearch/error.h"

namespace kbsearch::index {

std::string synonym_key(const std::string& lang, const std::vector<std::string>& terms) {
  std::string key = lang + ":";
  for (std::size_t i = 0; i < terms.size(); ++i) key += (i == 0 ? "" : " ") + terms[i];
  return key;
}

SynonymTable synonym_table(const SynonymLists& lists, const KeepWholeLists& keep_whole) {
  analysis::AnalyzerCache analyzers(analyzer_options(keep_whole));
  SynonymTable table;
  for (const auto& [lang, groups] : lists) {
    Analyzer& analyzer = analyzers.get(lang);
    for (const auto& group : groups) {
      for (const std::string& entry : group) {
        std::vector<std::string> terms;
        for (const Token& t : analyzer.analyze(entry)) {
          if (!t.part) terms.push_back(t.term);
        }
        if (terms.empty() || terms.size() > kMaxSynonymWords) {
          throw InvalidArgumentError("synonyms for " + lang,
                                     "'" + entry + "' has " + std::to_string(terms.size()) +
                                         " words; a synonym has 1 to " + std::to_string(kMaxSynonymWords));
        }
        std::set<std::string>& synonyms = table[synonym_key(lang, terms)];
        for (const std::string& other : group) {
          if (other != entry) synonyms.insert(other);
        }
      }
    }
  }
  return table;
}

void store_synonyms(Xapian::WritableDatabase& db, const SynonymTable& table) {
  std::vector<std::string> stale(db.synonym_keys_begin(), db.synonym_keys_end());
  for (const std::string& key : stale) db.clear_synonyms(key);
  for (const auto& [key, synonyms] : table) {
    for (const std::string& synonym : synonyms) db.add_synonym(key, synonym);
  }
}

SynonymTable load_synonyms(const Xapian::Database& db) {
  SynonymTable table;
  for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
    for (auto it = db.synonyms_begin(*key); it != db.synonyms_end(*key); ++it) table[*key].insert(*it);
  }
  return table;
}

}  // namespace kbsearch::index
