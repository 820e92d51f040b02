#include "index/index_check.h"

#include <xapian.h>

#include <filesystem>
#include <sstream>

#include "index/database_schema_check.h"
#include "index/generations.h"
#include "kbsearch/error.h"
#include "shard/layout.h"

namespace kbsearch::index {
namespace {

const char* const kWayOut =
    " (go back with 'kbsearch rollback --db DIR', or rebuild from the articles with 'kbsearch index "
    "--rebuild --db DIR PATH...')";

// Checks the live generation of one database directory (an unsharded index,
// a local shard or a side database).
void check_database(const std::string& dir, CheckReport& report) {
  std::optional<int> live;
  try {
    live = Generations(dir).current();
  } catch (const IndexUnusableError& e) {
    report.problems.push_back(e.what());
    return;
  }
  if (!live) {
    report.problems.push_back(dir + " is not an index (no generation): create it with 'kbsearch index --db " +
                              dir + " PATH...'");
    return;
  }
  const std::string path = Generations(dir).path(*live);
  report.checked.push_back(path);
  try {
    std::ostringstream details;
    const std::size_t errors = Xapian::Database::check(path, Xapian::DBCHECK_SHORT_TREE, &details);
    if (errors != 0) {
      report.problems.push_back(path + ": " + std::to_string(errors) + " errors in its tables" + kWayOut);
      return;
    }
    const Xapian::Database db(path);
    check_schema(db, dir);
    report.articles += db.get_doccount();
  } catch (const Xapian::Error& e) {
    report.problems.push_back(path + ": " + e.get_description() + kWayOut);
  } catch (const IndexUnusableError& e) {
    report.problems.push_back(e.what());
  }
}

}  // namespace

CheckReport check_index(const std::string& dir) {
  CheckReport report;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    report.problems.push_back(dir + " does not exist or is not a directory");
  } else if (const std::optional<unsigned> shards = shard::stored_shard_count(dir)) {
    check_database(shard::side_dir(dir), report);
    for (unsigned k = 1; k <= *shards; ++k) check_database(shard::shard_dir(dir, k, *shards), report);
  } else {
    check_database(dir, report);
  }
  report.ok = report.problems.empty();
  return report;
}

}  // namespace kbsearch::index
