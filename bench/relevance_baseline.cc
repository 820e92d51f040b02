// The plain baseline of the real-article relevance collection: what a
// developer builds in an afternoon from Xapian and ICU, and what kbsearch's
// ranking must beat (bench/real_relevance.py runs both on the same articles).
//
//   relevance_baseline index --db DIR PATH...
//   relevance_baseline eval  --db DIR --queries FILE --qrels FILE
//
// Index: each .md file's front matter gives id, lang and title; the title's
// words count 2, the rest of the file (Markdown as it is) 1.
// Snowball stems for every language Xapian has one for (sv, tr, pt; none for
// Thai and Swahili), stored beside the unstemmed words (Xapian's STEM_SOME).
// Thai text is cut into words with ICU's word break first, since Xapian 1.4
// does not segment Thai. Queries: the same word break, Xapian's QueryParser
// with the query's language's stemmer, every word OR'ed, BM25 defaults.
//
// eval prints, as JSON, each query's ranked ids and its scores (the measures
// of kbsearch/evaluation.h), shaped like `kbsearch eval --json`.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "kbsearch/evaluation.h"

namespace {

constexpr Xapian::termcount kTitleWeight = 2;
constexpr std::size_t kCutoff = 10;

// Thai has no spaces between words: put one at every ICU word boundary.
std::string spaced_words(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  static std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("th"), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU word break: " + std::string(u_errorName(status)));
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  words->setText(u);
  icu::UnicodeString out;
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    if (!out.isEmpty()) out.append(u' ');
    out.append(u, start, end - start);
  }
  std::string utf8;
  return out.toUTF8String(utf8);
}

std::string prepared(const std::string& text, const std::string& lang) {
  return lang == "th" ? spaced_words(text) : text;
}

Xapian::Stem stemmer_for(const std::string& lang) {
  try {
    return Xapian::Stem(lang);
  } catch (const Xapian::InvalidArgumentError&) {
    return Xapian::Stem("none");
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Article {
  std::string id, lang, title, body;
};

// The front matter's id, lang and title lines (bigcorpus writes nothing else).
Article parse(const std::filesystem::path& path) {
  const std::string text = read_file(path);
  Article a{path.stem().string(), "", "", text};
  if (text.rfind("---\n", 0) != 0) return a;
  const std::size_t end = text.find("\n---\n", 3);
  if (end == std::string::npos) return a;
  std::istringstream front(text.substr(4, end - 4));
  for (std::string line; std::getline(front, line);) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    const std::string key = line.substr(0, colon);
    if (key == "id") a.id = value;
    if (key == "lang") a.lang = value;
    if (key == "title") a.title = value;
  }
  a.body = text.substr(end + 5);
  return a;
}

int index(const std::string& db_path, const std::vector<std::string>& paths) {
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  std::size_t count = 0;
  for (const std::string& root : paths) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
      const Article a = parse(entry.path());
      Xapian::Document doc;
      generator.set_document(doc);
      generator.set_stemmer(stemmer_for(a.lang));
      generator.index_text(prepared(a.title, a.lang), kTitleWeight);
      generator.increase_termpos();
      generator.index_text(prepared(a.body, a.lang));
      doc.add_boolean_term("Q" + a.id);
      doc.set_data(a.id);
      db.replace_document("Q" + a.id, doc);
      ++count;
    }
  }
  db.commit();
  std::cerr << "indexed " << count << " articles\n";
  return 0;
}

std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot be read");
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields;
    std::size_t at = 0;
    for (std::size_t tab; (tab = line.find('\t', at)) != std::string::npos; at = tab + 1) {
      fields.push_back(line.substr(at, tab - at));
    }
    fields.push_back(line.substr(at));
    rows.push_back(fields);
  }
  return rows;
}

int eval(const std::string& db_path, const std::string& queries, const std::string& qrels_path) {
  std::map<std::string, kbsearch::Grades> qrels;
  for (const auto& row : read_tsv(qrels_path)) qrels[row.at(0)][row.at(1)] = std::stoi(row.at(2));
  Xapian::Database db(db_path);
  nlohmann::json per_query = nlohmann::json::array();
  for (const auto& row : read_tsv(queries)) {
    const std::string &id = row.at(0), &lang = row.at(1), &text = row.at(2);
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(stemmer_for(lang));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_OR);
    Xapian::Enquire enquire(db);
    enquire.set_query(parser.parse_query(prepared(text, lang), 0));
    std::vector<std::string> ranked;
    const Xapian::MSet mset = enquire.get_mset(0, kCutoff);
    for (auto it = mset.begin(); it != mset.end(); ++it) ranked.push_back(it.get_document().get_data());
    const kbsearch::RankingScores s = kbsearch::score_ranking(ranked, qrels[id], kCutoff);
    per_query.push_back({{"id", id}, {"lang", lang}, {"query", text}, {"rr", s.reciprocal_rank},
                         {"ndcg", s.ndcg}, {"recall", s.recall}, {"ranked", ranked}});
  }
  std::cout << nlohmann::json{{"queries", per_query}}.dump(2) << "\n";
  return 0;
}

std::string option(std::vector<std::string>& args, const std::string& name) {
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == name) {
      std::string value = args[i + 1];
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
      return value;
    }
  }
  throw std::runtime_error("missing " + name);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) throw std::runtime_error("usage: relevance_baseline index|eval ...");
    const std::string command = args.front();
    args.erase(args.begin());
    const std::string db = option(args, "--db");
    if (command == "index") return index(db, args);
    if (command == "eval") {
      const std::string queries = option(args, "--queries");
      return eval(db, queries, option(args, "--qrels"));
    }
    throw std::runtime_error("unknown command " + command);
  } catch (const Xapian::Error& e) {
    std::cerr << "relevance_baseline: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "relevance_baseline: " << e.what() << "\n";
  }
  return 1;
}
