#include "search/query_builder.h"

#include "index/schema.h"
#include "kbsearch/error.h"

namespace kbsearch::search {
namespace {

// A stem matches more loosely than the exact word, so it counts for less.
constexpr double kStemFactor = 0.5;

struct Field {
  std::string_view prefix;
  double weight;
};

Xapian::Query scaled(const std::string& term, double weight) {
  Xapian::Query q(term);
  return weight == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight);
}

Xapian::Query word_query(const Token& token, const std::vector<Field>& fields) {
  std::vector<Xapian::Query> alternatives;
  for (const Field& f : fields) {
    alternatives.push_back(scaled(index::make_term(f.prefix, token.term), f.weight));
    if (!token.stem.empty()) {
      const std::string stem_prefix = std::string(index::prefix::kStem) + std::string(f.prefix);
      alternatives.push_back(scaled(index::make_term(stem_prefix, token.stem), f.weight * kStemFactor));
    }
  }
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

}  // namespace

BuiltQuery build_query(const std::string& text, const std::vector<std::string>& languages,
                       const SearchOptions& options, analysis::AnalyzerCache& analyzers) {
  const std::vector<Field> fields = {{index::prefix::kTitle, options.title_weight},
                                     {index::prefix::kHeading, options.heading_weight},
                                     {index::prefix::kBody, 1.0},
                                     {index::prefix::kCode, options.code_weight}};
  BuiltQuery built;
  std::vector<Xapian::Query> per_language;
  for (const std::string& lang : languages) {
    const std::vector<Token> tokens = analyzers.get(lang).analyze(text);
    if (tokens.empty()) continue;
    if (tokens.size() > options.max_query_words) {
      throw QueryError(text, "has " + std::to_string(tokens.size()) + " words; the limit is " +
                                 std::to_string(options.max_query_words));
    }
    std::vector<Xapian::Query> words;
    QueryTerms& terms = built.terms[lang];
    for (const Token& token : tokens) {
      words.push_back(word_query(token, fields));
      terms.terms.insert(token.term);
      if (!token.stem.empty()) terms.stems.insert(token.stem);
    }
    Xapian::Query any_word(Xapian::Query::OP_OR, words.begin(), words.end());
    per_language.emplace_back(Xapian::Query::OP_FILTER, any_word,
                              Xapian::Query(index::make_key_term(index::prefix::kLang, lang)));
  }
  built.query = Xapian::Query(Xapian::Query::OP_OR, per_language.begin(), per_language.end());
  return built;
}

}  // namespace kbsearch::search
