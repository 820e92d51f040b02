// What the C API hands out: the C++ results, reports, stored articles and
// tokens, each kept whole beside the C structs that point into it. Built
// once when the object is returned and never changed after, so the
// pointers stay valid for the object's life and any thread may read them.
// Not copyable: the C structs point into the object itself.
#ifndef KBSEARCH_LIB_CAPI_VIEWS_H
#define KBSEARCH_LIB_CAPI_VIEWS_H

#include <string>
#include <vector>

#include "kbsearch/article.h"
#include "kbsearch/index_report.h"
#include "kbsearch/kbsearch_c.h"
#include "kbsearch/search_results.h"
#include "kbsearch/token.h"

namespace kbsearch::capi {

// Strings that another object owns, as a C array ending with NULL.
class StringList {
 public:
  StringList() : pointers_{nullptr} {}
  explicit StringList(const std::vector<std::string>& strings);
  const char* const* data() const { return pointers_.data(); }
  std::size_t size() const { return pointers_.size() - 1; }

 private:
  std::vector<const char*> pointers_;
};

// A kbsearch_hit and the arrays it points to, for a Hit kept elsewhere.
struct HitView {
  explicit HitView(const Hit& hit);
  kbsearch_hit c;
  std::vector<kbsearch_highlight> highlights;
  StringList tags;
  StringList languages;
};

struct ReportView : kbsearch_report {
  explicit ReportView(IndexReport report);
  ReportView(const ReportView&) = delete;
  ReportView& operator=(const ReportView&) = delete;

  const IndexReport cpp;
  std::vector<kbsearch_file_error> file_errors, file_warnings;
  std::vector<const char*> added_id_views, updated_id_views, deleted_id_views;
};

struct StoredArticleView : kbsearch_stored_article {
  explicit StoredArticleView(StoredArticle article);
  StoredArticleView(const StoredArticleView&) = delete;
  StoredArticleView& operator=(const StoredArticleView&) = delete;

  const StoredArticle cpp;
  StringList tag_list;
  std::vector<kbsearch_section> section_list;
};

}  // namespace kbsearch::capi

// The opaque handles of kbsearch_c.h that views are.
struct kbsearch_results {
  explicit kbsearch_results(kbsearch::SearchResults results);
  explicit kbsearch_results(kbsearch::Suggestions suggestions);
  kbsearch_results(kbsearch::SearchResults results, std::vector<kbsearch::Completion> completions);
  kbsearch_results(const kbsearch_results&) = delete;
  kbsearch_results& operator=(const kbsearch_results&) = delete;

  const kbsearch::SearchResults cpp;
  std::vector<kbsearch::capi::HitView> hits;
  std::vector<kbsearch_facet> language_facets;  // each ends with {NULL, 0}
  std::vector<kbsearch_facet> tag_facets;
  kbsearch::capi::StringList query_languages;
  kbsearch::capi::StringList missing_shards;
  const std::vector<kbsearch::Completion> completions_cpp;  // of a suggest() answer
  std::vector<kbsearch_completion> completions;             // ends with {NULL, NULL, 0}
};

struct kbsearch_tokens {
  explicit kbsearch_tokens(std::vector<kbsearch::Token> tokens);
  kbsearch_tokens(const kbsearch_tokens&) = delete;
  kbsearch_tokens& operator=(const kbsearch_tokens&) = delete;

  const std::vector<kbsearch::Token> cpp;
  std::vector<kbsearch_token> c;
};

#endif  // KBSEARCH_LIB_CAPI_VIEWS_H
