// The options of the analyzer, the indexer and the searcher.
//
// Plain structs, set once and passed to a constructor (Analyzer, Indexer,
// Searcher) or to Indexer::update_side; every field has a working default.
// Apart from the classes that take them, so that code passing options
// around need not see those classes.
#ifndef KBSEARCH_OPTIONS_H
#define KBSEARCH_OPTIONS_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kbsearch/quality_check.h"

namespace kbsearch {

struct AnalyzerOptions {
  // Words to keep whole where segmentation would split them (mainly Thai,
  // whose dictionary splits some compounds: รหัสผ่าน -> รหัส|ผ่าน). Compared
  // after case folding.
  std::vector<std::string> keep_whole;
};

struct IndexProgress {
  std::size_t done = 0;   // files dealt with so far
  std::size_t total = 0;  // files found
  double seconds = 0;     // since the run started
};

struct IndexOptions {
  // Files larger than this are reported as errors rather than read.
  std::uint64_t max_file_bytes = 8u << 20;
  // Words to keep whole per language code, where segmentation would split
  // them (Thai: {"th", {"รหัสผ่าน", "ผู้ใช้"}}). Stored in the index, so that
  // searches analyse queries the same way. When empty, the lists stored by
  // earlier runs stay in force; when set, they replace them, and every
  // article of the index is re-analysed.
  std::map<std::string, std::vector<std::string>> keep_whole;
  // Synonyms per language code: groups of words or phrases (up to three
  // words) that mean the same ({"sv", {{"2fa", "tvåstegsverifiering"}}}).
  // A query for one member also finds the others, ranked a little below
  // its own words. Stored in the index; they change queries only, so
  // changing them re-analyses nothing. When empty, the synonyms stored by
  // earlier runs stay in force; when set, they replace them.
  std::map<std::string, std::vector<std::vector<std::string>>> synonyms;
  // Write a new generation, analysing every article afresh, and switch to
  // it atomically, keeping the previous one for rollback(). Also the way to
  // move an index written by another schema version to this one. The new
  // generation starts from a copy of the live one, so that articles of
  // files outside the paths given stay, as in a run in place.
  bool rebuild = false;
  // With rebuild: start from nothing instead of a copy of the live
  // generation (which a damaged live generation gets anyway), for when its
  // content cannot be trusted; articles of files outside the paths given
  // are not carried over (put articles are).
  bool from_source = false;
  // Report what would change without writing anything (no lock taken).
  bool dry_run = false;
  // Symbolic links to article files are followed inside the indexed
  // directory only; true: to files anywhere (never to devices or pipes).
  bool follow_links = false;
  // Directories nested deeper than this under an indexed directory are
  // reported and not walked (their articles already indexed stay).
  unsigned max_depth = 100;
  // Threads that parse and analyse articles; 0: one per core.
  unsigned threads = 0;
  // How long to wait for another writer's lock before giving up.
  double wait_seconds = 0;
  // 0: one commit at the end of the run. N: commit after every N changed
  // articles, bounding memory; readers then see the run in batches.
  std::size_t commit_every = 0;
  // Xapian holds this many changed articles in memory, then writes them to
  // the database files (inside the run's transaction, still invisible to
  // readers). It bounds the writer's memory whatever the size of the run,
  // and small batches are faster too (bench/RESULTS.md). 0: Xapian's
  // default (10,000). Xapian takes this number only from the environment
  // variable XAPIAN_FLUSH_THRESHOLD, read while a database opens, so the
  // library sets it for that moment and restores it after, the only call
  // that changes the process environment. setenv() is not safe while other
  // threads read the environment (getenv): an application that does so
  // while it indexes sets XAPIAN_FLUSH_THRESHOLD itself at startup, before
  // its threads, and the library then leaves the environment alone (a
  // value already set wins over this one), or sets 0 here.
  std::size_t flush_every = 250;
  // Sharding (README "Scaling out"). N > 0: the index in db_dir is N
  // shards, each article in the shard its id hashes to, plus a side
  // database holding what a search reads from one place (spelling,
  // synonyms, keep-whole lists). A new directory becomes one; an existing
  // one must already have N shards. 0: unsharded, or the stored count of a
  // directory that is sharded already.
  unsigned shards = 0;
  // With shards: write only this shard (1..shards), into
  // db_dir/shard-K-of-N, as the nightly job on the shard's own host does.
  // Articles of other shards are read, not analysed; the side database is
  // left to Indexer::update_side(). 0: every shard, then the side database.
  unsigned shard = 0;
  // Called on the indexing thread after each file.
  std::function<void(const IndexProgress&)> progress;
  // When set, and set to true while index() runs (from any thread, or a
  // signal handler: it is lock-free), the run stops at the next file: the
  // changes since its last commit are dropped (a rebuild's generation is
  // removed) and index() returns a report with `stopped` set, counting
  // only what was committed. With commit_every, that may be some of the
  // run's changes (every shard's batches, in a sharded run); otherwise,
  // none.
  const std::atomic<bool>* stop = nullptr;
  // The quality gate (kbsearch/quality_check.h): index() runs it against
  // its changes before readers can see them, and when they fail it, commits
  // nothing and switches nothing (IndexReport::check says why). Set: stored
  // in the index, replacing the stored one, and run; an empty check removes
  // the stored one. Unset: the stored one runs, if any. Not with
  // commit_every, whose batches readers see before the run ends, unless
  // rebuild; put() and commit() are not checked.
  std::optional<QualityCheck> check;
};

struct SideOptions {
  // The shards as Xapian stub lines: "remote HOST:PORT" for a shard served
  // by xapian-tcpsrv ('kbsearch serve-shard'), "auto PATH" for a local one
  // (relative to db_dir). Empty: the shards db_dir lists already.
  std::vector<std::string> shards;
  // Shard line -> its replicas' lines, which searches try in order when
  // the shard does not answer. Written with `shards` (replacing earlier
  // ones); replicas serve copies kept by xapian-replicate.
  std::map<std::string, std::vector<std::string>> replicas;
  // Synonyms per language code, as IndexOptions::synonyms; empty: keep the
  // side database's current ones.
  std::map<std::string, std::vector<std::vector<std::string>>> synonyms;
  double wait_seconds = 0;
};

struct SearchOptions {
  // A word is weighed by BM25 over the article's text (title, headings and
  // prose as one field, title and heading words counting more), plus
  // title_weight times its BM25 over the title alone, plus code_weight
  // times its BM25 over code. On the real-article collection
  // (tests/relevance/real) a title weight of 0.5 ranked best (MRR@10 0.538
  // against 0.506 without and 0.530 with 1); tests/relevance/real/README.md.
  double title_weight = 0.5;
  double code_weight = 0.5;
  // Added, relative to a word's own weight, when the words of the query
  // appear in sequence (phrase) or close together (within a few words).
  double phrase_bonus = 1.0;
  double proximity_bonus = 0.5;
  // Added to every hit in the preferred language (the request's, else the
  // query's), so that its translation is the one shown for a group and its
  // articles rank before others'. 0 turns the preference off.
  double language_bonus = 4.0;
  // Added to articles updated recently: `recency_bonus` for today, falling
  // linearly to 0 at `recency_days` old. 0 (the default) turns it off.
  double recency_bonus = 0.0;
  int recency_days = 365;
  // Typo tolerance: a word of at least this many characters that the index
  // does not contain also matches its closest indexed spelling (edit
  // distance 1, or 2 from twice this length), ranked below exact matches.
  std::size_t typo_min_chars = 5;
  // Hostile-query limits: queries over them throw QueryError.
  std::size_t max_query_bytes = 4096;
  std::size_t max_query_words = 64;
  std::size_t max_limit = 1000;
  std::size_t max_prefix_expansions = 100;  // words one `prefix*` may stand for
  // Snippet length in characters (not bytes, so Thai gets the same room).
  std::size_t snippet_chars = 160;
  // Facets (and the total) are counted over at most this many matching
  // articles (translations apart). A search matching more counts this many
  // and scales their counts by Xapian's estimate of the matches
  // (SearchResults::facets_exact false), so a keystroke never pays for
  // counting 100,000 matches. Counting costs about 10 µs a match, most of
  // it matching every article rather than the best: on bigcorpus (27,065
  // articles), words in 2,000-8,700 articles took 2 ms without facets, 10-20
  // ms counting 1,000, 30 ms counting 3,000 and 100 ms counting 10,000
  // (medians of 5, 2 shared cores under load), against a 10 ms target.
  std::size_t facet_max_matches = 1000;
  // Put around each highlight in Hit::snippet_html as they are, while the
  // text between is escaped: the application chooses them and must make
  // them safe for where it shows them. A request's marks count against
  // max_query_bytes like its query.
  std::string mark_pre = "<mark>";
  std::string mark_post = "</mark>";
  // Sharded indexes (README "Scaling out"): a shard that does not answer is
  // replaced by the first of its replicas that does. When none does,
  // searches throw ShardUnavailableError naming the shard, or, with
  // allow_missing_shards, answer from the other shards and name it in
  // SearchResults::missing_shards.
  bool allow_missing_shards = false;
  // How long a remote shard has to accept a connection, and to answer.
  unsigned shard_timeout_ms = 10000;
  // A searcher of remote shards connects afresh this often: to see a
  // shard's rebuilt generation (a shard server keeps the generation it
  // opened for as long as the connection lasts; new commits to the same
  // generation are seen at once), and to return to shards, or primaries,
  // that answer again. A shard that fails during a search is reconnected
  // on the next one.
  double reconnect_seconds = 60;
};

}  // namespace kbsearch

#endif  // KBSEARCH_OPTIONS_H
