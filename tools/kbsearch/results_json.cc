#include "results_json.h"

namespace kbsearch::cli {

nlohmann::json facets_json(const std::vector<FacetCount>& counts) {
  nlohmann::json out = nlohmann::json::array();
  for (const FacetCount& c : counts) out.push_back({{"value", c.value}, {"count", c.count}});
  return out;
}

nlohmann::json results_json(const SearchResults& results) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& h : results.hits) {
    nlohmann::json spans = nlohmann::json::array();
    nlohmann::json spans_utf16 = nlohmann::json::array();
    nlohmann::json spans_code_points = nlohmann::json::array();
    for (const auto& s : h.highlights) {
      spans.push_back({s.start, s.end});
      spans_utf16.push_back({s.start_utf16, s.end_utf16});
      spans_code_points.push_back({s.start_code_point, s.end_code_point});
    }
    hits.push_back({{"rank", h.rank},
                    {"id", h.id},
                    {"lang", h.lang},
                    {"title", h.title},
                    {"path", h.path},
                    {"group", h.group},
                    {"updated", h.updated},
                    {"tags", h.tags},
                    {"languages", h.languages},
                    {"score", h.score},
                    {"snippet", h.snippet},
                    {"highlights", spans},
                    {"highlights_utf16", spans_utf16},
                    {"highlights_code_points", spans_code_points},
                    {"snippet_html", h.snippet_html},
                    {"section", {{"heading", h.section_heading}, {"anchor", h.section_anchor}}}});
  }
  return {{"query", results.query},
          {"query_languages", results.query_languages},
          {"total", results.total},
          {"facets_exact", results.facets_exact},
          {"suggestion", results.suggestion},
          {"phrases_as_words", results.phrases_as_words},
          {"missing_shards", results.missing_shards},
          {"facets", {{"lang", facets_json(results.languages)}, {"tags", facets_json(results.tags)}}},
          {"hits", hits}};
}

nlohmann::json suggestions_json(const Suggestions& suggestions) {
  nlohmann::json completions = nlohmann::json::array();
  for (const Completion& c : suggestions.completions) {
    completions.push_back({{"query", c.query}, {"word", c.word}, {"frequency", c.frequency}});
  }
  return {{"completions", completions}, {"results", results_json(suggestions.results)}};
}

}  // namespace kbsearch::cli
