#include "kbsearch/searcher.h"

#include <xapian.h>
#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>

#include "analysis/analyzer_cache.h"
#include "analysis/language_tag.h"
#include "analysis/normalizers.h"
#include "index/analysis_config.h"
#include "index/completions.h"
#include "index/document_data.h"
#include "index/put_article.h"
#include "index/schema.h"
#include "index/xapian_errors.h"
#include "kbsearch/error.h"
#include "search/boosts.h"
#include "search/completion.h"
#include "search/query_builder.h"
#include "search/query_languages.h"
#include "search/query_parser.h"
#include "search/reranking.h"
#include "search/searcher_access.h"
#include "search/snippet.h"
#include "shard/index_reader.h"
#include "util/utf8.h"

namespace kbsearch {

// Hidden: a class nested in an exported class is exported with it.
struct [[gnu::visibility("hidden")]] Searcher::Rep {
  Rep(shard::IndexReader reader, SearchOptions options) : reader(std::move(reader)), options(std::move(options)) {
    load_analyzers();
  }
  shard::IndexReader reader;
  SearchOptions options;
  // Into `reader`: a Rep stays where it was made (a Searcher moves its pointer).
  Xapian::Database& db = reader.db();
  const std::string& path = reader.path();
  std::unique_ptr<analysis::AnalyzerCache> analyzers;

  void load_analyzers();
  void refresh();
  [[noreturn]] void rethrow(const Xapian::Error& e);

  template <typename Query>
  auto answer(const Query& query) -> decltype(query());
  SearchResults run(const SearchRequest& request);
  Suggestions suggest(const SuggestRequest& request);
  std::optional<StoredArticle> get(const std::string& id);
  struct Ranked {
    Xapian::Document doc;
    double weight;
  };
  struct Matches {
    std::vector<Ranked> page;  // the hits asked for
    Xapian::MSet counted;      // the pass that saw the matches: its estimates are the totals
  };
  Matches match(const SearchRequest& request, const SearchOptions& asked, const search::BuiltQuery& built,
                const std::string& preferred, const std::vector<std::string>& indexed,
                Xapian::ValueCountMatchSpy& lang_spy, Xapian::ValueCountMatchSpy& tag_spy);
  std::vector<std::string> indexed_languages();
  struct Translations {
    std::vector<std::string> languages;  // in the order asked
    Xapian::docid wanted = 0;            // the article in the wanted language, if the group has one
  };
  Translations translations(const std::string& group, const std::vector<std::string>& languages,
                            const std::string& wanted);
  Hit make_hit(const Ranked& match, const SearchRequest& request, const SearchOptions& asked,
               const std::string& preferred, const std::vector<std::string>& languages,
               const search::BuiltQuery& built);
};

// Queries are analysed with the configuration the articles were analysed with.
void Searcher::Rep::load_analyzers() {
  analyzers = std::make_unique<analysis::AnalyzerCache>(index::analyzer_options(index::load_keep_whole(db)));
}

// A long-lived searcher sees what the indexer committed since the last query.
void Searcher::Rep::refresh() {
  if (reader.refresh()) load_analyzers();
}

Searcher::Searcher(const std::string& db_path, SearchOptions options) {
  try {
    const shard::ReaderOptions reading{options.shard_timeout_ms, options.allow_missing_shards,
                                       options.reconnect_seconds};
    rep_ = std::make_unique<Rep>(shard::IndexReader(db_path, reading), std::move(options));
  } catch (const Xapian::Error& e) {
    index::rethrow_xapian_error(e, "opening index " + db_path);
  }
}

Searcher::Searcher(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}

Searcher SearcherAccess::over(const Xapian::Database& db, const std::string& name) {
  try {
    return Searcher(std::make_unique<Searcher::Rep>(shard::IndexReader(db, name), SearchOptions()));
  } catch (const Xapian::Error& e) {
    index::rethrow_xapian_error(e, "opening " + name);
  }
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

std::vector<std::string> Searcher::Rep::indexed_languages() {
  // Read from the terms, not from metadata: over shards, metadata comes
  // from the first shard only, while terms are merged from all of them.
  std::vector<std::string> langs;
  const std::string prefix(index::prefix::kLang);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    langs.push_back((*it).substr(prefix.size()));
  }
  return langs;
}

namespace {

void check_limits(const SearchRequest& request, const SearchOptions& options) {
  if (request.query.size() > options.max_query_bytes) {
    throw QueryError(request.query.substr(0, 60) + "…",
                     "is " + std::to_string(request.query.size()) + " bytes; the limit is " +
                         std::to_string(options.max_query_bytes));
  }
  const std::size_t invalid = util::find_invalid_utf8(request.query);
  if (invalid != std::string::npos) {
    throw QueryError(request.query.substr(0, invalid) + "…",
                     "is not valid UTF-8 (byte " + std::to_string(invalid + 1) + ")");
  }
  if (request.limit > options.max_limit) {
    throw QueryError(request.query, "asks for " + std::to_string(request.limit) +
                                        " hits; the limit is " + std::to_string(options.max_limit));
  }
  if (!request.lang.empty() && !analysis::language_of_tag(request.lang)) {
    throw QueryError(request.query, "unknown language code '" + request.lang + "' (" + analysis::kLanguageTagAdvice + ")");
  }
  // A mark is repeated around every highlight of every hit.
  for (const std::optional<std::string>* mark : {&request.mark_pre, &request.mark_post}) {
    if (*mark && (*mark)->size() > options.max_query_bytes) {
      throw QueryError(request.query, "asks for a highlight mark of " + std::to_string((*mark)->size()) +
                                          " bytes; the limit is " + std::to_string(options.max_query_bytes));
    }
  }
}

// The Searcher's options with what the request chose for itself.
SearchOptions options_for(const SearchRequest& request, SearchOptions options) {
  options.recency_bonus = request.recency_bonus.value_or(options.recency_bonus);
  options.recency_days = request.recency_days.value_or(options.recency_days);
  options.snippet_chars = request.snippet_chars.value_or(options.snippet_chars);
  options.facet_max_matches = request.facet_max_matches.value_or(options.facet_max_matches);
  if (request.mark_pre) options.mark_pre = *request.mark_pre;
  if (request.mark_post) options.mark_post = *request.mark_post;
  return options;
}

// `scale`: what one counted match stands for (1 when every match was counted).
std::vector<FacetCount> sorted_counts(const std::map<std::string, std::size_t>& counts, double scale) {
  std::vector<FacetCount> facets;
  for (const auto& [value, count] : counts) {
    facets.push_back(
        {value, std::max(count, static_cast<std::size_t>(std::llround(static_cast<double>(count) * scale)))});
  }
  std::stable_sort(facets.begin(), facets.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  return facets;
}

std::map<std::string, std::size_t> spy_counts(const Xapian::ValueCountMatchSpy& spy) {
  std::map<std::string, std::size_t> counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    if (!(*it).empty()) counts[*it] += it.get_termfreq();
  }
  return counts;
}

// A tag set counts once for each of its tags.
std::map<std::string, std::size_t> tag_counts(const Xapian::ValueCountMatchSpy& spy) {
  std::map<std::string, std::size_t> counts;
  for (const auto& [set, count] : spy_counts(spy)) {
    std::size_t start = 0;
    while (start <= set.size()) {
      std::size_t end = set.find(index::kTagSeparator, start);
      if (end == std::string::npos) end = set.size();
      if (end > start) counts[set.substr(start, end - start)] += count;
      start = end + 1;
    }
  }
  return counts;
}

}  // namespace

// The languages a group is written in, from one term per language (no
// document is read). Only the wanted language's article is looked up: an
// existence check costs less than opening a posting list.
Searcher::Rep::Translations Searcher::Rep::translations(const std::string& group,
                                                        const std::vector<std::string>& languages,
                                                        const std::string& wanted) {
  Translations found;
  for (const std::string& lang : languages) {
    const std::string term = index::translation_term(lang, group);
    if (lang == wanted) {
      const Xapian::PostingIterator it = db.postlist_begin(term);
      if (it == db.postlist_end(term)) continue;
      found.wanted = *it;
    } else if (!db.term_exists(term)) {
      continue;
    }
    found.languages.push_back(lang);
  }
  return found;
}

Hit Searcher::Rep::make_hit(const Ranked& match, const SearchRequest& request,
                            const SearchOptions& asked, const std::string& preferred,
                            const std::vector<std::string>& languages, const search::BuiltQuery& built) {
  Xapian::Document doc = match.doc;
  // One hit stands for its group: show the translation in the user's
  // language when the group has one, unless a lang: filter chose the
  // languages shown.
  const bool show_preferred = !request.all_translations && !preferred.empty() && !built.filters_language &&
                              doc.get_value(index::kSlotLang) != preferred;
  const Translations group =
      translations(doc.get_value(index::kSlotGroup), languages, show_preferred ? preferred : std::string());
  if (group.wanted != 0) doc = db.get_document(group.wanted);
  index::StoredArticle article = index::decode_article_fields(doc.get_value(index::kSlotFields));
  Hit hit;
  hit.id = article.id;
  hit.lang = article.lang;
  hit.title = article.title;
  hit.path = article.path;
  hit.group = article.group;
  hit.updated = article.updated;
  hit.tags = article.tags;
  hit.languages = group.languages;
  hit.score = match.weight;
  if (!request.snippets) return hit;
  // Highlight with the query's analysis in the article's language, or the
  // closest there is (a Swedish query shown on a Thai article still marks
  // the shared product names and codes).
  auto terms = built.terms.find(article.lang);
  if (terms == built.terms.end()) terms = built.terms.begin();
  if (terms == built.terms.end()) return hit;
  article.sections = index::decode_article_sections(doc.get_data());
  search::Snippet snippet = search::make_snippet(article, analyzers->get(article.lang), terms->second,
                                                 asked.snippet_chars);
  hit.snippet = std::move(snippet.text);
  hit.highlights = std::move(snippet.highlights);
  hit.snippet_html = search::snippet_html(hit.snippet, hit.highlights, asked.mark_pre, asked.mark_post);
  if (snippet.section != nullptr) {
    hit.section_heading = snippet.section->heading;
    hit.section_anchor = snippet.section->anchor;
  }
  return hit;
}

Searcher::Rep::Matches Searcher::Rep::match(const SearchRequest& request, const SearchOptions& asked,
                                            const search::BuiltQuery& built, const std::string& preferred,
                                            const std::vector<std::string>& indexed,
                                            Xapian::ValueCountMatchSpy& lang_spy,
                                            Xapian::ValueCountMatchSpy& tag_spy) {
  std::vector<Xapian::Query> boosts{search::language_tie_break(indexed)};
  if (!preferred.empty() && asked.language_bonus > 0) {
    boosts.push_back(search::language_boost(preferred, asked.language_bonus));
  }
  if (asked.recency_bonus > 0 && asked.recency_days > 0) {
    boosts.push_back(search::recency_boost(asked.recency_bonus, asked.recency_days, std::time(nullptr)));
  }
  const auto enquire_for = [&](const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(search::with_boosts(query, boosts));
    if (request.sort == SortOrder::kUpdated) {
      enquire.set_sort_by_value_then_relevance(index::kSlotUpdated, true);
    } else {
      // Ties broken by article id, the same on one database and across shards.
      enquire.set_sort_by_relevance_then_value(index::kSlotId, false);
    }
    if (!request.all_translations) enquire.set_collapse_key(index::kSlotGroup);
    return enquire;
  };
  // Without facets, the total is Xapian's estimate, as cheap as the page.
  // With them, the spies see at least one match more than the bound (when
  // there are that many), which is how run() tells that the bound was passed.
  const auto counting = [&](Xapian::Enquire& enquire) {
    if (!request.facets) return Xapian::doccount{0};
    enquire.add_matchspy(&lang_spy);
    enquire.add_matchspy(&tag_spy);
    const std::size_t bound = std::min<std::size_t>(asked.facet_max_matches, db.get_doccount());
    return static_cast<Xapian::doccount>(bound) + 1;
  };
  const auto offset = static_cast<Xapian::doccount>(request.offset);
  const auto limit = static_cast<Xapian::doccount>(request.limit);
  // Sorted by date, the bonuses only order articles of one day: one pass.
  if (built.without_bonuses.empty() || request.sort == SortOrder::kUpdated) {
    Xapian::Enquire enquire = enquire_for(built.query);
    const Xapian::doccount check_at_least = counting(enquire);
    const Xapian::MSet page = enquire.get_mset(offset, limit, check_at_least);
    std::vector<Ranked> ranked;
    for (auto it = page.begin(); it != page.end(); ++it) ranked.push_back({it.get_document(), it.get_weight()});
    return {ranked, page};
  }
  Xapian::Enquire first_pass = enquire_for(built.without_bonuses);
  const Xapian::doccount check_at_least = counting(first_pass);
  const auto depth = static_cast<Xapian::doccount>(search::rerank_depth(request.offset, request.limit));
  const Xapian::MSet first = first_pass.get_mset(0, depth, check_at_least);
  // The candidates' ids are their sort keys (relevance, then id): no
  // document is read but the page's.
  std::vector<double> weights;
  std::vector<std::string> ids;
  for (auto it = first.begin(); it != first.end(); ++it) {
    weights.push_back(it.get_weight());
    ids.push_back(it.get_sort_key());
  }
  if (!built.extras.empty() && !first.empty()) {
    Xapian::Enquire second_pass(db);
    second_pass.set_query(search::extras_of(ids, built.extras));
    const Xapian::MSet second = second_pass.get_mset(0, first.size());
    std::map<Xapian::docid, double> added;
    for (auto it = second.begin(); it != second.end(); ++it) added[*it] = it.get_weight();
    std::size_t i = 0;
    for (auto it = first.begin(); it != first.end(); ++it, ++i) weights[i] += added[*it];
  }
  // Ties by article id, as Xapian's sort of the first pass.
  std::vector<std::size_t> order(weights.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return weights[a] != weights[b] ? weights[a] > weights[b] : ids[a] < ids[b];
  });
  std::vector<Ranked> page;
  for (std::size_t i = offset; i < order.size() && i < offset + limit; ++i) {
    page.push_back({first[order[i]].get_document(), weights[order[i]]});
  }
  return {page, first};
}

SearchResults Searcher::Rep::run(const SearchRequest& request) {
  check_limits(request, options);
  const SearchOptions asked = options_for(request, options);
  const search::QueryNode root = search::parse_query(request.query);
  const std::vector<std::string> indexed = indexed_languages();
  const std::string user_lang = request.lang.empty() ? "" : *analysis::language_of_tag(request.lang);
  const search::QueryLanguages langs = search::choose_query_languages(request.query, user_lang, indexed);
  // With the query's language known, its analysis searches every article
  // (a group without that translation still shows its best match) and the
  // language is preferred; else each language's analysis searches its own.
  const search::QueryTarget target{langs.languages, langs.preferred.empty()};
  search::BuiltQuery built = search::build_query(request.query, root, target, asked, *analyzers, db);

  SearchResults results;
  results.query = request.query;
  results.query_languages = langs.languages;
  results.missing_shards = reader.missing_shards();
  results.suggestion = built.suggestion;
  if (built.query.empty()) return results;

  Xapian::ValueCountMatchSpy lang_spy(index::kSlotLang), tag_spy(index::kSlotTags);
  Matches matches = match(request, asked, built, langs.preferred, indexed, lang_spy, tag_spy);
  if (matches.counted.empty() && built.has_phrases) {
    // No article has the quoted words in sequence: answer with the
    // articles that have the words rather than with nothing. (The spies
    // have seen no match, so they count the second query alone.)
    built = search::build_query(request.query, root, target, asked, *analyzers, db, true);
    results.phrases_as_words = true;
    matches = match(request, asked, built, langs.preferred, indexed, lang_spy, tag_spy);
  }
  const Xapian::MSet& mset = matches.counted;
  results.total = mset.get_matches_estimated();
  if (request.facets) {
    const Xapian::doccount counted = lang_spy.get_total();
    results.facets_exact = counted <= asked.facet_max_matches;
    // Having seen every match, Xapian knows the number of groups exactly as
    // its lower bound; its estimate is rounded, as the upper bound still
    // allows for collapsed documents. (A spy counting the groups instead
    // cost about a third of the query: one map entry per group.)
    if (results.facets_exact && !request.all_translations) results.total = mset.get_matches_lower_bound();
    // Past the bound, the spies counted articles before collapsing, so they
    // scale by the estimate of the articles before collapsing.
    const double scale = results.facets_exact || counted == 0
                             ? 1.0
                             : static_cast<double>(mset.get_uncollapsed_matches_estimated()) / counted;
    results.languages = sorted_counts(spy_counts(lang_spy), scale);
    results.tags = sorted_counts(tag_counts(tag_spy), scale);
  }
  std::size_t rank = request.offset;
  for (const Ranked& match : matches.page) {
    Hit hit = make_hit(match, request, asked, langs.preferred, indexed, built);
    hit.rank = ++rank;
    results.hits.push_back(std::move(hit));
  }
  return results;
}

// A remote shard whose connection failed stays failed; the next search
// connects afresh, so a restarted server is used again.
void Searcher::Rep::rethrow(const Xapian::Error& e) {
  const std::string type = e.get_type();
  if (type == "NetworkError" || type == "NetworkTimeoutError") reader.lose_connection();
  index::rethrow_xapian_error(e, "searching " + path);
}

// Answers `query` from the index as it is now, once more after a commit or
// a shard's failure during it.
template <typename Query>
auto Searcher::Rep::answer(const Query& query) -> decltype(query()) {
  try {
    refresh();
    return query();
  } catch (const Xapian::DatabaseModifiedError&) {
    // The index was committed to while we read it: reopen at the new
    // revision and answer from that, once.
    try {
      reader.reopen_at_latest();
      return query();
    } catch (const Xapian::Error& e) {
      rethrow(e);
    }
  } catch (const Xapian::NetworkError&) {
    // A shard stopped answering during the search: answer once more from
    // the shards and replicas that do answer.
    try {
      reader.reconnect();
      return query();
    } catch (const Xapian::Error& e) {
      rethrow(e);
    }
  } catch (const Xapian::Error& e) {
    rethrow(e);
  }
}

SearchResults Searcher::search(const SearchRequest& request) {
  return rep_->answer([&] { return rep_->run(request); });
}

Suggestions Searcher::Rep::suggest(const SuggestRequest& request) {
  SearchRequest search;
  search.query = request.query;
  search.lang = request.lang;
  search.limit = request.limit;
  search.facets = false;  // counted over every match, they would cost more than the rest
  search.snippets = request.snippets;
  check_limits(search, options);
  if (request.completions > index::kStoredCompletions) {
    throw QueryError(request.query, "asks for " + std::to_string(request.completions) +
                                        " completions; the limit is " + std::to_string(index::kStoredCompletions));
  }
  const search::QueryLanguages langs = search::choose_query_languages(request.query, request.lang, indexed_languages());
  Suggestions suggestions;
  suggestions.completions =
      search::complete_last_word(request.query, langs.languages, *analyzers, db, request.completions);
  if (!suggestions.completions.empty()) search.query = suggestions.completions.front().query;
  suggestions.results = run(search);
  return suggestions;
}

Suggestions Searcher::suggest(const SuggestRequest& request) {
  return rep_->answer([&] { return rep_->suggest(request); });
}

std::optional<StoredArticle> Searcher::Rep::get(const std::string& id) {
  const std::string term = index::make_key_term(index::prefix::kId, id);
  const auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  const Xapian::Document doc = db.get_document(*it);
  index::StoredArticle fields = index::decode_article_fields(doc.get_value(index::kSlotFields));
  StoredArticle article{fields.id,   fields.title, fields.lang, fields.updated, fields.group,
                        fields.tags, fields.path,  {},          {}};
  const std::string input = doc.get_value(index::kSlotInput);
  if (!input.empty()) article.markdown = index::decode_put_article(input).markdown;
  for (markdown::Section& s : index::decode_article_sections(doc.get_data())) {
    article.sections.push_back({std::move(s.heading), s.level, std::move(s.anchor), std::move(s.prose),
                                std::move(s.code)});
  }
  return article;
}

std::optional<StoredArticle> Searcher::get(const std::string& id) {
  try {
    rep_->refresh();
    try {
      return rep_->get(analysis::to_nfc(id));
    } catch (const Xapian::DatabaseModifiedError&) {
      rep_->reader.reopen_at_latest();
      return rep_->get(analysis::to_nfc(id));
    }
  } catch (const Xapian::Error& e) {
    rep_->rethrow(e);
  }
}

std::vector<std::string> Searcher::languages() {
  try {
    return rep_->indexed_languages();
  } catch (const Xapian::Error& e) {
    index::rethrow_xapian_error(e, "reading languages of " + rep_->path);
  }
}

IndexStats Searcher::stats() {
  try {
    rep_->refresh();
    IndexStats stats;
    stats.articles = rep_->db.get_doccount();
    stats.generation = rep_->reader.generation();
    stats.languages = rep_->indexed_languages();
    return stats;
  } catch (const Xapian::Error& e) {
    rep_->rethrow(e);
  }
}

}  // namespace kbsearch
