#include "search/boosts.h"

#include "index/schema.h"

namespace kbsearch::search {

Xapian::Query language_boost(const std::string& lang, double bonus) {
  auto* source = new Xapian::ValueMapPostingSource(index::kSlotLang);
  source->add_mapping(lang, bonus);
  return Xapian::Query(source->release());
}

Xapian::Query language_tie_break(const std::vector<std::string>& languages) {
  auto* source = new Xapian::ValueMapPostingSource(index::kSlotLang);
  for (std::size_t i = 0; i < languages.size(); ++i) {
    source->add_mapping(languages[i], kTieBreakBonus * static_cast<double>(languages.size() - i) /
                                          static_cast<double>(languages.size()));
  }
  return Xapian::Query(source->release());
}

Xapian::Query recency_boost(double bonus, int days, std::time_t today) {
  // The updated slot holds YYYYMMDD: map each of the last `days` days to
  // its share of the bonus (a few hundred entries, built per query).
  auto* source = new Xapian::ValueMapPostingSource(index::kSlotUpdated);
  for (int age = 0; age < days; ++age) {
    const std::time_t t = today - static_cast<std::time_t>(age) * 24 * 60 * 60;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char date[16];
    std::strftime(date, sizeof date, "%Y%m%d", &tm);
    source->add_mapping(date, bonus * (1.0 - static_cast<double>(age) / days));
  }
  return Xapian::Query(source->release());
}

Xapian::Query with_boosts(const Xapian::Query& query, const std::vector<Xapian::Query>& boosts) {
  if (boosts.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
}

}  // namespace kbsearch::search
