#include "index/quality_gate.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include "analysis/language_tag.h"
#include "index/schema.h"
#include "kbsearch/error.h"
#include "kbsearch/evaluation.h"

namespace kbsearch::index {
namespace {

// Deep enough to say how far a missed article fell, within the searcher's
// page limit.
constexpr std::size_t kSearchDepth = 100;
constexpr std::size_t kMrrCutoff = 10;

std::string format_mrr(double mrr) {
  char text[16];
  std::snprintf(text, sizeof text, "%.3f", mrr);
  return text;
}

void check_lang(const std::string& lang, const std::string& query) {
  if (!lang.empty() && !analysis::language_of_tag(lang)) {
    throw InvalidArgumentError("quality check", "query '" + query + "': unknown language code '" + lang + "' (" +
                                                    analysis::kLanguageTagAdvice + ")");
  }
}

// The ids of the first `depth` hits; a query the searcher rejects finds
// nothing, as in `kbsearch eval`.
std::vector<std::string> ranking(Searcher& searcher, const std::string& lang, const std::string& query,
                                 std::size_t depth) {
  SearchRequest request;
  request.lang = lang;
  request.query = query;
  request.limit = depth;
  request.facets = false;
  request.snippets = false;
  std::vector<std::string> ids;
  try {
    for (const Hit& hit : searcher.search(request).hits) ids.push_back(hit.id);
  } catch (const QueryError&) {
  }
  return ids;
}

double mean_reciprocal_rank(const std::vector<JudgedQuery>& judged, Searcher& searcher) {
  double sum = 0;
  for (const JudgedQuery& q : judged) {
    sum += score_ranking(ranking(searcher, q.lang, q.query, kMrrCutoff), q.grades, kMrrCutoff).reciprocal_rank;
  }
  return sum / static_cast<double>(judged.size());
}

}  // namespace

void validate_quality_check(const QualityCheck& check) {
  for (const MustFind& q : check.must_find) {
    check_lang(q.lang, q.query);
    if (q.max_rank < 1 || q.max_rank > kSearchDepth) {
      throw InvalidArgumentError("quality check", "query '" + q.query + "': the rank must be 1 to " +
                                                      std::to_string(kSearchDepth) + ", not " +
                                                      std::to_string(q.max_rank));
    }
    if (q.expected_id.empty())
      throw InvalidArgumentError("quality check", "query '" + q.query + "': no expected article id");
  }
  for (const JudgedQuery& q : check.judged) check_lang(q.lang, q.query);
  if (!(check.min_mrr >= 0 && check.min_mrr <= 1)) {
    throw InvalidArgumentError("quality check",
                               "the minimum MRR must be 0 to 1, not " + std::to_string(check.min_mrr));
  }
  if (check.max_mrr_drop && !(*check.max_mrr_drop >= 0 && *check.max_mrr_drop <= 1)) {
    throw InvalidArgumentError("quality check",
                               "the MRR margin must be 0 to 1, not " + std::to_string(*check.max_mrr_drop));
  }
}

std::optional<QualityCheck> load_quality_check(const Xapian::Database& db) {
  const std::string stored = db.get_metadata(kQualityCheckKey);
  if (stored.empty()) return std::nullopt;
  try {
    const nlohmann::json j = nlohmann::json::parse(stored);
    QualityCheck check;
    for (const nlohmann::json& q : j.at("must_find")) {
      check.must_find.push_back({q.at("lang"), q.at("query"), q.at("expected_id"), q.at("max_rank")});
    }
    for (const nlohmann::json& q : j.at("judged")) {
      check.judged.push_back({q.at("id"), q.at("lang"), q.at("query"), q.at("grades").get<Grades>()});
    }
    check.min_mrr = j.at("min_mrr");
    if (j.contains("max_mrr_drop")) check.max_mrr_drop = j.at("max_mrr_drop").get<double>();
    return check;
  } catch (const nlohmann::json::exception& e) {
    throw IndexUnusableError("the quality check stored in the index cannot be read (" + std::string(e.what()) +
                             "): give it again with --check or --qrels");
  }
}

void store_quality_check(Xapian::WritableDatabase& db, const QualityCheck& check) {
  if (check.empty()) {
    db.set_metadata(kQualityCheckKey, "");  // Xapian's way to remove a key
    return;
  }
  nlohmann::json must_find = nlohmann::json::array(), judged = nlohmann::json::array();
  for (const MustFind& q : check.must_find) {
    must_find.push_back({{"lang", q.lang}, {"query", q.query}, {"expected_id", q.expected_id}, {"max_rank", q.max_rank}});
  }
  for (const JudgedQuery& q : check.judged) {
    judged.push_back({{"id", q.id}, {"lang", q.lang}, {"query", q.query}, {"grades", q.grades}});
  }
  nlohmann::json j = {{"must_find", must_find}, {"judged", judged}, {"min_mrr", check.min_mrr}};
  if (check.max_mrr_drop) j["max_mrr_drop"] = *check.max_mrr_drop;
  db.set_metadata(kQualityCheckKey, j.dump());
}

QualityReport run_quality_check(const QualityCheck& check, Searcher& changed, Searcher* live) {
  QualityReport report;
  report.ran = true;
  std::vector<std::string> reasons;
  for (const MustFind& q : check.must_find) {
    const std::vector<std::string> ids = ranking(changed, q.lang, q.query, kSearchDepth);
    const auto found = std::find(ids.begin(), ids.end(), q.expected_id);
    const std::size_t rank = found == ids.end() ? 0 : static_cast<std::size_t>(found - ids.begin()) + 1;
    if (rank == 0 || rank > q.max_rank) report.failed.push_back({q.lang, q.query, q.expected_id, q.max_rank, rank});
  }
  if (!report.failed.empty()) {
    reasons.push_back(std::to_string(report.failed.size()) + " of " + std::to_string(check.must_find.size()) +
                      " must-find queries missed their article");
  }
  if (!check.judged.empty()) {
    report.mrr = mean_reciprocal_rank(check.judged, changed);
    if (*report.mrr < check.min_mrr) {
      reasons.push_back("MRR@10 " + format_mrr(*report.mrr) + " is below the minimum " + format_mrr(check.min_mrr));
    }
    if (check.max_mrr_drop && live) {
      report.live_mrr = mean_reciprocal_rank(check.judged, *live);
      if (*report.mrr < *report.live_mrr - *check.max_mrr_drop) {
        reasons.push_back("MRR@10 fell from " + format_mrr(*report.live_mrr) + " to " + format_mrr(*report.mrr) +
                          ", more than the " + format_mrr(*check.max_mrr_drop) + " allowed");
      }
    }
  }
  report.passed = reasons.empty();
  for (const std::string& reason : reasons) report.reason += (report.reason.empty() ? "" : "; ") + reason;
  return report;
}

}  // namespace kbsearch::index
