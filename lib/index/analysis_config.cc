#include "index/analysis_config.h"

#include "index/schema.h"
#include "util/content_hash.h"

namespace kbsearch::index {

KeepWholeLists load_keep_whole(const Xapian::Database& db) {
  KeepWholeLists lists;
  const std::string prefix = kKeepWholeKey;
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    const std::string value = db.get_metadata(*it);
    std::vector<std::string>& words = lists[(*it).substr(prefix.size())];
    std::size_t begin = 0;
    for (std::size_t eol; (eol = value.find('\n', begin)) != std::string::npos; begin = eol + 1) {
      words.push_back(value.substr(begin, eol - begin));
    }
  }
  return lists;
}

void store_keep_whole(Xapian::WritableDatabase& db, const KeepWholeLists& lists) {
  // Unchanged lists write nothing, so that a run that changes nothing
  // commits nothing (and gets through on a full disk).
  if (load_keep_whole(db) == lists) return;
  const std::string prefix = kKeepWholeKey;
  std::vector<std::string> stale;
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    stale.push_back(*it);
  }
  for (const auto& key : stale) db.set_metadata(key, "");  // "" deletes a metadata key
  for (const auto& [lang, words] : lists) {
    std::string value;
    for (const auto& w : words) value += w + "\n";
    db.set_metadata(prefix + lang, value);
  }
}

std::map<std::string, AnalyzerOptions> analyzer_options(const KeepWholeLists& lists) {
  std::map<std::string, AnalyzerOptions> options;
  for (const auto& [lang, words] : lists) options[lang].keep_whole = words;
  return options;
}

std::string fingerprint(const KeepWholeLists& lists) {
  if (lists.empty()) return "-";
  std::string all;
  for (const auto& [lang, words] : lists) {
    all += lang + ":";
    for (const auto& w : words) all += w + "\n";
  }
  return util::content_hash(all).substr(0, 12);
}

}  // namespace kbsearch::index
