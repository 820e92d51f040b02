#include "query_sets.h"

#include <algorithm>
#include <initializer_list>

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
  return request;
}

double percentile(std::vector<double> samples, double p) {
  std::sort(samples.begin(), samples.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1) + 0.5);
  return samples[std::min(i, samples.size() - 1)];
}

}  // namespace kbsearch::bench
