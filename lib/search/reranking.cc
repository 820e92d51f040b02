#include "search/reranking.h"

#include <vector>

#include "index/schema.h"

namespace kbsearch::search {

std::size_t rerank_depth(std::size_t offset, std::size_t limit) {
  const std::size_t wanted = offset + limit;
  return (wanted + kRerankDepth - 1) / kRerankDepth * kRerankDepth;
}

Xapian::Query candidates(const Xapian::MSet& first, bool groups) {
  std::vector<Xapian::Query> terms;
  terms.reserve(first.size());
  for (auto it = first.begin(); it != first.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    terms.emplace_back(groups ? index::make_key_term(index::prefix::kGroup, doc.get_value(index::kSlotGroup))
                              : index::make_key_term(index::prefix::kId, doc.get_value(index::kSlotId)));
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query extras_of(const Xapian::MSet& first, const std::vector<Xapian::Query>& extras) {
  Xapian::Query q(Xapian::Query::OP_SCALE_WEIGHT, candidates(first, false), 0.0);
  for (const Xapian::Query& extra : extras) q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, extra);
  return q;
}

}  // namespace kbsearch::search
