#include "capi/views.h"

#include <utility>

namespace kbsearch::capi {

namespace {

std::vector<kbsearch_facet> facet_list(const std::vector<FacetCount>& facets) {
  std::vector<kbsearch_facet> list;
  list.reserve(facets.size() + 1);
  for (const FacetCount& facet : facets) list.push_back({facet.value.c_str(), facet.count});
  list.push_back({nullptr, 0});
  return list;
}

}  // namespace

StringList::StringList(const std::vector<std::string>& strings) {
  pointers_.reserve(strings.size() + 1);
  for (const std::string& s : strings) pointers_.push_back(s.c_str());
  pointers_.push_back(nullptr);
}

// The arrays are built before `c` points at them. A HitView may move (in
// its vector) without breaking `c`: moving a vector keeps its buffer.
HitView::HitView(const Hit& hit) : c{}, tags(hit.tags), languages(hit.languages) {
  highlights.reserve(hit.highlights.size());
  for (const Highlight& h : hit.highlights) {
    highlights.push_back({h.start, h.end, h.start_utf16, h.end_utf16, h.start_code_point,
                          h.end_code_point});
  }
  c.rank = hit.rank;
  c.id = hit.id.c_str();
  c.lang = hit.lang.c_str();
  c.title = hit.title.c_str();
  c.path = hit.path.c_str();
  c.group = hit.group.c_str();
  c.updated = hit.updated.c_str();
  c.score = hit.score;
  c.snippet = hit.snippet.c_str();
  c.highlights = highlights.data();
  c.highlight_count = highlights.size();
  c.snippet_html = hit.snippet_html.c_str();
  c.tags = tags.data();
  c.tag_count = tags.size();
  c.languages = languages.data();
  c.language_count = languages.size();
  c.section_heading = hit.section_heading.c_str();
  c.section_anchor = hit.section_anchor.c_str();
}

ReportView::ReportView(IndexReport report) : kbsearch_report{}, cpp(std::move(report)) {
  file_errors.reserve(cpp.errors.size());
  for (const FileError& e : cpp.errors) file_errors.push_back({e.path.c_str(), e.message.c_str()});
  added = cpp.added;
  updated = cpp.updated;
  deleted = cpp.deleted;
  unchanged = cpp.unchanged;
  failed = cpp.failed;
  elsewhere = cpp.elsewhere;
  errors = file_errors.data();
  error_count = file_errors.size();
  dry_run = cpp.dry_run;
  generation = cpp.generation;
  seconds = cpp.seconds;
  read_seconds = cpp.read_seconds;
  analyze_seconds = cpp.analyze_seconds;
  write_seconds = cpp.write_seconds;
  reanalysed = cpp.reanalysed;
  for (const FileError& w : cpp.warnings) file_warnings.push_back({w.path.c_str(), w.message.c_str()});
  warnings = file_warnings.data();
  warning_count = file_warnings.size();
  const auto view = [](const std::vector<std::string>& ids, std::vector<const char*>& views) {
    for (const std::string& id : ids) views.push_back(id.c_str());
    return views.data();
  };
  added_ids = view(cpp.added_ids, added_id_views);
  added_id_count = added_id_views.size();
  updated_ids = view(cpp.updated_ids, updated_id_views);
  updated_id_count = updated_id_views.size();
  deleted_ids = view(cpp.deleted_ids, deleted_id_views);
  deleted_id_count = deleted_id_views.size();
}

StoredArticleView::StoredArticleView(StoredArticle article)
    : kbsearch_stored_article{}, cpp(std::move(article)), tag_list(cpp.tags) {
  section_list.reserve(cpp.sections.size());
  for (const StoredSection& s : cpp.sections) {
    section_list.push_back(
        {s.heading.c_str(), s.level, s.anchor.c_str(), s.text.c_str(), s.code.c_str()});
  }
  id = cpp.id.c_str();
  title = cpp.title.c_str();
  lang = cpp.lang.c_str();
  updated = cpp.updated.c_str();
  group = cpp.group.c_str();
  tags = tag_list.data();
  tag_count = tag_list.size();
  path = cpp.path.c_str();
  markdown = cpp.markdown.c_str();
  sections = section_list.data();
  section_count = section_list.size();
}

}  // namespace kbsearch::capi

kbsearch_results::kbsearch_results(kbsearch::SearchResults results) : kbsearch_results(std::move(results), {}) {}

kbsearch_results::kbsearch_results(kbsearch::Suggestions suggestions)
    : kbsearch_results(std::move(suggestions.results), std::move(suggestions.completions)) {}

kbsearch_results::kbsearch_results(kbsearch::SearchResults results, std::vector<kbsearch::Completion> completions)
    : cpp(std::move(results)),
      language_facets(kbsearch::capi::facet_list(cpp.languages)),
      tag_facets(kbsearch::capi::facet_list(cpp.tags)),
      query_languages(cpp.query_languages),
      missing_shards(cpp.missing_shards),
      completions_cpp(std::move(completions)) {
  hits.reserve(cpp.hits.size());
  for (const kbsearch::Hit& hit : cpp.hits) hits.emplace_back(hit);
  for (const kbsearch::Completion& c : completions_cpp) {
    this->completions.push_back({c.query.c_str(), c.word.c_str(), c.frequency});
  }
  this->completions.push_back({nullptr, nullptr, 0});
}

kbsearch_tokens::kbsearch_tokens(std::vector<kbsearch::Token> tokens) : cpp(std::move(tokens)) {
  c.reserve(cpp.size());
  for (const kbsearch::Token& t : cpp) {
    c.push_back({t.text.c_str(), t.term.c_str(), t.stem.c_str(), t.folded.c_str(),
                 t.folded_stem.c_str(), t.start, t.end, t.position, t.part, t.stop});
  }
}
