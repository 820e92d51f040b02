// Score bonuses added to matching articles, built only from Xapian's own
// posting sources (ValueMapPostingSource) so they are evaluated the same way
// on one database and across remote shards.
#ifndef KBSEARCH_LIB_SEARCH_BOOSTS_H
#define KBSEARCH_LIB_SEARCH_BOOSTS_H

#include <xapian.h>

#include <ctime>
#include <string>
#include <vector>

namespace kbsearch::search {

// `bonus` for every article in language `lang`.
Xapian::Query language_boost(const std::string& lang, double bonus);

// A bonus too small to reorder articles that score differently (at most
// kTieBreakBonus), larger for languages earlier in `languages`. Articles
// that score the same otherwise (a query of filters alone, say) are then
// ranked, and a translation group shown, in the same order on one database
// and on any number of shards, where Xapian's own order of equal scores
// follows internal document numbers.
inline constexpr double kTieBreakBonus = 1e-6;
Xapian::Query language_tie_break(const std::vector<std::string>& languages);

// `bonus` for an article updated on `today`, falling linearly to nothing
// for one updated `days` days earlier (dates in UTC).
Xapian::Query recency_boost(double bonus, int days, std::time_t today);

// `query`, with the bonuses added to the articles it matches.
Xapian::Query with_boosts(const Xapian::Query& query, const std::vector<Xapian::Query>& boosts);

}  // namespace kbsearch::search

#endif  // KBSEARCH_LIB_SEARCH_BOOSTS_H
