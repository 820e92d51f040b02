#include "analysis/stemmer.h"

namespace kbsearch::analysis {

Stemmer::Stemmer(std::string_view lang) {
  if (lang.empty() || lang == "und") return;
  try {
    // Xapian::Stem accepts ISO 639 codes as well as language names.
    stem_ = Xapian::Stem(std::string(lang));
    enabled_ = true;
  } catch (const Xapian::InvalidArgumentError&) {
    enabled_ = false;  // no Snowball stemmer for this language
  }
}

const std::string& Stemmer::stem(const std::string& word) {
  auto it = cache_.find(word);
  if (it != cache_.end()) return it->second;
  if (cache_.size() >= kCacheLimit) cache_.clear();
  return cache_.emplace(word, stem_(word)).first->second;
}

}  // namespace kbsearch::analysis
