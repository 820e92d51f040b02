#include "search/reranking.h"

#include <vector>

#include "index/schema.h"

namespace kbsearch::search {

std::size_t rerank_depth(std::size_t offset, std::size_t limit) {
  const std::size_t wanted = offset + limit;
  return (wanted + kRerankDepth - 1) / kRerankDepth * kRerankDepth;
}

Xapian::Query extras_of(const std::vector<std::string>& ids, const std::vector<Xapian::Query>& extras) {
  std::vector<Xapian::Query> terms;
  terms.reserve(ids.size());
  for (const std::string& id : ids) terms.emplace_back(index::make_key_term(index::prefix::kId, id));
  Xapian::Query q(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                  0.0);
  for (const Xapian::Query& extra : extras) q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, extra);
  return q;
}

}  // namespace kbsearch::search
