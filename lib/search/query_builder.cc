#include "search/query_builder.h"

#include "index/schema.h"
#include "kbsearch/error.h"

namespace kbsearch::search {
namespace {

// How much each looser form of a word counts, relative to the exact word.
constexpr double kStemFactor = 0.5;
constexpr double kFoldedFactor = 0.4;
constexpr double kFoldedStemFactor = 0.25;
constexpr double kPartsFactor = 0.5;
// Words written without spaces between them (Thai) come in runs. A run of
// two is one compound the dictionary split (รหัสผ่าน = รหัส|ผ่าน) and must
// match as a phrase. A longer run is a phrase or sentence typed Thai-style
// (ลืมรหัสผ่าน "forgot password"): the whole sequence ranks highest, each
// adjacent pair next, and single words keep recall.
constexpr double kRunPhraseBonus = 2.0;
constexpr double kRunSingleWordFactor = 0.3;

struct Field {
  std::string prefix;
  double weight;
};

// One query word: its token and the parts that follow it.
struct Word {
  Token token;
  std::vector<Token> parts;
};

std::string folded_of(const Token& t) { return t.folded.empty() ? t.term : t.folded; }
std::string folded_stem_of(const Token& t) { return t.folded_stem.empty() ? t.stem : t.folded_stem; }

Xapian::Query scaled(const Xapian::Query& q, double weight) {
  return weight == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight);
}

// Every form of one token in every field, each term once at its best weight.
Xapian::Query token_query(const Token& t, const std::vector<Field>& fields) {
  std::map<std::string, double> weights;
  auto add = [&weights](const std::string& term, double w) {
    double& best = weights[term];
    best = std::max(best, w);
  };
  for (const Field& f : fields) {
    add(index::make_term(f.prefix, t.term), f.weight);
    if (!t.stem.empty()) add(index::make_term(std::string(index::prefix::kStem) + f.prefix, t.stem), f.weight * kStemFactor);
    const std::string folded = folded_of(t);
    add(index::make_term(std::string(index::prefix::kFolded) + f.prefix, folded), f.weight * kFoldedFactor);
    if (folded != t.term) add(index::make_term(f.prefix, folded), f.weight * kFoldedFactor);
    const std::string folded_stem = folded_stem_of(t);
    if (!folded_stem.empty()) {
      add(index::make_term(std::string(index::prefix::kFoldedStem) + f.prefix, folded_stem),
          f.weight * kFoldedStemFactor);
    }
  }
  std::vector<Xapian::Query> alternatives;
  for (const auto& [term, w] : weights) alternatives.push_back(scaled(Xapian::Query(term), w));
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query word_query(const Word& word, const std::vector<Field>& fields) {
  Xapian::Query whole = token_query(word.token, fields);
  if (word.parts.empty()) return whole;
  std::vector<Xapian::Query> parts;
  for (const Token& p : word.parts) parts.push_back(token_query(p, fields));
  return Xapian::Query(Xapian::Query::OP_OR, whole,
                       scaled(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()),
                              kPartsFactor));
}

// The words of a run in sequence, in any one field.
Xapian::Query phrase_query(const std::vector<Word>& run, const std::vector<Field>& fields) {
  std::vector<Xapian::Query> per_field;
  for (const Field& f : fields) {
    std::vector<Xapian::Query> terms;
    for (const Word& w : run) terms.emplace_back(index::make_term(f.prefix, w.token.term));
    per_field.push_back(scaled(Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end()), f.weight));
  }
  return Xapian::Query(Xapian::Query::OP_OR, per_field.begin(), per_field.end());
}

std::vector<Word> group_words(const std::vector<Token>& tokens) {
  std::vector<Word> words;
  for (const Token& t : tokens) {
    if (t.part && !words.empty()) words.back().parts.push_back(t);
    else words.push_back({t, {}});
  }
  return words;
}

void collect_terms(const Token& t, QueryTerms& terms) {
  terms.terms.insert(t.term);
  if (!t.stem.empty()) terms.stems.insert(t.stem);
  terms.folded.insert(folded_of(t));
  if (!folded_stem_of(t).empty()) terms.folded_stems.insert(folded_stem_of(t));
}

// The query of one language's analysis of the text.
Xapian::Query language_query(const std::vector<Word>& words, const std::vector<Field>& fields) {
  bool all_stop = true;
  for (const Word& w : words) all_stop = all_stop && w.token.stop;
  std::vector<Xapian::Query> units;
  for (std::size_t i = 0; i < words.size();) {
    // A run: words with nothing between them (no space, no punctuation).
    std::size_t end = i + 1;
    while (end < words.size() && words[end].token.start == words[end - 1].token.end) ++end;
    const std::vector<Word> run(words.begin() + static_cast<std::ptrdiff_t>(i),
                                words.begin() + static_cast<std::ptrdiff_t>(end));
    i = end;
    if (run.size() == 2) {
      units.push_back(phrase_query(run, fields));
      continue;
    }
    if (run.size() > 2) {
      units.push_back(scaled(phrase_query(run, fields), kRunPhraseBonus));
      for (std::size_t k = 0; k + 1 < run.size(); ++k) {
        units.push_back(phrase_query({run[k], run[k + 1]}, fields));
      }
    }
    const double single_weight = run.size() == 1 ? 1.0 : kRunSingleWordFactor;
    for (const Word& w : run) {
      if (!w.token.stop || all_stop) units.push_back(scaled(word_query(w, fields), single_weight));
    }
  }
  return Xapian::Query(Xapian::Query::OP_OR, units.begin(), units.end());
}

}  // namespace

BuiltQuery build_query(const std::string& text, const std::vector<std::string>& languages,
                       const SearchOptions& options, analysis::AnalyzerCache& analyzers) {
  const std::vector<Field> fields = {{std::string(index::prefix::kTitle), options.title_weight},
                                     {std::string(index::prefix::kHeading), options.heading_weight},
                                     {std::string(index::prefix::kBody), 1.0},
                                     {std::string(index::prefix::kCode), options.code_weight}};
  BuiltQuery built;
  std::vector<Xapian::Query> per_language;
  for (const std::string& lang : languages) {
    const std::vector<Word> words = group_words(analyzers.get(lang).analyze(text));
    if (words.empty()) continue;
    if (words.size() > options.max_query_words) {
      throw QueryError(text, "has " + std::to_string(words.size()) + " words; the limit is " +
                                 std::to_string(options.max_query_words));
    }
    QueryTerms& terms = built.terms[lang];
    for (const Word& w : words) {
      collect_terms(w.token, terms);
      for (const Token& p : w.parts) collect_terms(p, terms);
    }
    per_language.emplace_back(Xapian::Query::OP_FILTER, language_query(words, fields),
                              Xapian::Query(index::make_key_term(index::prefix::kLang, lang)));
  }
  built.query = Xapian::Query(Xapian::Query::OP_OR, per_language.begin(), per_language.end());
  return built;
}

}  // namespace kbsearch::search
