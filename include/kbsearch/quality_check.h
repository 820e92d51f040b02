// The quality gate of an indexing run: queries the index must keep
// answering well, run against the run's changes before readers see them
// (IndexOptions::check). When the changes fail them, the run commits
// nothing and switches nothing: readers keep the index they had.
#ifndef KBSEARCH_QUALITY_CHECK_H
#define KBSEARCH_QUALITY_CHECK_H

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kbsearch/evaluation.h"

namespace kbsearch {

// A query that must find an article near the top.
struct MustFind {
  std::string lang;            // the user's language (SearchRequest::lang); empty: told from the query
  std::string query;           // in the query language of README.md
  std::string expected_id;     // the article it must find
  std::size_t max_rank = 10;   // at this rank or better (1..100)
};

// A judged query, as `kbsearch eval` reads a test collection.
struct JudgedQuery {
  std::string id;    // the collection's query id, for reports
  std::string lang;
  std::string query;
  Grades grades;     // article id -> grade; a positive grade is relevant
};

struct QualityCheck {
  std::vector<MustFind> must_find;
  std::vector<JudgedQuery> judged;
  // MRR@10 over `judged` the changed index must reach.
  double min_mrr = 0;
  // When set, the changed index's MRR@10 may fall at most this far below
  // the live index's (measured in the same run, on the same queries).
  std::optional<double> max_mrr_drop;

  bool empty() const { return must_find.empty() && judged.empty(); }
};

// A must-find query that missed.
struct QualityFailure {
  std::string lang;
  std::string query;
  std::string expected_id;
  std::size_t max_rank = 0;
  std::size_t got_rank = 0;  // where the article came, 0: not in the first 100 hits
};

struct QualityReport {
  bool ran = false;     // a check was given or stored
  bool passed = true;   // when false, nothing of the run is visible to readers
  std::vector<QualityFailure> failed;
  std::optional<double> mrr;       // MRR@10 of the changed index, with judged queries
  std::optional<double> live_mrr;  // and of the live one, when there is one
  std::string reason;   // why the check failed, for people; empty when it passed
};

}  // namespace kbsearch

#endif  // KBSEARCH_QUALITY_CHECK_H
