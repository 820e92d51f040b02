#include "index/index_run.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <future>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <utility>

#include "index/analysis_config.h"
#include "index/analysis_pool.h"
#include "kbsearch/error.h"
#include "util/content_hash.h"
#include "util/text_file.h"

namespace kbsearch::index {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// How many analysed articles may wait for the writers, per thread: enough to
// keep every worker busy, few enough to bound memory.
constexpr std::size_t kQueuedPerThread = 8;

// A changed file on its way through the analysis pool.
struct Pending {
  const ArticleFile* file;
  std::vector<DatabaseWriter::Previous> previous;  // in each writer
  std::string content_hash;
  std::future<AnalysisOutcome> outcome;
};

class Run {
 public:
  Run(const std::vector<DatabaseWriter*>& writers, unsigned threads)
      : writers_(writers),
        first_(*writers.front()),
        pool_(threads, analyzer_options(first_.keep_whole()), first_.config_fingerprint(),
              // One writer analyses only what its shard keeps; several, everything.
              writers.size() == 1 ? first_.filter() : shard::ShardFilter{}) {}

  bool stop_asked() const { return first_.options().stop != nullptr && first_.options().stop->load(); }
  void read(const ArticleFile& file);
  // Adds analysed articles until `keep` wait; when `stoppable`, until a stop too.
  void drain(std::size_t keep, bool stoppable);
  void warn_about_duplicates();
  std::size_t window() const { return kQueuedPerThread * pool_.threads(); }

 private:
  void apply(Pending& pending);

  const std::vector<DatabaseWriter*>& writers_;
  DatabaseWriter& first_;  // whose report has what no one writer finds
  AnalysisPool pool_;
  std::deque<Pending> pending_;
  // Content hash -> the files of that text and their articles' ids, for
  // the duplicate warning.
  std::map<std::string, std::vector<std::pair<const std::string*, std::string>>> texts_;
};

void Run::read(const ArticleFile& file) {
  const auto started = Clock::now();
  AnalysisJob job{file, {}, {}};
  try {
    job.text = util::read_text_file(file.path, first_.options().max_file_bytes);
  } catch (const InputError& e) {
    first_.run_report().read_seconds += since(started);
    first_.run_report().errors.push_back({file.path, e.reason()});
    ++first_.run_report().failed;
    return;
  }
  job.content_hash = util::content_hash(job.text);
  first_.run_report().read_seconds += since(started);

  std::vector<DatabaseWriter::Previous> previous;
  for (DatabaseWriter* writer : writers_) previous.push_back(writer->previous_of(file.path));
  for (std::size_t k = 0; k < writers_.size(); ++k) {
    if (!writers_[k]->unchanged(previous[k], file.path, job.content_hash)) continue;
    texts_[job.content_hash].emplace_back(&file.path, previous[k].id);
    for (std::size_t other = 0; other < writers_.size(); ++other) {
      if (other != k) writers_[other]->elsewhere(previous[other]);
    }
    return;
  }
  // A braced list is evaluated in order: the hash is copied before the job moves.
  pending_.push_back({&file, std::move(previous), job.content_hash, pool_.submit(std::move(job))});
}

void Run::apply(Pending& pending) {
  const AnalysisOutcome out = pending.outcome.get();
  const std::string& path = pending.file->path;
  first_.run_report().analyze_seconds += out.seconds;
  if (!out.error.empty()) {
    first_.run_report().errors.push_back({path, out.error});
    ++first_.run_report().failed;
    return;
  }
  texts_[pending.content_hash].emplace_back(&path, out.id);
  std::size_t owner = writers_.size();
  if (!out.elsewhere) {
    for (owner = 0; owner < writers_.size() && !writers_[owner]->filter().accepts(out.id);) ++owner;
  }
  for (std::size_t k = 0; k < writers_.size(); ++k) {
    if (k == owner) writers_[k]->add(out, path, pending.previous[k], pending.content_hash);
    else writers_[k]->elsewhere(pending.previous[k]);
  }
}

void Run::drain(std::size_t keep, bool stoppable) {
  for (; pending_.size() > keep && !(stoppable && stop_asked()); pending_.pop_front()) apply(pending_.front());
}

// Files of the same text under different ids: most often one export
// indexed twice, which doubles every answer from it.
void Run::warn_about_duplicates() {
  for (auto& [hash, files] : texts_) {
    if (files.size() < 2) continue;
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
    for (std::size_t i = 1; i < files.size(); ++i) {
      if (files[i].second == files[0].second) continue;
      first_.run_report().warnings.push_back(
          {*files[i].first, "the same text as " + *files[0].first + " (id '" + files[0].second +
                                "'), indexed again as id '" + files[i].second + "': the same articles twice?"});
    }
  }
}

// Every writer analyses as the first does, since the run analyses once.
void check_same_analysis(const std::vector<DatabaseWriter*>& writers) {
  for (const DatabaseWriter* writer : writers) {
    if (writer->config_fingerprint() != writers.front()->config_fingerprint()) {
      throw IndexUnusableError(
          "the shards of this index keep other words whole than each other; index it with "
          "--rebuild and the same --keep-whole lists for every shard");
    }
  }
}

}  // namespace

IndexReport index_files(const WalkResult& walk, const std::vector<DatabaseWriter*>& writers, bool hold) {
  check_same_analysis(writers);
  const auto started = Clock::now();
  const IndexOptions& options = writers.front()->options();
  const unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  for (DatabaseWriter* writer : writers) writer->begin_run(walk);
  Run run(writers, threads);
  IndexProgress progress{0, walk.files.size(), 0};
  for (const auto& file : walk.files) {
    if (run.stop_asked()) break;
    run.read(file);
    run.drain(run.window(), false);
    ++progress.done;
    progress.seconds = since(started);
    if (options.progress) options.progress(progress);
  }
  run.drain(0, true);
  if (!run.stop_asked()) run.warn_about_duplicates();
  std::vector<IndexReport> reports;
  for (DatabaseWriter* writer : writers) reports.push_back(writer->end_run(walk, hold));
  if (reports.size() == 1) return reports.front();
  IndexReport total;
  std::set<std::pair<std::string, std::string>> reported;
  for (const IndexReport& report : reports) add_shard_report(total, reported, report);
  return total;
}

// Each file is counted by the shard that owns it; the walk's errors are in
// every shard's report, and are reported once.
void add_shard_report(IndexReport& total, std::set<std::pair<std::string, std::string>>& reported,
                      const IndexReport& shard) {
  total.added += shard.added;
  total.updated += shard.updated;
  total.deleted += shard.deleted;
  total.unchanged += shard.unchanged;
  total.reanalysed += shard.reanalysed;
  const auto merge = [](std::vector<std::string>& into, const std::vector<std::string>& ids) {
    const auto middle = into.insert(into.end(), ids.begin(), ids.end());
    std::inplace_merge(into.begin(), middle, into.end());
  };
  merge(total.added_ids, shard.added_ids);
  merge(total.updated_ids, shard.updated_ids);
  merge(total.deleted_ids, shard.deleted_ids);
  total.stopped = total.stopped || shard.stopped;
  total.read_seconds += shard.read_seconds;
  total.analyze_seconds += shard.analyze_seconds;
  total.write_seconds += shard.write_seconds;
  total.dry_run = shard.dry_run;
  if (total.generation == 0) total.generation = shard.generation;
  for (const FileError& error : shard.errors) {
    if (reported.emplace(error.path, error.message).second) total.errors.push_back(error);
  }
  total.failed = total.errors.size();
  for (const FileError& warning : shard.warnings) {
    if (reported.emplace(warning.path, warning.message).second) total.warnings.push_back(warning);
  }
}

}  // namespace kbsearch::index
