#include "index/schema.h"

#include "kbsearch/version.h"
#include "util/content_hash.h"
#include "util/utf8.h"

namespace kbsearch::index {

std::string make_term(std::string_view prefix, std::string_view word) {
  std::string term(prefix);
  term += util::utf8_prefix(word, kMaxTermBytes - prefix.size());
  return term;
}

std::string word_pair_term(std::string_view first, std::string_view second) {
  return make_term(prefix::kWordPair, std::string(first) + " " + std::string(second));
}

std::string make_key_term(std::string_view prefix, std::string_view key) {
  std::string term(prefix);
  if (prefix.size() + key.size() <= kMaxTermBytes) term += key;
  else term += "#" + util::content_hash(key);
  return term;
}

std::string translation_term(std::string_view lang, std::string_view group) {
  return make_key_term(prefix::kTranslation, std::string(lang) + ":" + std::string(group));
}

std::string source_value(std::string_view content_hash, std::string_view config_fingerprint) {
  return std::string(content_hash) + "/" + std::to_string(kAnalysisVersion) + "/" +
         std::string(config_fingerprint);
}

}  // namespace kbsearch::index
