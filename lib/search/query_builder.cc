#include "search/query_builder.h"

#include <algorithm>
#include <numeric>

#include "analysis/language_tag.h"
#include "analysis/token_forms.h"
#include "index/schema.h"
#include "index/synonyms.h"
#include "kbsearch/error.h"
#include "util/ascii_case.h"
#include "util/utf8.h"

namespace kbsearch::search {
namespace {

// How much each looser form of a word counts, relative to the exact word.
constexpr double kStemFactor = 0.5;
constexpr double kFoldedFactor = 0.4;
constexpr double kFoldedStemFactor = 0.25;
constexpr double kPartsFactor = 0.5;
constexpr double kTypoFactor = 0.3;
constexpr double kSynonymFactor = 0.8;
// Words written without spaces between them (Thai) come in runs. A run of
// two is one compound the dictionary split (รหัสผ่าน = รหัส|ผ่าน) and must
// match as a phrase. A longer run is a phrase or sentence typed Thai-style
// (ลืมรหัสผ่าน "forgot password"): its words count as words typed apart,
// with a bonus for the whole sequence and a smaller one for each adjacent
// pair. Measured on the real-article collection's Thai queries (MRR@10
// short / description / sentence; tests/relevance/real/README.md): single words at 0.3,
// whole run 2, pairs 1 (the former weights): 0.805 / 0.649 / 0.171; words at
// 1: 0.863 / 0.653 / 0.189; then run 0.5, pairs 0.25: 0.909 / 0.668 / 0.200;
// no bonuses: 0.899 / 0.643 / 0.190. Weighed in the second pass of a
// reranked search (reranking.h), run 0.5 and pairs 0.25 gave 0.889 / 0.633 /
// 0.216 (single pass 0.889 / 0.660 / 0.227); run 0.25, pairs 0.125: 0.899 /
// 0.618 / 0.209; run 1, pairs 1: 0.864 / 0.662 / 0.220; run 1, pairs 0.5:
// 0.890 / 0.651 / 0.231, kept.
constexpr double kRunPhraseBonus = 1;
constexpr double kRunPairBonus = 0.5;
// The first pass of a reranked search (reranking.h) matches a longer query
// by this many of its words, the rarest: a pasted sentence's common words
// (a product name, "use", "click") are in most articles, weigh little, and
// cost the most to match. The second pass weighs every word for the first
// pass's best. Real-article collection, MRR@10 description / sentence / all
// (tests/relevance/real/README.md): every word 0.580 / 0.437 / 0.563; 12
// words 0.581 / 0.437 / 0.564; 8: 0.583 / 0.440 / 0.566; 5: 0.575 / 0.438 /
// 0.561 (Swahili descriptions 0.839 -> 0.789).
constexpr std::size_t kFirstPassWords = 8;
// "Near": the words within this many positions more than their number.
constexpr Xapian::termcount kNearSlack = 4;
// Shorter words get no spelling suggestion: too many words are one edit
// away from them.
constexpr std::size_t kMinSuggestChars = 3;

struct Field {
  std::string prefix;
  double weight;
};

// One query word: its token and the parts that follow it.
struct Word {
  Token token;
  std::vector<Token> parts;
};

using analysis::folded_form;
using analysis::folded_stem_form;
std::string with(std::string_view a, std::string_view b) { return std::string(a) + std::string(b); }

Xapian::Query scaled(const Xapian::Query& q, double weight) {
  return weight == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight);
}

Xapian::Query any_of(const std::vector<Xapian::Query>& queries) {
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

// Stop words are not required, unless the query has nothing else.
bool all_stop_words(const std::vector<Word>& words) {
  return std::all_of(words.begin(), words.end(), [](const Word& w) { return w.token.stop; });
}

std::vector<Word> group_words(const std::vector<Token>& tokens) {
  std::vector<Word> words;
  for (const Token& t : tokens) {
    if (t.part && !words.empty()) words.back().parts.push_back(t);
    else words.push_back({t, {}});
  }
  return words;
}

// Runs: words with nothing between them (no space, no punctuation).
std::vector<std::vector<Word>> split_runs(const std::vector<Word>& words) {
  std::vector<std::vector<Word>> runs;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i == 0 || words[i].token.start != words[i - 1].token.end) runs.emplace_back();
    runs.back().push_back(words[i]);
  }
  return runs;
}

// A query replacing some byte ranges of the text: the "did you mean".
struct Respelling {
  std::map<std::size_t, std::pair<std::size_t, std::string>> replacements;  // start -> (end, word)

  std::string apply(const std::string& text) const {
    std::string out;
    std::size_t at = 0;
    for (const auto& [start, replacement] : replacements) {
      if (start < at) continue;
      out += text.substr(at, start - at) + replacement.second;
      at = replacement.first;
    }
    return out + text.substr(at);
  }
};

// The query of one language's analysis of a parsed query.
class LanguageQuery {
 public:
  LanguageQuery(const std::string& text, Analyzer& analyzer, const Xapian::Database& db,
                const SearchOptions& options, bool phrases_as_words)
      : text_(text), analyzer_(analyzer), db_(db), options_(options), phrases_as_words_(phrases_as_words),
        // The text field first: indexed() asks the fields in this order,
        // and most words are there.
        all_fields_{{std::string(index::prefix::kText), 1.0},
                    {std::string(index::prefix::kTitle), options.title_weight},
                    {std::string(index::prefix::kCode), options.code_weight}},
        title_fields_{{std::string(index::prefix::kTitle), 1.0}} {}

  Xapian::Query build(const QueryNode& node);
  // The same query without its bonuses: the same matches, ranked by their
  // words alone.
  Xapian::Query build_without_bonuses(const QueryNode& node);
  bool has_bonuses() const { return has_bonuses_; }
  // What the second pass adds to the first pass's weight (a full query's
  // weight is the first pass's plus these), each to be weighed on its own;
  // filled by build_without_bonuses().
  const std::vector<Xapian::Query>& extras() const { return extras_; }
  const QueryTerms& terms() const { return terms_; }
  bool has_phrases() const { return has_phrases_; }
  const Respelling& respelling() const { return respelling_; }

 private:
  const std::vector<Field>& fields_of(const QueryNode& node) const {
    return node.field == "title" ? title_fields_ : all_fields_;
  }
  std::vector<Word> analyse(const QueryNode& node);
  void count_words(std::size_t words);
  Xapian::Query words_query(const QueryNode& node);
  std::vector<Xapian::Query> add_first_pass_words(
      const std::vector<std::pair<Xapian::doccount, Xapian::Query>>& words, std::vector<Xapian::Query>& units) const;
  Xapian::Query phrase_node_query(const QueryNode& node);
  Xapian::Query prefix_query(const QueryNode& node);
  Xapian::Query expand_prefix(const std::string& prefix_term) const;
  Xapian::Query filter_query(const QueryNode& node) const;
  Xapian::Query combine(const QueryNode& node, Xapian::Query::op op);

  Xapian::Query token_query(const Token& t, const std::vector<Field>& fields) const;
  Xapian::Query word_query(const Word& word, const std::vector<Field>& fields, std::size_t offset);
  Xapian::Query typo_query(const Token& t, const std::vector<Field>& fields, std::size_t offset);
  void add_synonyms(const std::vector<Word>& words, const std::vector<Field>& fields,
                    std::vector<Xapian::Query>& units);
  bool indexed(const Token& t) const;
  Xapian::doccount articles_with(const Token& t) const;
  void collect(const Word& word);

  const std::string& text_;
  Analyzer& analyzer_;
  const Xapian::Database& db_;
  const SearchOptions& options_;
  const bool phrases_as_words_;
  bool has_phrases_ = false;
  bool bonuses_ = true;  // build() adds them
  bool has_bonuses_ = false;
  std::map<std::string, std::string> suggestions_;  // asked of the index, by word
  std::vector<Xapian::Query> extras_;
  const std::vector<Field> all_fields_;
  const std::vector<Field> title_fields_;
  QueryTerms terms_;
  Respelling respelling_;
  std::size_t word_count_ = 0;
};

// Stop words are highlighted only where the query has nothing else: they
// are not required, so marking every "och" of a snippet shows no match.
std::vector<Word> LanguageQuery::analyse(const QueryNode& node) {
  std::vector<Word> words = group_words(analyzer_.analyze(node.text));
  count_words(words.size());
  const bool all_stop = all_stop_words(words);
  for (const Word& w : words) {
    if (!w.token.stop || all_stop) collect(w);
  }
  return words;
}

// Every word counts against the limit, a prefix* too (it stands for many).
void LanguageQuery::count_words(std::size_t words) {
  word_count_ += words;
  if (word_count_ > options_.max_query_words) {
    throw QueryError(text_, "has more than " + std::to_string(options_.max_query_words) +
                                " words; the limit is " + std::to_string(options_.max_query_words));
  }
}

void LanguageQuery::collect(const Word& word) {
  auto add = [this](const Token& t) {
    terms_.terms.insert(t.term);
    if (!t.stem.empty()) terms_.stems.insert(t.stem);
    terms_.folded.insert(folded_form(t));
    if (!folded_stem_form(t).empty()) terms_.folded_stems.insert(folded_stem_form(t));
  };
  add(word.token);
  for (const Token& part : word.parts) add(part);
}

// Every form of one token in every field, each term once at its best weight.
Xapian::Query LanguageQuery::token_query(const Token& t, const std::vector<Field>& fields) const {
  std::map<std::string, double> weights;
  auto add = [&weights](const std::string& term, double w) {
    double& best = weights[term];
    best = std::max(best, w);
  };
  for (const Field& f : fields) {
    add(index::make_term(f.prefix, t.term), f.weight);
    if (!t.stem.empty()) add(index::make_term(with(index::prefix::kStem, f.prefix), t.stem), f.weight * kStemFactor);
    const std::string& folded = folded_form(t);
    add(index::make_term(with(index::prefix::kFolded, f.prefix), folded), f.weight * kFoldedFactor);
    if (folded != t.term) add(index::make_term(f.prefix, folded), f.weight * kFoldedFactor);
    const std::string& folded_stem = folded_stem_form(t);
    if (!folded_stem.empty()) {
      add(index::make_term(with(index::prefix::kFoldedStem, f.prefix), folded_stem),
          f.weight * kFoldedStemFactor);
    }
  }
  std::vector<Xapian::Query> alternatives;
  for (const auto& [term, w] : weights) alternatives.push_back(scaled(Xapian::Query(term), w));
  return any_of(alternatives);
}

// Whether any form of the token is in the index, in a field users search.
bool LanguageQuery::indexed(const Token& t) const {
  for (const Field& f : all_fields_) {
    if (db_.term_exists(index::make_term(f.prefix, t.term)) ||
        db_.term_exists(index::make_term(with(index::prefix::kFolded, f.prefix), folded_form(t))) ||
        (!t.stem.empty() && db_.term_exists(index::make_term(with(index::prefix::kStem, f.prefix), t.stem))) ||
        (!folded_stem_form(t).empty() &&
         db_.term_exists(index::make_term(with(index::prefix::kFoldedStem, f.prefix), folded_stem_form(t))))) {
      return true;
    }
  }
  return false;
}

// How many articles have the word, or its stem, in the text field.
Xapian::doccount LanguageQuery::articles_with(const Token& t) const {
  Xapian::doccount n = db_.get_termfreq(index::make_term(index::prefix::kText, t.term));
  if (!t.stem.empty()) n = std::max(n, db_.get_termfreq(index::make_term(index::prefix::kStem, t.stem)));
  return n;
}

// For a word the index does not contain: its closest indexed spelling,
// recorded for "did you mean", and for a long enough word, matched too.
Xapian::Query LanguageQuery::typo_query(const Token& t, const std::vector<Field>& fields,
                                        std::size_t offset) {
  const std::size_t chars = util::utf8_length(t.term);
  if (t.stop || chars < kMinSuggestChars || indexed(t)) return {};
  const unsigned distance = chars >= 2 * options_.typo_min_chars ? 2 : 1;
  const auto [cached, fresh] = suggestions_.try_emplace(t.term);
  if (fresh) cached->second = db_.get_spelling_suggestion(t.term, distance);
  const std::string& suggestion = cached->second;
  if (suggestion.empty() || suggestion == t.term) return {};
  respelling_.replacements[offset + t.start] = {offset + t.end, suggestion};
  if (chars < options_.typo_min_chars) return {};
  const std::vector<Token> respelled = analyzer_.analyze(suggestion);
  if (respelled.empty()) return {};
  for (const Word& w : group_words(respelled)) collect(w);
  return scaled(token_query(respelled.front(), fields), kTypoFactor);
}

Xapian::Query LanguageQuery::word_query(const Word& word, const std::vector<Field>& fields,
                                        std::size_t offset) {
  std::vector<Xapian::Query> alternatives{token_query(word.token, fields)};
  if (!word.parts.empty()) {
    std::vector<Xapian::Query> parts;
    for (const Token& p : word.parts) parts.push_back(token_query(p, fields));
    alternatives.push_back(
        scaled(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()), kPartsFactor));
  }
  const Xapian::Query typo = typo_query(word.token, fields, offset);
  if (!typo.empty()) alternatives.push_back(typo);
  return any_of(alternatives);
}

Xapian::Query positional_query(Xapian::Query::op op, const std::vector<Word>& words,
                               const std::vector<Field>& fields, Xapian::termcount window = 0);

// What the index's synonyms add for each word, and each phrase of up to
// kMaxSynonymWords words, of the query: the synonym's own words (in
// sequence, for a phrase), a little below the words typed.
void LanguageQuery::add_synonyms(const std::vector<Word>& words, const std::vector<Field>& fields,
                                 std::vector<Xapian::Query>& units) {
  for (std::size_t first = 0; first < words.size(); ++first) {
    std::vector<std::string> terms;
    for (std::size_t last = first; last < words.size() && terms.size() < index::kMaxSynonymWords; ++last) {
      terms.push_back(words[last].token.term);
      const std::string key = index::synonym_key(analyzer_.language(), terms);
      for (auto it = db_.synonyms_begin(key); it != db_.synonyms_end(key); ++it) {
        const std::vector<Word> synonym = group_words(analyzer_.analyze(*it));
        if (synonym.empty()) continue;
        for (const Word& w : synonym) collect(w);
        units.push_back(scaled(synonym.size() == 1
                                   ? token_query(synonym.front().token, fields)
                                   : positional_query(Xapian::Query::OP_PHRASE, synonym, fields),
                               kSynonymFactor));
      }
    }
  }
}

// The exact words in sequence (OP_PHRASE) or near each other (OP_NEAR), one
// query per field, weighted by that field and `factor`.
std::vector<Xapian::Query> positional_queries(Xapian::Query::op op, const std::vector<Word>& words,
                                              const std::vector<Field>& fields, Xapian::termcount window,
                                              double factor = 1.0) {
  std::vector<Xapian::Query> per_field;
  for (const Field& f : fields) {
    std::vector<Xapian::Query> terms;
    for (const Word& w : words) terms.emplace_back(index::make_term(f.prefix, w.token.term));
    per_field.push_back(scaled(Xapian::Query(op, terms.begin(), terms.end(), window), f.weight * factor));
  }
  return per_field;
}

// The words in sequence or near each other in any one field.
Xapian::Query positional_query(Xapian::Query::op op, const std::vector<Word>& words,
                               const std::vector<Field>& fields, Xapian::termcount window) {
  return any_of(positional_queries(op, words, fields, window));
}

// Two words written with nothing between them, in sequence in each field:
// for Thai words in the text field, their word-pair term (no positions to
// read; see the schema), elsewhere a phrase.
std::vector<Xapian::Query> adjacent_queries(const Word& first, const Word& second, const std::vector<Field>& fields,
                                            double factor = 1.0) {
  const bool thai = util::has_thai(first.token.term) && util::has_thai(second.token.term);
  std::vector<Xapian::Query> per_field;
  for (const Field& f : fields) {
    if (thai && f.prefix == index::prefix::kText) {
      per_field.push_back(
          scaled(Xapian::Query(index::word_pair_term(first.token.term, second.token.term)), f.weight * factor));
    } else {
      per_field.push_back(positional_queries(Xapian::Query::OP_PHRASE, {first, second}, {f}, 0, factor).front());
    }
  }
  return per_field;
}

// `matches`, ranked higher where each bonus matches too. Every bonus is its
// own OP_AND_MAYBE: Xapian 1.4 weighs an OR of positional queries on the
// right of AND_MAYBE (and under OR) also where some of their positions do
// not match, by amounts that depend on how the database is split, so a
// sharded index would rank otherwise than one database.
Xapian::Query with_bonuses(Xapian::Query matches, const std::vector<Xapian::Query>& bonuses) {
  if (matches.empty()) return matches;
  for (const Xapian::Query& bonus : bonuses) matches = Xapian::Query(Xapian::Query::OP_AND_MAYBE, matches, bonus);
  return matches;
}

// Per field, `inner` weighed only where `outer` matches: for a bonus that
// cannot match where the other does not (the words in sequence are also
// near each other), so its positions are read for fewer articles. The
// weights are those of the two bonuses side by side.
std::vector<Xapian::Query> gated(std::vector<Xapian::Query> outer, const std::vector<Xapian::Query>& inner) {
  for (std::size_t f = 0; f < outer.size(); ++f) {
    outer[f] = Xapian::Query(Xapian::Query::OP_AND_MAYBE, outer[f], inner[f]);
  }
  return outer;
}

// Every word, or in a first pass the kFirstPassWords rarest (of words as
// frequent, the first typed), in the order typed. A word no article has
// takes no place: only its respelling, if any, can match. Returns the words
// left out.
std::vector<Xapian::Query> LanguageQuery::add_first_pass_words(
    const std::vector<std::pair<Xapian::doccount, Xapian::Query>>& words, std::vector<Xapian::Query>& units) const {
  std::vector<std::size_t> chosen(words.size());
  std::iota(chosen.begin(), chosen.end(), 0);
  if (!bonuses_) {
    std::stable_sort(chosen.begin(), chosen.end(),
                     [&words](std::size_t a, std::size_t b) { return words[a].first < words[b].first; });
    const auto absent = static_cast<std::size_t>(
        std::count_if(words.begin(), words.end(), [](const auto& w) { return w.first == 0; }));
    chosen.resize(std::min(words.size(), absent + kFirstPassWords));
    std::sort(chosen.begin(), chosen.end());
  }
  for (std::size_t i : chosen) units.push_back(words[i].second);
  std::vector<bool> taken(words.size());
  for (std::size_t i : chosen) taken[i] = true;
  std::vector<Xapian::Query> left_out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!taken[i]) left_out.push_back(words[i].second);
  }
  return left_out;
}

Xapian::Query LanguageQuery::words_query(const QueryNode& node) {
  const std::vector<Word> words = analyse(node);
  const std::vector<Field>& fields = fields_of(node);
  const bool all_stop = all_stop_words(words);
  const std::vector<std::vector<Word>> runs = split_runs(words);
  // What an article must match, and what only ranks the articles that
  // match: a bonus (words in sequence or close together) can only match
  // where the words do.
  std::vector<Xapian::Query> units, bonuses;
  // Bonuses that read no positions (Thai word pairs in the text field):
  // the first pass of a reranked search weighs them too.
  std::vector<Xapian::Query> term_bonuses;
  // What the second pass adds to the first's weight; those of them that can
  // match where none of the words does (two stop words in sequence, when
  // the words are not all stop words), weighed only where the words match.
  std::vector<Xapian::Query> extras, gated_extras;
  // The words typed apart, each with how many articles have it when there
  // are more than kFirstPassWords (else 1: the index is not asked).
  std::vector<std::pair<const Word*, Xapian::Query>> typed;
  const auto add_bonus = [&](std::vector<Xapian::Query> per_field) {
    for (Xapian::Query& q : per_field) bonuses.push_back(std::move(q));
  };
  for (const std::vector<Word>& run : runs) {
    if (run.size() == 2) {
      units.push_back(any_of(adjacent_queries(run[0], run[1], fields)));
      continue;
    }
    if (run.size() > 2) {
      const auto pair = [&](std::size_t k) { return adjacent_queries(run[k], run[k + 1], fields, kRunPairBonus); };
      const std::vector<Xapian::Query> phrase =
          positional_queries(Xapian::Query::OP_PHRASE, run, fields, 0, kRunPhraseBonus);
      add_bonus(gated(pair(0), phrase));
      for (std::size_t k = 1; k + 1 < run.size(); ++k) add_bonus(pair(k));
      // A pair term of the text field is in the first pass; the run's
      // phrase there, which implies it, is what the second adds.
      const auto pair_term = [&](std::size_t k, std::size_t f) {
        return fields[f].prefix == index::prefix::kText && util::has_thai(run[k].token.term) &&
               util::has_thai(run[k + 1].token.term);
      };
      const auto extras_of_pair = [&](std::size_t k) -> std::vector<Xapian::Query>& {
        return !all_stop && run[k].token.stop && run[k + 1].token.stop ? gated_extras : extras;
      };
      for (std::size_t k = 0; k + 1 < run.size(); ++k) {
        const std::vector<Xapian::Query> pairs = pair(k);
        for (std::size_t f = 0; f < fields.size(); ++f) {
          if (pair_term(k, f)) term_bonuses.push_back(pairs[f]);
          else if (k > 0) extras_of_pair(k).push_back(pairs[f]);
        }
      }
      const std::vector<Xapian::Query> first_pairs = pair(0);
      for (std::size_t f = 0; f < fields.size(); ++f) {
        extras_of_pair(0).push_back(pair_term(0, f) ? phrase[f]
                                                    : Xapian::Query(Xapian::Query::OP_AND_MAYBE, first_pairs[f],
                                                                    phrase[f]));
      }
    }
    for (const Word& w : run) {
      if (!w.token.stop || all_stop) typed.emplace_back(&w, word_query(w, fields, node.offset));
    }
  }
  std::vector<std::pair<Xapian::doccount, Xapian::Query>> word_units;
  for (const auto& [word, query] : typed) {
    word_units.emplace_back(typed.size() > kFirstPassWords ? articles_with(word->token) : 1, query);
  }
  const std::vector<Xapian::Query> left_out = add_first_pass_words(word_units, units);
  add_synonyms(words, fields, units);
  extras.insert(extras.end(), left_out.begin(), left_out.end());
  // An article matching these words only by those the first pass left out
  // (it is a candidate by other words of the query) gets the word-pair
  // bonuses from the whole query, as it matches these words there.
  if (!left_out.empty() && !term_bonuses.empty()) {
    extras.push_back(with_bonuses(
        Xapian::Query(Xapian::Query::OP_AND_NOT, scaled(any_of(left_out), 0.0), any_of(units)), term_bonuses));
  }
  // Words typed apart: articles with them in sequence, or close together,
  // rank above articles where they are scattered.
  if (runs.size() > 1) {
    std::vector<Xapian::Query> in_sequence =
        positional_queries(Xapian::Query::OP_PHRASE, words, fields, 0, options_.phrase_bonus);
    std::vector<Word> content;
    for (const Word& w : words) {
      if (!w.token.stop) content.push_back(w);
    }
    if (content.size() > 1) {
      const auto window = static_cast<Xapian::termcount>(content.size()) + kNearSlack;
      std::vector<Xapian::Query> near =
          positional_queries(Xapian::Query::OP_NEAR, content, fields, window, options_.proximity_bonus);
      // Words in sequence are near each other when the sequence fits the
      // window (at most kNearSlack stop words among them).
      if (words.size() <= window) {
        const std::vector<Xapian::Query> both = gated(std::move(near), in_sequence);
        add_bonus(both);
        extras.insert(extras.end(), both.begin(), both.end());
      } else {
        add_bonus(in_sequence);
        add_bonus(near);
        extras.insert(extras.end(), in_sequence.begin(), in_sequence.end());
        extras.insert(extras.end(), near.begin(), near.end());
      }
    } else {
      add_bonus(in_sequence);
      extras.insert(extras.end(), in_sequence.begin(), in_sequence.end());
    }
  }
  const auto present = static_cast<std::size_t>(
      std::count_if(word_units.begin(), word_units.end(), [](const auto& w) { return w.first > 0; }));
  has_bonuses_ = has_bonuses_ || !bonuses.empty() || present > kFirstPassWords;
  if (!bonuses_) {
    extras_.insert(extras_.end(), extras.begin(), extras.end());
    if (!gated_extras.empty()) {
      std::vector<Xapian::Query> every_word = units;
      every_word.insert(every_word.end(), left_out.begin(), left_out.end());
      extras_.push_back(with_bonuses(scaled(any_of(every_word), 0.0), gated_extras));
    }
  }
  return with_bonuses(any_of(units), bonuses_ ? bonuses : term_bonuses);
}

// A quoted phrase: the exact words in sequence (one word: exactly that word).
Xapian::Query LanguageQuery::phrase_node_query(const QueryNode& node) {
  if (phrases_as_words_) return words_query(node);
  has_phrases_ = true;
  std::vector<Word> words = analyse(node);
  if (words.empty()) return {};
  if (words.size() == 1) {
    std::vector<Xapian::Query> per_field;
    for (const Field& f : fields_of(node)) {
      per_field.push_back(scaled(Xapian::Query(index::make_term(f.prefix, words[0].token.term)), f.weight));
    }
    return any_of(per_field);
  }
  return positional_query(Xapian::Query::OP_PHRASE, words, fields_of(node));
}

// Words starting with the (analysed) prefix, exactly or accent-folded.
Xapian::Query LanguageQuery::prefix_query(const QueryNode& node) {
  const std::vector<Token> tokens = analyzer_.analyze(node.text);
  if (tokens.empty()) return {};
  count_words(1);
  const Token& t = tokens.front();
  terms_.prefixes.insert(t.term);
  terms_.prefixes.insert(folded_form(t));
  std::vector<Xapian::Query> alternatives;
  for (const Field& f : fields_of(node)) {
    alternatives.push_back(scaled(expand_prefix(index::make_term(f.prefix, t.term)), f.weight));
    alternatives.push_back(scaled(expand_prefix(index::make_term(with(index::prefix::kFolded, f.prefix), folded_form(t))),
                                  f.weight * kFoldedFactor));
  }
  return any_of(alternatives);
}

// The indexed terms that start with `prefix_term`, an article scoring by
// each it contains. Expanded here from the terms of every shard together,
// not by OP_WILDCARD: Xapian 1.4 expands a wildcard in each shard on its
// own and weighs the words with that shard's statistics alone, so a
// sharded index would rank otherwise than one database. OP_OR, not OP_MAX:
// Xapian 1.4.22 crashes on an OR of scaled OP_MAX queries over several
// databases when some of them match nothing in one (found by bench_shards;
// kept as a test in tests/scale).
Xapian::Query LanguageQuery::expand_prefix(const std::string& prefix_term) const {
  std::vector<Xapian::Query> words;
  for (auto it = db_.allterms_begin(prefix_term); it != db_.allterms_end(prefix_term); ++it) {
    if (words.size() == options_.max_prefix_expansions) {
      throw QueryError(text_, "a prefix* matches more than " + std::to_string(options_.max_prefix_expansions) +
                                  " words; type more of the word");
    }
    words.emplace_back(*it);
  }
  if (words.empty()) return {};
  return Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());
}

// A filter matches or not; it adds nothing to the score.
Xapian::Query LanguageQuery::filter_query(const QueryNode& node) const {
  std::string_view prefix;
  std::string value = node.text;
  if (node.field == "lang") {
    const std::optional<std::string> lang = analysis::language_of_tag(value);
    if (!lang) {
      throw QueryError(text_, "unknown language '" + node.text + "' in lang: at character " +
                                  std::to_string(character_position(text_, node.offset)) + " (" +
                                  analysis::kLanguageTagAdvice + ")");
    }
    value = *lang;
    prefix = index::prefix::kLang;
  } else if (node.field == "tag") {
    value = util::ascii_lower(value);
    prefix = index::prefix::kTag;
  } else {
    prefix = index::prefix::kGroup;
  }
  return scaled(Xapian::Query(index::make_key_term(prefix, value)), 0.0);
}

// Children side by side (kSeq) or joined by AND: what they must match (AND),
// may match (side by side: OR, ranked), only filters, or must not match.
Xapian::Query LanguageQuery::combine(const QueryNode& node, Xapian::Query::op op) {
  std::vector<Xapian::Query> positives, exclusions;
  std::map<std::string, std::vector<Xapian::Query>> filters;  // by field
  for (const QueryNode& child : node.children) {
    if (child.kind == QueryNode::Kind::kNot) {
      // Excluded by every word, as by the whole query, in a first pass too
      // (an exclusion weighs nothing, so adds nothing to a second pass).
      const bool bonuses = bonuses_;
      bonuses_ = true;
      for (const QueryNode& excluded : child.children) {
        Xapian::Query q = build(excluded);
        if (!q.empty()) exclusions.push_back(q);
      }
      bonuses_ = bonuses;
    } else if (child.kind == QueryNode::Kind::kFilter && op == Xapian::Query::OP_OR) {
      filters[child.field].push_back(filter_query(child));
    } else {
      Xapian::Query q = build(child);
      if (!q.empty()) positives.push_back(q);
    }
  }
  if (positives.empty() && filters.empty() && exclusions.empty()) return {};
  Xapian::Query q = positives.empty() ? Xapian::Query::MatchAll
                                      : Xapian::Query(op, positives.begin(), positives.end());
  // Filters on one field are alternatives (lang:sv lang:pt); on different
  // fields, all apply.
  for (const auto& [field, alternatives] : filters) {
    q = Xapian::Query(Xapian::Query::OP_FILTER, q, any_of(alternatives));
  }
  if (!exclusions.empty()) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, any_of(exclusions));
  return q;
}

Xapian::Query LanguageQuery::build_without_bonuses(const QueryNode& node) {
  bonuses_ = false;
  word_count_ = 0;
  Xapian::Query q = build(node);
  bonuses_ = true;
  return q;
}

Xapian::Query LanguageQuery::build(const QueryNode& node) {
  switch (node.kind) {
    case QueryNode::Kind::kWords: return words_query(node);
    case QueryNode::Kind::kPhrase: return phrase_node_query(node);
    case QueryNode::Kind::kPrefix: return prefix_query(node);
    case QueryNode::Kind::kFilter: return filter_query(node);
    case QueryNode::Kind::kSeq: return combine(node, Xapian::Query::OP_OR);
    case QueryNode::Kind::kAnd: return combine(node, Xapian::Query::OP_AND);
    case QueryNode::Kind::kOr: {
      std::vector<Xapian::Query> alternatives;
      for (const QueryNode& child : node.children) {
        Xapian::Query q = build(child);
        if (!q.empty()) alternatives.push_back(q);
      }
      return alternatives.empty() ? Xapian::Query() : any_of(alternatives);
    }
    case QueryNode::Kind::kNot: {
      // Alone (not beside anything it could be taken from): everything else.
      const QueryNode seq{QueryNode::Kind::kSeq, {}, {}, node.offset, {node}};
      return combine(seq, Xapian::Query::OP_OR);
    }
  }
  return {};
}

}  // namespace

BuiltQuery build_query(const std::string& text, const QueryNode& root, const QueryTarget& target,
                       const SearchOptions& options, analysis::AnalyzerCache& analyzers,
                       const Xapian::Database& db, bool phrases_as_words) {
  BuiltQuery built;
  built.filters_language = has_filter(root, "lang");
  std::vector<Xapian::Query> per_language, per_language_without_bonuses;
  bool has_bonuses = false;
  for (const std::string& lang : target.languages) {
    LanguageQuery language_query(text, analyzers.get(lang), db, options, phrases_as_words);
    Xapian::Query q = language_query.build(root);
    if (q.empty()) continue;
    Xapian::Query without_bonuses = language_query.has_bonuses() ? language_query.build_without_bonuses(root) : q;
    if (target.filter_by_language) {
      const Xapian::Query language(index::make_key_term(index::prefix::kLang, lang));
      q = Xapian::Query(Xapian::Query::OP_FILTER, q, language);
      without_bonuses = Xapian::Query(Xapian::Query::OP_FILTER, without_bonuses, language);
    }
    per_language.push_back(q);
    per_language_without_bonuses.push_back(without_bonuses);
    for (const Xapian::Query& extra : language_query.extras()) {
      built.extras.push_back(target.filter_by_language
                                 ? Xapian::Query(Xapian::Query::OP_FILTER, extra,
                                                 Xapian::Query(index::make_key_term(index::prefix::kLang, lang)))
                                 : extra);
    }
    has_bonuses = has_bonuses || language_query.has_bonuses();
    built.has_phrases = built.has_phrases || language_query.has_phrases();
    built.terms[lang] = language_query.terms();
    if (built.suggestion.empty() && !language_query.respelling().replacements.empty()) {
      built.suggestion = language_query.respelling().apply(text);
    }
  }
  if (!per_language.empty()) built.query = any_of(per_language);
  if (has_bonuses) built.without_bonuses = any_of(per_language_without_bonuses);
  return built;
}

}  // namespace kbsearch::search
