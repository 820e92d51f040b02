// Retrieval quality measures for one ranked result list against graded
// relevance judgments, as used by `kbsearch eval` and by applications that
// tune SearchOptions on their own test collection.
#ifndef KBSEARCH_EVALUATION_H
#define KBSEARCH_EVALUATION_H

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "kbsearch/export.h"

namespace kbsearch {

// Judgments for one query: article id -> grade (0 not relevant, 1 partly,
// 2 answers it; any positive grade counts as relevant).
using Grades = std::map<std::string, int>;

struct RankingScores {
  double reciprocal_rank = 0;  // 1 / rank of the first relevant hit in the top k, else 0
  double ndcg = 0;             // DCG of the top k (gain 2^grade - 1) over the ideal DCG
  double recall = 0;           // relevant articles in the top k / relevant articles
};

// Scores the first `k` ids of `ranked` (best first). A query with no
// relevant article scores 0 on every measure.
KBSEARCH_EXPORT RankingScores score_ranking(const std::vector<std::string>& ranked, const Grades& grades,
                            std::size_t k = 10);

}  // namespace kbsearch

#endif  // KBSEARCH_EVALUATION_H
