// The quality gate of an indexing run (kbsearch/quality_check.h): the check
// kept in the index, and its run against the run's changes before readers
// see them.
#ifndef KBSEARCH_LIB_INDEX_QUALITY_GATE_H
#define KBSEARCH_LIB_INDEX_QUALITY_GATE_H

#include <xapian.h>

#include <optional>

#include "kbsearch/quality_check.h"
#include "kbsearch/searcher.h"

namespace kbsearch::index {

// Throws InputError naming the first query the check cannot run (an
// unknown language, a rank out of range) or a bound out of range.
void validate_quality_check(const QualityCheck& check);

// The check stored by an earlier run, if any.
std::optional<QualityCheck> load_quality_check(const Xapian::Database& db);
// Stores `check` for later runs; an empty check removes the stored one.
void store_quality_check(Xapian::WritableDatabase& db, const QualityCheck& check);

// Runs `check` on `changed` (the run's changes) and, for the MRR margin, on
// `live` (what readers have now; null when there is nothing yet).
QualityReport run_quality_check(const QualityCheck& check, Searcher& changed, Searcher* live);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_QUALITY_GATE_H
