#include "query_sets.h"

#include <algorithm>
#include <initializer_list>
#include <sstream>

#include "corpus_generator.h"

namespace kbsearch::bench {
namespace {

struct LanguageWords {
  std::string lang, one, multi_a, multi_b, phrase_a, phrase_b, prefix, typo;
};

// Words of corpus/articles, which the generated articles are made of.
const std::vector<LanguageWords> kWords = {
    {"th", "รหัสผ่าน", "เปลี่ยน", "รหัสผ่าน", "สองขั้นตอน", "", "ยืน", "ใบแจ้งหนีั"},
    {"sv", "lösenord", "byta", "lösenord", "enkel", "inloggning", "lösen", "återbetalnimg"},
    {"tr", "şifre", "şifre", "sıfırlama", "iki", "adımlı", "doğrula", "şifrenzi"},
    {"sw", "nenosiri", "kubadilisha", "nenosiri", "hatua", "mbili", "uthibitish", "nenosri"},
    {"pt", "senha", "alterar", "senha", "duas", "etapas", "verifica", "reembolco"},
};

std::vector<std::string> nonempty(std::initializer_list<std::string> words) {
  std::vector<std::string> out;
  for (const auto& w : words) {
    if (!w.empty()) out.push_back(w);
  }
  return out;
}

QuerySpec spec(const std::string& kind, const std::string& lang, std::vector<std::string> words) {
  QuerySpec q;
  q.kind = kind;
  q.lang = lang;
  q.words = std::move(words);
  return q;
}

// The first prose paragraph of generated article `index` (languages in
// turn: th, sv, tr, sw, pt), its error code dropped, cut to 20 words; Thai,
// which puts spaces between phrases rather than words, to 70 characters
// (about 20 words as its segmenter counts them).
QuerySpec pasted_sentence(std::size_t index) {
  const std::string article =
      generated_article(std::string(KBSEARCH_SOURCE_DIR) + "/corpus/articles", index);
  std::istringstream lines(article);
  std::string line, lang;
  int fences = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("lang: ", 0) == 0) lang = line.substr(6);
    if (line == "---") ++fences;
    if (fences == 2 && !line.empty() && line != "---" && line[0] != '#') break;
  }
  std::istringstream in(line);
  std::vector<std::string> words;
  std::size_t chars = 0;
  for (std::string word; in >> word && words.size() < 20;) {
    if (word[0] == '`') continue;
    for (unsigned char c : word) chars += (c & 0xC0) != 0x80;
    words.push_back(word);
    if (lang == "th" && chars >= 70) break;
  }
  return spec("sentence", lang, words);
}

}  // namespace

std::map<std::string, std::vector<QuerySpec>> query_sets() {
  std::map<std::string, std::vector<QuerySpec>> sets;
  for (const LanguageWords& w : kWords) {
    sets["one-word"].push_back(spec("one-word", w.lang, {w.one}));
    sets["multi-word"].push_back(spec("multi-word", w.lang, {w.multi_a, w.multi_b}));
    QuerySpec phrase = spec("phrase", w.lang, nonempty({w.phrase_a, w.phrase_b}));
    phrase.phrase = true;
    sets["phrase"].push_back(phrase);
    QuerySpec by_lang = spec("filter-lang", w.lang, {w.one});
    by_lang.filter_field = "lang";
    by_lang.filter_value = w.lang;
    sets["filter-lang"].push_back(by_lang);
    QuerySpec by_tag = spec("filter-tag", w.lang, {w.one});
    by_tag.filter_field = "tag";
    by_tag.filter_value = "security";
    sets["filter-tag"].push_back(by_tag);
    QuerySpec prefix = spec("prefix", w.lang, {w.prefix});
    prefix.prefix = true;
    sets["prefix"].push_back(prefix);
    sets["typo"].push_back(spec("typo", w.lang, {w.typo}));
  }
  for (const char* run : {"ลืมรหัสผ่าน", "ใบแจ้งหนี้ขอคืนเงิน", "การยืนยันแบบสองขั้นตอน"}) {
    sets["thai-no-spaces"].push_back(spec("thai-no-spaces", "th", {run}));
  }
  for (std::size_t i = 0; i < 10; ++i) sets["sentence"].push_back(pasted_sentence(i));
  return sets;
}

SearchRequest kbsearch_request(const QuerySpec& q, const QueryOptions& options) {
  SearchRequest request;
  for (const std::string& w : q.words) request.query += (request.query.empty() ? "" : " ") + w;
  if (q.phrase) request.query = "\"" + request.query + "\"";
  if (q.prefix) request.query += "*";
  if (!q.filter_field.empty()) request.query += " " + q.filter_field + ":" + q.filter_value;
  request.lang = q.lang;
  request.limit = options.limit;
  request.snippets = options.snippets;
  request.facets = options.facets;
  request.facet_max_matches = options.facet_max_matches;
  return request;
}

double percentile(std::vector<double> samples, double p) {
  std::sort(samples.begin(), samples.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1) + 0.5);
  return samples[std::min(i, samples.size() - 1)];
}

}  // namespace kbsearch::bench
