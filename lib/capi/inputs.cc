#include "capi/inputs.h"

#include <cstring>
#include <string>
#include <vector>

#include "capi/status.h"

namespace kbsearch::capi {

namespace {

// Where `field` ends in T: the size of a struct that ends with it.
#define KBSEARCH_END_OF(T, field) (offsetof(T, field) + sizeof(T::field))

// What the library knows of each struct a caller fills: its name, its
// defaults, and the size of its first published version, the smallest size
// a caller's struct can have (fields are only appended after it).
template <typename T>
struct CallerStruct;

template <>
struct CallerStruct<kbsearch_index_options> {
  static constexpr const char* kName = "kbsearch_index_options";
  static constexpr std::size_t kFirstSize = KBSEARCH_END_OF(kbsearch_index_options, shard);
  static kbsearch_index_options defaults() {
    const IndexOptions cpp;
    kbsearch_index_options c{};
    c.size = sizeof c;
    c.max_file_bytes = cpp.max_file_bytes;
    c.rebuild = cpp.rebuild;
    c.dry_run = cpp.dry_run;
    c.follow_links = cpp.follow_links;
    c.max_depth = cpp.max_depth;
    c.threads = cpp.threads;
    c.wait_seconds = cpp.wait_seconds;
    c.commit_every = cpp.commit_every;
    c.flush_every = cpp.flush_every;
    c.shards = cpp.shards;
    c.shard = cpp.shard;
    return c;
  }
};

template <>
struct CallerStruct<kbsearch_search_options> {
  static constexpr const char* kName = "kbsearch_search_options";
  static constexpr std::size_t kFirstSize =
      KBSEARCH_END_OF(kbsearch_search_options, reconnect_seconds);
  static kbsearch_search_options defaults() {
    static const SearchOptions cpp;  // its marks are the struct's default strings
    kbsearch_search_options c{};
    c.size = sizeof c;
    c.title_weight = cpp.title_weight;
    c.code_weight = cpp.code_weight;
    c.phrase_bonus = cpp.phrase_bonus;
    c.proximity_bonus = cpp.proximity_bonus;
    c.language_bonus = cpp.language_bonus;
    c.recency_bonus = cpp.recency_bonus;
    c.recency_days = cpp.recency_days;
    c.typo_min_chars = cpp.typo_min_chars;
    c.max_query_bytes = cpp.max_query_bytes;
    c.max_query_words = cpp.max_query_words;
    c.max_limit = cpp.max_limit;
    c.max_prefix_expansions = cpp.max_prefix_expansions;
    c.snippet_chars = cpp.snippet_chars;
    c.mark_pre = cpp.mark_pre.c_str();
    c.mark_post = cpp.mark_post.c_str();
    c.allow_missing_shards = cpp.allow_missing_shards;
    c.shard_timeout_ms = cpp.shard_timeout_ms;
    c.reconnect_seconds = cpp.reconnect_seconds;
    c.facet_max_matches = cpp.facet_max_matches;
    return c;
  }
};

template <>
struct CallerStruct<kbsearch_request> {
  static constexpr const char* kName = "kbsearch_request";
  static constexpr std::size_t kFirstSize = KBSEARCH_END_OF(kbsearch_request, mark_post);
  static kbsearch_request defaults() {
    const SearchRequest cpp;
    kbsearch_request c{};
    c.size = sizeof c;
    c.offset = cpp.offset;
    c.limit = cpp.limit;
    c.sort = cpp.sort == SortOrder::kUpdated ? KBSEARCH_SORT_UPDATED : KBSEARCH_SORT_RELEVANCE;
    c.all_translations = cpp.all_translations;
    c.facets = cpp.facets;
    c.snippets = cpp.snippets;
    // SearchRequest's unset optionals, as the header spells them.
    c.recency_bonus = -1;
    c.recency_days = 0;
    c.snippet_chars = 0;
    c.mark_pre = nullptr;
    c.mark_post = nullptr;
    c.facet_max_matches = 0;
    return c;
  }
};

template <>
struct CallerStruct<kbsearch_suggest_request> {
  static constexpr const char* kName = "kbsearch_suggest_request";
  static constexpr std::size_t kFirstSize = KBSEARCH_END_OF(kbsearch_suggest_request, snippets);
  static kbsearch_suggest_request defaults() {
    const SuggestRequest cpp;
    kbsearch_suggest_request c{};
    c.size = sizeof c;
    c.completions = cpp.completions;
    c.limit = cpp.limit;
    c.snippets = cpp.snippets;
    return c;
  }
};

template <>
struct CallerStruct<kbsearch_article> {
  static constexpr const char* kName = "kbsearch_article";
  static constexpr std::size_t kFirstSize = KBSEARCH_END_OF(kbsearch_article, tag_count);
  static kbsearch_article defaults() {
    kbsearch_article c{};  // every field unset (NULL), as Article's are empty
    c.size = sizeof c;
    return c;
  }
};

#undef KBSEARCH_END_OF

template <typename T>
void check_size(std::size_t size, const char* function) {
  using Known = CallerStruct<T>;
  if (size >= Known::kFirstSize && size <= sizeof(T)) return;
  const std::string name = Known::kName;
  std::string problem = name + " of size " + std::to_string(size) + ": set it up with " + name +
                        "_init(&x, sizeof x) first";
  if (size > sizeof(T)) {
    problem += " (this library's has " + std::to_string(sizeof(T)) +
               " bytes: was the program built with a newer kbsearch_c.h?)";
  }
  invalid_argument(function, problem);
}

// The caller's struct with the fields its header did not have (it was
// older than the library's) at their defaults.
template <typename T>
T complete(const T& in, const char* function) {
  check_size<T>(in.size, function);
  T out = CallerStruct<T>::defaults();
  std::memcpy(&out, &in, in.size);
  return out;
}

std::string optional_string(const char* s) { return s != nullptr ? s : ""; }

}  // namespace

template <typename T>
void init_struct(T* out, std::size_t size, const char* function, const char* argument) {
  require(out, function, argument);
  check_size<T>(size, function);
  T defaults = CallerStruct<T>::defaults();
  defaults.size = size;
  std::memcpy(out, &defaults, size);
}

template void init_struct(kbsearch_index_options*, std::size_t, const char*, const char*);
template void init_struct(kbsearch_search_options*, std::size_t, const char*, const char*);
template void init_struct(kbsearch_request*, std::size_t, const char*, const char*);
template void init_struct(kbsearch_suggest_request*, std::size_t, const char*, const char*);
template void init_struct(kbsearch_article*, std::size_t, const char*, const char*);

IndexOptions to_cpp(const kbsearch_index_options* options, const char* function) {
  const kbsearch_index_options c =
      options != nullptr ? complete(*options, function)
                         : CallerStruct<kbsearch_index_options>::defaults();
  IndexOptions cpp;
  cpp.max_file_bytes = c.max_file_bytes;
  cpp.rebuild = c.rebuild != 0;
  cpp.dry_run = c.dry_run != 0;
  cpp.follow_links = c.follow_links != 0;
  cpp.max_depth = c.max_depth;
  cpp.threads = c.threads;
  cpp.wait_seconds = c.wait_seconds;
  cpp.commit_every = c.commit_every;
  cpp.flush_every = c.flush_every;
  cpp.shards = c.shards;
  cpp.shard = c.shard;
  return cpp;
}

SearchOptions to_cpp(const kbsearch_search_options* options, const char* function) {
  const kbsearch_search_options c =
      options != nullptr ? complete(*options, function)
                         : CallerStruct<kbsearch_search_options>::defaults();
  SearchOptions cpp;
  cpp.title_weight = c.title_weight;
  cpp.code_weight = c.code_weight;
  cpp.phrase_bonus = c.phrase_bonus;
  cpp.proximity_bonus = c.proximity_bonus;
  cpp.language_bonus = c.language_bonus;
  cpp.recency_bonus = c.recency_bonus;
  cpp.recency_days = c.recency_days;
  cpp.typo_min_chars = c.typo_min_chars;
  cpp.max_query_bytes = c.max_query_bytes;
  cpp.max_query_words = c.max_query_words;
  cpp.max_limit = c.max_limit;
  cpp.max_prefix_expansions = c.max_prefix_expansions;
  cpp.snippet_chars = c.snippet_chars;
  cpp.mark_pre = require(c.mark_pre, function, "options->mark_pre");
  cpp.mark_post = require(c.mark_post, function, "options->mark_post");
  cpp.allow_missing_shards = c.allow_missing_shards != 0;
  cpp.shard_timeout_ms = c.shard_timeout_ms;
  cpp.reconnect_seconds = c.reconnect_seconds;
  cpp.facet_max_matches = c.facet_max_matches;
  return cpp;
}

SearchRequest to_cpp(const kbsearch_request& request, const char* function) {
  const kbsearch_request c = complete(request, function);
  SearchRequest cpp;
  cpp.query = require(c.query, function, "request->query");
  cpp.lang = optional_string(c.lang);
  cpp.offset = c.offset;
  cpp.limit = c.limit;
  switch (c.sort) {
    case KBSEARCH_SORT_RELEVANCE: cpp.sort = SortOrder::kRelevance; break;
    case KBSEARCH_SORT_UPDATED: cpp.sort = SortOrder::kUpdated; break;
    default:
      invalid_argument(function, "request->sort is " + std::to_string(c.sort) +
                                     ": use KBSEARCH_SORT_RELEVANCE or KBSEARCH_SORT_UPDATED");
  }
  cpp.all_translations = c.all_translations != 0;
  cpp.facets = c.facets != 0;
  cpp.snippets = c.snippets != 0;
  if (c.recency_bonus >= 0) cpp.recency_bonus = c.recency_bonus;
  if (c.recency_days > 0) cpp.recency_days = c.recency_days;
  if (c.snippet_chars > 0) cpp.snippet_chars = c.snippet_chars;
  if (c.mark_pre != nullptr) cpp.mark_pre = c.mark_pre;
  if (c.mark_post != nullptr) cpp.mark_post = c.mark_post;
  if (c.facet_max_matches > 0) cpp.facet_max_matches = c.facet_max_matches;
  return cpp;
}

SuggestRequest to_cpp(const kbsearch_suggest_request& request, const char* function) {
  const kbsearch_suggest_request c = complete(request, function);
  SuggestRequest cpp;
  cpp.query = require(c.query, function, "request->query");
  cpp.lang = optional_string(c.lang);
  cpp.completions = c.completions;
  cpp.limit = c.limit;
  cpp.snippets = c.snippets != 0;
  return cpp;
}

Article to_cpp(const kbsearch_article& article, const char* function) {
  const kbsearch_article c = complete(article, function);
  Article cpp;
  cpp.id = require(c.id, function, "article->id");
  cpp.markdown = require(c.markdown, function, "article->markdown");
  cpp.title = optional_string(c.title);
  cpp.lang = optional_string(c.lang);
  cpp.updated = optional_string(c.updated);
  cpp.group = optional_string(c.group);
  if (c.tag_count > 0 && c.tags == nullptr) {
    invalid_argument(function, "article->tags is NULL, and article->tag_count " +
                                   std::to_string(c.tag_count));
  }
  for (std::size_t i = 0; i < c.tag_count; ++i) {
    if (c.tags[i] == nullptr) {
      invalid_argument(function, "article->tags[" + std::to_string(i) + "] is NULL");
    }
    cpp.tags.push_back(c.tags[i]);
  }
  return cpp;
}

}  // namespace kbsearch::capi
