// The entry points of kbsearch_c.h: each checks its arguments, converts
// them (capi/inputs), calls the C++ API and hands out what it returned
// (capi/views), inside guard() (capi/status), which turns every exception
// into a status and a message.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "capi/inputs.h"
#include "capi/status.h"
#include "capi/views.h"
#include "kbsearch/analyzer.h"
#include "kbsearch/indexer.h"
#include "kbsearch/kbsearch_c.h"
#include "kbsearch/searcher.h"
#include "kbsearch/version.h"

using kbsearch::capi::Failure;
using kbsearch::capi::guard;
using kbsearch::capi::init_struct;
using kbsearch::capi::invalid_argument;
using kbsearch::capi::require;
using kbsearch::capi::to_cpp;

struct kbsearch_indexer {
  kbsearch::Indexer cpp;
};

struct kbsearch_searcher {
  kbsearch::Searcher cpp;
  // The list of the last kbsearch_searcher_languages, and its strings.
  std::vector<std::string> languages;
  kbsearch::capi::StringList language_list;
};

const char* kbsearch_version(void) { return kbsearch::kVersion; }

// --- indexing ---------------------------------------------------------------

kbsearch_status kbsearch_index_options_init(kbsearch_index_options* options, size_t size) {
  const char* const function = __func__;
  return guard([&] { init_struct(options, size, function, "options"); });
}

kbsearch_status kbsearch_indexer_open(const char* db_dir, const kbsearch_index_options* options,
                                      kbsearch_indexer** indexer) {
  const char* const function = __func__;
  return guard([&] {
    *require(indexer, function, "indexer") = nullptr;
    require(db_dir, function, "db_dir");
    *indexer = new kbsearch_indexer{kbsearch::Indexer(db_dir, to_cpp(options, function))};
  });
}

void kbsearch_indexer_close(kbsearch_indexer* indexer) { delete indexer; }

kbsearch_status kbsearch_indexer_index(kbsearch_indexer* indexer, const char* const* paths,
                                       size_t path_count, kbsearch_report** report) {
  const char* const function = __func__;
  return guard([&] {
    *require(report, function, "report") = nullptr;
    require(indexer, function, "indexer");
    if (path_count > 0) require(paths, function, "paths");
    std::vector<std::string> cpp_paths;
    for (size_t i = 0; i < path_count; ++i) {
      if (paths[i] == nullptr) {
        invalid_argument(function, "paths[" + std::to_string(i) + "] is NULL");
      }
      cpp_paths.emplace_back(paths[i]);
    }
    *report = new kbsearch::capi::ReportView(indexer->cpp.index(cpp_paths));
  });
}

kbsearch_status kbsearch_article_init(kbsearch_article* article, size_t size) {
  const char* const function = __func__;
  return guard([&] { init_struct(article, size, function, "article"); });
}

kbsearch_status kbsearch_indexer_put(kbsearch_indexer* indexer, const kbsearch_article* article) {
  const char* const function = __func__;
  return guard([&] {
    require(indexer, function, "indexer");
    require(article, function, "article");
    indexer->cpp.put(to_cpp(*article, function));
  });
}

kbsearch_status kbsearch_indexer_remove(kbsearch_indexer* indexer, const char* id, int* removed) {
  const char* const function = __func__;
  return guard([&] {
    if (removed != nullptr) *removed = 0;
    require(indexer, function, "indexer");
    require(id, function, "id");
    const bool was_there = indexer->cpp.remove(id);
    if (removed != nullptr) *removed = was_there;
  });
}

kbsearch_status kbsearch_indexer_commit(kbsearch_indexer* indexer, kbsearch_report** report) {
  const char* const function = __func__;
  return guard([&] {
    if (report != nullptr) *report = nullptr;
    require(indexer, function, "indexer");
    kbsearch::IndexReport counts = indexer->cpp.commit();
    if (report != nullptr) *report = new kbsearch::capi::ReportView(std::move(counts));
  });
}

kbsearch_status kbsearch_indexer_discard(kbsearch_indexer* indexer) {
  const char* const function = __func__;
  return guard([&] { require(indexer, function, "indexer")->cpp.discard(); });
}

kbsearch_status kbsearch_rollback(const char* db_dir, double wait_seconds, int* generation) {
  const char* const function = __func__;
  return guard([&] {
    if (generation != nullptr) *generation = 0;
    require(db_dir, function, "db_dir");
    const int now = kbsearch::Indexer::rollback(db_dir, wait_seconds);
    if (generation != nullptr) *generation = now;
  });
}

void kbsearch_report_free(kbsearch_report* report) {
  delete static_cast<kbsearch::capi::ReportView*>(report);
}

// --- searching --------------------------------------------------------------

kbsearch_status kbsearch_search_options_init(kbsearch_search_options* options, size_t size) {
  const char* const function = __func__;
  return guard([&] { init_struct(options, size, function, "options"); });
}

kbsearch_status kbsearch_searcher_open(const char* db_path, const kbsearch_search_options* options,
                                       kbsearch_searcher** searcher) {
  const char* const function = __func__;
  return guard([&] {
    *require(searcher, function, "searcher") = nullptr;
    require(db_path, function, "db_path");
    *searcher =
        new kbsearch_searcher{kbsearch::Searcher(db_path, to_cpp(options, function)), {}, {}};
  });
}

void kbsearch_searcher_close(kbsearch_searcher* searcher) { delete searcher; }

kbsearch_status kbsearch_request_init(kbsearch_request* request, size_t size) {
  const char* const function = __func__;
  return guard([&] { init_struct(request, size, function, "request"); });
}

kbsearch_status kbsearch_searcher_search(kbsearch_searcher* searcher,
                                         const kbsearch_request* request,
                                         kbsearch_results** results) {
  const char* const function = __func__;
  return guard([&] {
    *require(results, function, "results") = nullptr;
    require(searcher, function, "searcher");
    require(request, function, "request");
    *results = new kbsearch_results(searcher->cpp.search(to_cpp(*request, function)));
  });
}

kbsearch_status kbsearch_suggest_request_init(kbsearch_suggest_request* request, size_t size) {
  const char* const function = __func__;
  return guard([&] { init_struct(request, size, function, "request"); });
}

kbsearch_status kbsearch_suggest(kbsearch_searcher* searcher, const kbsearch_suggest_request* request,
                                 kbsearch_results** results) {
  const char* const function = __func__;
  return guard([&] {
    *require(results, function, "results") = nullptr;
    require(searcher, function, "searcher");
    require(request, function, "request");
    *results = new kbsearch_results(searcher->cpp.suggest(to_cpp(*request, function)));
  });
}

kbsearch_status kbsearch_searcher_get(kbsearch_searcher* searcher, const char* id,
                                      kbsearch_stored_article** article) {
  const char* const function = __func__;
  return guard([&] {
    *require(article, function, "article") = nullptr;
    require(searcher, function, "searcher");
    require(id, function, "id");
    std::optional<kbsearch::StoredArticle> stored = searcher->cpp.get(id);
    if (!stored) {
      throw Failure(KBSEARCH_NOT_FOUND, "no article '" + std::string(id) + "' in the index");
    }
    *article = new kbsearch::capi::StoredArticleView(std::move(*stored));
  });
}

void kbsearch_stored_article_free(kbsearch_stored_article* article) {
  delete static_cast<kbsearch::capi::StoredArticleView*>(article);
}

kbsearch_status kbsearch_searcher_languages(kbsearch_searcher* searcher,
                                            const char* const** languages, size_t* count) {
  const char* const function = __func__;
  return guard([&] {
    *require(languages, function, "languages") = nullptr;
    if (count != nullptr) *count = 0;
    require(searcher, function, "searcher");
    // The new list is built whole before it replaces the old one, which
    // stays valid if this fails. Moving the vector keeps its strings where
    // the list points.
    std::vector<std::string> found = searcher->cpp.languages();
    kbsearch::capi::StringList list(found);
    searcher->languages = std::move(found);
    searcher->language_list = std::move(list);
    *languages = searcher->language_list.data();
    if (count != nullptr) *count = searcher->language_list.size();
  });
}

// --- results: accessors that cannot fail ------------------------------------

size_t kbsearch_results_total(const kbsearch_results* results) {
  return results != nullptr ? results->cpp.total : 0;
}

int kbsearch_results_facets_exact(const kbsearch_results* results) {
  return results != nullptr && results->cpp.facets_exact;
}

size_t kbsearch_results_hit_count(const kbsearch_results* results) {
  return results != nullptr ? results->hits.size() : 0;
}

const kbsearch_hit* kbsearch_results_hit(const kbsearch_results* results, size_t i) {
  return results != nullptr && i < results->hits.size() ? &results->hits[i].c : nullptr;
}

namespace {

const kbsearch_facet* facets(const std::vector<kbsearch_facet>* list, size_t* count) {
  if (count != nullptr) *count = list != nullptr ? list->size() - 1 : 0;
  return list != nullptr ? list->data() : nullptr;
}

const char* const* strings(const kbsearch::capi::StringList* list, size_t* count) {
  if (count != nullptr) *count = list != nullptr ? list->size() : 0;
  return list != nullptr ? list->data() : nullptr;
}

}  // namespace

const kbsearch_facet* kbsearch_results_language_facets(const kbsearch_results* results,
                                                       size_t* count) {
  return facets(results != nullptr ? &results->language_facets : nullptr, count);
}

const kbsearch_facet* kbsearch_results_tag_facets(const kbsearch_results* results, size_t* count) {
  return facets(results != nullptr ? &results->tag_facets : nullptr, count);
}

const char* kbsearch_results_suggestion(const kbsearch_results* results) {
  return results != nullptr ? results->cpp.suggestion.c_str() : nullptr;
}

const char* const* kbsearch_results_query_languages(const kbsearch_results* results,
                                                    size_t* count) {
  return strings(results != nullptr ? &results->query_languages : nullptr, count);
}

int kbsearch_results_phrases_as_words(const kbsearch_results* results) {
  return results != nullptr && results->cpp.phrases_as_words;
}

const char* const* kbsearch_results_missing_shards(const kbsearch_results* results,
                                                   size_t* count) {
  return strings(results != nullptr ? &results->missing_shards : nullptr, count);
}

const kbsearch_completion* kbsearch_results_completions(const kbsearch_results* results, size_t* count) {
  if (count != nullptr) *count = results != nullptr ? results->completions.size() - 1 : 0;
  return results != nullptr ? results->completions.data() : nullptr;
}

void kbsearch_results_free(kbsearch_results* results) { delete results; }

// --- analysis ---------------------------------------------------------------

kbsearch_status kbsearch_analyze(const char* lang, const char* text, kbsearch_tokens** tokens) {
  const char* const function = __func__;
  return guard([&] {
    *require(tokens, function, "tokens") = nullptr;
    require(lang, function, "lang");
    require(text, function, "text");
    kbsearch::Analyzer analyzer(lang);
    *tokens = new kbsearch_tokens(analyzer.analyze(text));
  });
}

size_t kbsearch_tokens_count(const kbsearch_tokens* tokens) {
  return tokens != nullptr ? tokens->c.size() : 0;
}

const kbsearch_token* kbsearch_tokens_get(const kbsearch_tokens* tokens, size_t i) {
  return tokens != nullptr && i < tokens->c.size() ? &tokens->c[i] : nullptr;
}

void kbsearch_tokens_free(kbsearch_tokens* tokens) { delete tokens; }
