// The ranking measures of `kbsearch eval`, checked against values worked
// out by hand.
#include "kbsearch/evaluation.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kbsearch {
namespace {

TEST(Evaluation, FirstRelevantHitAtRankThree) {
  // Grades: b answers (2), d partly (1). Ranked: a, c, b, d.
  const RankingScores s = score_ranking({"a", "c", "b", "d"}, {{"b", 2}, {"d", 1}, {"a", 0}});
  EXPECT_DOUBLE_EQ(s.reciprocal_rank, 1.0 / 3);
  // DCG = 3/log2(4) + 1/log2(5); ideal = 3/log2(2) + 1/log2(3).
  const double dcg = 3 / std::log2(4.0) + 1 / std::log2(5.0);
  const double ideal = 3 / std::log2(2.0) + 1 / std::log2(3.0);
  EXPECT_DOUBLE_EQ(s.ndcg, dcg / ideal);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
}

TEST(Evaluation, PerfectRankingScoresOne) {
  const RankingScores s = score_ranking({"b", "d", "x"}, {{"b", 2}, {"d", 1}});
  EXPECT_DOUBLE_EQ(s.reciprocal_rank, 1.0);
  EXPECT_DOUBLE_EQ(s.ndcg, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
}

TEST(Evaluation, OnlyTheTopKCount) {
  // The relevant article is 3rd, the cut-off 2: nothing was found.
  const RankingScores s = score_ranking({"a", "c", "b"}, {{"b", 2}}, 2);
  EXPECT_EQ(s.reciprocal_rank, 0.0);
  EXPECT_EQ(s.ndcg, 0.0);
  EXPECT_EQ(s.recall, 0.0);
}

TEST(Evaluation, HalfTheRelevantArticlesIsHalfTheRecall) {
  const RankingScores s = score_ranking({"b"}, {{"b", 1}, {"d", 1}});
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.ndcg, 1.0 / (1.0 + 1.0 / std::log2(3.0)));
}

TEST(Evaluation, QueryWithoutRelevantArticlesScoresZero) {
  const RankingScores s = score_ranking({"a"}, {{"a", 0}});
  EXPECT_EQ(s.reciprocal_rank, 0.0);
  EXPECT_EQ(s.ndcg, 0.0);
  EXPECT_EQ(s.recall, 0.0);
}

}  // namespace
}  // namespace kbsearch
