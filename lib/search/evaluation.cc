#include "kbsearch/evaluation.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace kbsearch {
namespace {

double gain(int grade) { return grade > 0 ? std::pow(2.0, grade) - 1.0 : 0.0; }

// Discount of the hit at 0-based rank i.
double discount(std::size_t i) { return 1.0 / std::log2(static_cast<double>(i) + 2.0); }

}  // namespace

RankingScores score_ranking(const std::vector<std::string>& ranked, const Grades& grades,
                            std::size_t k) {
  RankingScores scores;
  std::vector<int> ideal;
  for (const auto& entry : grades) {
    if (entry.second > 0) ideal.push_back(entry.second);
  }
  if (ideal.empty()) return scores;
  std::sort(ideal.begin(), ideal.end(), std::greater<>());

  double dcg = 0, ideal_dcg = 0;
  std::size_t found = 0;
  for (std::size_t i = 0; i < std::min(k, ranked.size()); ++i) {
    const auto it = grades.find(ranked[i]);
    const int grade = it == grades.end() ? 0 : it->second;
    if (grade <= 0) continue;
    if (found++ == 0) scores.reciprocal_rank = 1.0 / static_cast<double>(i + 1);
    dcg += gain(grade) * discount(i);
  }
  for (std::size_t i = 0; i < std::min(k, ideal.size()); ++i) ideal_dcg += gain(ideal[i]) * discount(i);
  scores.ndcg = dcg / ideal_dcg;
  scores.recall = static_cast<double>(found) / static_cast<double>(ideal.size());
  return scores;
}

}  // namespace kbsearch
