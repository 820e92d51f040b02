#include "shard/side_database.h"

#include <filesystem>

#include "index/completions.h"
#include "index/generations.h"
#include "index/index_lock.h"
#include "index/schema.h"
#include "index/spelling_words.h"
#include "kbsearch/version.h"

namespace kbsearch::shard {
namespace {

void mark_schema(Xapian::WritableDatabase& db) {
  db.set_metadata(index::kSchemaKey, std::to_string(kIndexSchemaVersion));
}

}  // namespace

void ensure_side_database(const std::string& side_dir) {
  const index::Generations generations(side_dir);
  if (generations.current()) return;
  std::filesystem::create_directories(side_dir);
  const int generation = generations.next();
  Xapian::WritableDatabase db(generations.path(generation), Xapian::DB_CREATE_OR_OPEN);
  mark_schema(db);
  db.commit();
  db.close();
  generations.switch_to(generation);
}

void rebuild_side_database(const std::string& side_dir, const Xapian::Database& shards,
                           const index::KeepWholeLists& keep_whole,
                           const std::optional<index::SynonymTable>& synonyms, double wait_seconds) {
  std::filesystem::create_directories(side_dir);
  const index::IndexLock lock(side_dir, wait_seconds);
  const index::Generations generations(side_dir);
  const std::optional<int> live = generations.current();
  index::SynonymTable table;
  if (synonyms) table = *synonyms;
  else if (live) table = index::load_synonyms(Xapian::Database(generations.path(*live)));
  // Leftovers of an interrupted rebuild go first, as for an index.
  for (int g : generations.all()) {
    if (live && g > *live) std::filesystem::remove_all(generations.path(g));
  }
  const int generation = generations.next();
  {
    Xapian::WritableDatabase db(generations.path(generation), Xapian::DB_CREATE_OR_OPEN);
    mark_schema(db);
    index::store_keep_whole(db, keep_whole);
    index::store_synonyms(db, table);
    index::add_spelling_words_of(db, shards);
    index::store_completions(db, shards);
    db.commit();
  }
  generations.switch_to(generation);
  generations.remove_all_but(generation, live.value_or(generation));
}

}  // namespace kbsearch::shard
