// Search as you type (Searcher::suggest): completions of the last word from
// the index's own words, in all five languages, and the articles of the
// completed query; on one database and on shards alike.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kbsearch/error.h"
#include "kbsearch/indexer.h"
#include "kbsearch/searcher.h"
#include "test_support.h"

namespace kbsearch {
namespace {

using testutil::TempDir;
using testutil::write_file;

struct Article {
  std::string id, lang, title, body;
};

// Real sentences of a support knowledge base. Some words recur so that
// completions have frequencies to rank by: configuração (3 articles)
// before configurar (2) and configurações (1).
const std::vector<Article> kArticles = {
    {"pt-config", "pt", "Como alterar a configuração da conta",
     "Abra o menu e escolha a configuração que deseja alterar. Para configurar o e-mail, siga os passos."},
    {"pt-email", "pt", "Configuração do e-mail",
     "A configuração do e-mail exige a senha da conta. Você pode configurar o servidor manualmente."},
    {"pt-notify", "pt", "Configurações de notificação",
     "As configurações de notificação ficam no perfil. A configuração padrão envia avisos por e-mail."},
    {"sv-password", "sv", "Byt lösenord för ditt konto",
     "Gå till inställningar och välj Byt lösenord. Lösenordet måste ha minst åtta tecken."},
    {"sv-login", "sv", "Problem med inloggning",
     "Om inloggningen misslyckas, kontrollera ditt lösenord och försök igen."},
    {"tr-password", "tr", "Şifrenizi nasıl sıfırlarsınız",
     "Şifre sıfırlama bağlantısı e-posta adresinize gönderilir. Yeni şifre en az sekiz karakter olmalıdır."},
    {"tr-security", "tr", "Hesap güvenliği",
     "Şifre değiştirme ekranında eski şifrenizi girin. Güçlü bir şifre seçin."},
    {"sw-password", "sw", "Jinsi ya kubadilisha nenosiri lako",
     "Fungua mipangilio na uchague kubadilisha nenosiri. Nenosiri lazima liwe na herufi nane."},
    {"sw-account", "sw", "Kufungua akaunti mpya",
     "Ili kufungua akaunti, jaza fomu na uthibitishe barua pepe yako."},
    {"th-password", "th", "วิธีเปลี่ยนรหัสผ่าน",
     "ไปที่การตั้งค่าบัญชีแล้วเลือกเปลี่ยนรหัสผ่าน รหัสผ่านต้องมีอย่างน้อยแปดตัวอักษร"},
    {"th-account", "th", "การสมัครบัญชีใหม่",
     "กรอกแบบฟอร์มเพื่อสมัครบัญชี แล้วยืนยันอีเมลของคุณ"},
};

void write_articles(const std::filesystem::path& dir) {
  for (const Article& a : kArticles) {
    write_file(dir / (a.id + ".md"),
               "---\nid: " + a.id + "\nlang: " + a.lang + "\ntitle: " + a.title + "\n---\n" + a.body + "\n");
  }
}

// One database and three shards of the same articles.
struct Indexes {
  Indexes() {
    write_articles(dir.path() / "kb");
    Indexer(single).index({dir / "kb"});
    IndexOptions sharded_options;
    sharded_options.shards = 3;
    Indexer(sharded, sharded_options).index({dir / "kb"});
  }
  TempDir dir;
  std::string single = dir / "single";
  std::string sharded = dir / "sharded";
};

const Indexes& indexes() {
  static const Indexes built;
  return built;
}

Suggestions suggest(const std::string& db, const std::string& query, const std::string& lang = "",
                    std::size_t completions = 5) {
  Searcher searcher(db);
  SuggestRequest request;
  request.query = query;
  request.lang = lang;
  request.completions = completions;
  return searcher.suggest(request);
}

std::vector<std::string> words(const Suggestions& s) {
  std::vector<std::string> out;
  for (const Completion& c : s.completions) out.push_back(c.word);
  return out;
}

struct Case {
  std::string lang, typed, word, completed, article;
};

class EveryLanguage : public ::testing::TestWithParam<Case> {};

// Prefixes of several lengths, typed with or without accents and capitals,
// complete to the word as articles write it, and bring its article.
TEST_P(EveryLanguage, CompletesTheLastWordAndFindsItsArticle) {
  const Case& c = GetParam();
  for (const std::string& lang : {c.lang, std::string()}) {
    const Suggestions s = suggest(indexes().single, c.typed, lang);
    ASSERT_FALSE(s.completions.empty()) << c.typed << " (lang '" << lang << "')";
    EXPECT_EQ(s.completions[0].word, c.word) << c.typed;
    EXPECT_EQ(s.completions[0].query, c.completed) << c.typed;
    ASSERT_FALSE(s.results.hits.empty()) << c.completed;
    EXPECT_EQ(s.results.query, c.completed);
    bool found = false;
    for (const Hit& hit : s.results.hits) found = found || hit.id == c.article;
    EXPECT_TRUE(found) << c.article << " not among the hits for " << c.completed;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Words, EveryLanguage,
    ::testing::Values(
        Case{"pt", "configuraç", "configuração", "configuração", "pt-config"},
        Case{"pt", "alterar a configuracao", "configuração", "alterar a configuração", "pt-config"},
        Case{"pt", "Configurac", "configuração", "configuração", "pt-config"},
        Case{"pt", "notifica", "notificação", "notificação", "pt-notify"},
        Case{"sv", "lösen", "lösenord", "lösenord", "sv-password"},
        Case{"sv", "byt LÖSENO", "lösenord", "byt lösenord", "sv-password"},
        Case{"sv", "inlogg", "inloggning", "inloggning", "sv-login"},
        Case{"tr", "şifr", "şifre", "şifre", "tr-password"},
        Case{"tr", "sifr", "şifre", "şifre", "tr-password"},
        Case{"tr", "ŞİFRE sıfırl", "sıfırlama", "ŞİFRE sıfırlama", "tr-password"},
        Case{"tr", "guvenl", "güvenliği", "güvenliği", "tr-security"},
        Case{"sw", "nenos", "nenosiri", "nenosiri", "sw-password"},
        Case{"sw", "kubadilisha Nenos", "nenosiri", "kubadilisha nenosiri", "sw-password"},
        Case{"sw", "akau", "akaunti", "akaunti", "sw-account"},
        // Thai typed without spaces: the unfinished word is the last segment.
        Case{"th", "เปลี่ยนรหัสผ", "ผ่าน", "เปลี่ยนรหัสผ่าน", "th-password"},
        Case{"th", "สมัครบัญ", "บัญชี", "สมัครบัญชี", "th-account"},
        Case{"th", "รหั", "รหัส", "รหัส", "th-password"}),
    [](const ::testing::TestParamInfo<Case>& info) {
      return info.param.lang + "_" + std::to_string(info.index);
    });

TEST(Suggest, CompletionsAreRankedByHowManyArticlesHaveThem) {
  const Suggestions s = suggest(indexes().single, "config", "pt");
  ASSERT_EQ(s.completions.size(), 3u);
  EXPECT_EQ(s.completions[0].word, "configuração");
  EXPECT_EQ(s.completions[0].frequency, 3u);
  EXPECT_EQ(s.completions[1].word, "configurar");
  EXPECT_EQ(s.completions[1].frequency, 2u);
  EXPECT_EQ(s.completions[2].word, "configurações");
  EXPECT_EQ(s.completions[2].frequency, 1u);
  EXPECT_EQ(s.completions[2].query, "configurações");
  // At most as many as asked.
  EXPECT_EQ(suggest(indexes().single, "config", "pt", 2).completions.size(), 2u);
}

TEST(Suggest, WordsDifferingInCaseOrAccentsTypedAreOneCompletion) {
  // "Configuração" (titles) and "configuração" (prose) are one word; typed
  // with or without its accents, it is offered once.
  for (const std::string typed : {"CONFIGURAÇ", "configurac", "configuraçã"}) {
    const std::vector<std::string> got = words(suggest(indexes().single, typed, "pt"));
    EXPECT_EQ(std::count(got.begin(), got.end(), "configuração"), 1) << typed;
  }
}

TEST(Suggest, SwedishLettersAreNotAccents) {
  // ö is a letter of the Swedish alphabet: "losen" is not "lösen".
  EXPECT_TRUE(suggest(indexes().single, "losen", "sv").completions.empty());
  EXPECT_EQ(words(suggest(indexes().single, "lösen", "sv")).front(), "lösenord");
}

TEST(Suggest, AFinishedWordIsNotCompletedButStillSearched) {
  const Suggestions s = suggest(indexes().single, "configuração ", "pt");
  EXPECT_TRUE(s.completions.empty());
  ASSERT_FALSE(s.results.hits.empty());
  EXPECT_EQ(s.results.query, "configuração ");
}

TEST(Suggest, NoCompletionLeavesTheTypedQuery) {
  const Suggestions s = suggest(indexes().single, "nenosiri xqzw", "sw");
  EXPECT_TRUE(s.completions.empty());
  EXPECT_EQ(s.results.query, "nenosiri xqzw");
  ASSERT_FALSE(s.results.hits.empty());
  EXPECT_EQ(s.results.hits[0].id, "sw-password");
}

TEST(Suggest, QueryLanguageOperatorsAreKept) {
  // A phrase being typed (the quote runs to the end), a title: field, an
  // excluded word.
  Suggestions s = suggest(indexes().single, "\"alterar a configura", "pt");
  ASSERT_FALSE(s.completions.empty());
  EXPECT_EQ(s.completions[0].query, "\"alterar a configuração");
  ASSERT_FALSE(s.results.hits.empty());
  EXPECT_EQ(s.results.hits[0].id, "pt-config");
  EXPECT_FALSE(s.results.phrases_as_words);

  s = suggest(indexes().single, "title:notifica", "pt");
  ASSERT_FALSE(s.completions.empty());
  EXPECT_EQ(s.completions[0].query, "title:notificação");
  ASSERT_EQ(s.results.hits.size(), 1u);
  EXPECT_EQ(s.results.hits[0].id, "pt-notify");

  s = suggest(indexes().single, "configuração -notifica", "pt");
  ASSERT_FALSE(s.completions.empty());
  EXPECT_EQ(s.completions[0].query, "configuração -notificação");
  for (const Hit& hit : s.results.hits) EXPECT_NE(hit.id, "pt-notify");

  // Finished by an operator, or a filter's value: nothing to complete.
  for (const std::string typed : {"config*", "\"configuração\"", "(senha OR conta)", "senha OR", "lang:pt",
                                  "tag:conf", "senha group:conf"}) {
    EXPECT_TRUE(suggest(indexes().single, typed, "pt").completions.empty()) << typed;
  }
}

TEST(Suggest, MalformedAndHostileQueriesAreRejectedLikeSearch) {
  Searcher searcher(indexes().single);
  for (const std::string& typed : std::vector<std::string>{"(configura", "configura)", std::string("senh\xff", 5),
                                  std::string(5000, 'a')}) {
    SuggestRequest request;
    request.query = typed;
    SearchRequest search;
    search.query = typed;
    EXPECT_THROW(searcher.search(search), QueryError) << typed.substr(0, 20);
    EXPECT_THROW(searcher.suggest(request), QueryError) << typed.substr(0, 20);
  }
  // A filter's value is not completed: a half-typed language code is an
  // unknown language, for search() as here.
  SuggestRequest request;
  request.query = "senha lang:p";
  EXPECT_THROW(searcher.suggest(request), QueryError);
  request.query = "config";
  request.lang = "xx-not-a-code";
  EXPECT_THROW(searcher.suggest(request), QueryError);
  request.lang = "pt";
  request.completions = 11;
  EXPECT_THROW(searcher.suggest(request), QueryError);
  request.completions = 5;
  request.limit = 100000;
  EXPECT_THROW(searcher.suggest(request), QueryError);
  request.limit = 5;
  // A Thai run as long as a query may be: answered, or rejected over the
  // word limit, as search() does.
  std::string thai;
  while (thai.size() < 4000) thai += "เปลี่ยนรหัสผ";
  SearchRequest search;
  search.query = request.query = thai;
  search.lang = request.lang = "th";
  bool search_rejects = false;
  try {
    searcher.search(search);
  } catch (const QueryError&) {
    search_rejects = true;
  }
  if (search_rejects) EXPECT_THROW(searcher.suggest(request), QueryError);
  else EXPECT_NO_THROW(searcher.suggest(request));
  request.lang = "pt";
  // Many words, the last one a single letter: answered, bounded.
  std::string many;
  for (int i = 0; i < 60; ++i) many += "conta ";
  request.query = many + "c";
  EXPECT_LE(searcher.suggest(request).completions.size(), 5u);
}

TEST(Suggest, ShardsAnswerAsOneDatabase) {
  for (const std::string typed : {"c", "config", "sifr", "lösen", "nenos", "เปลี่ยนรหัสผ", "akau", "x"}) {
    const Suggestions one = suggest(indexes().single, typed);
    const Suggestions three = suggest(indexes().sharded, typed);
    ASSERT_EQ(one.completions.size(), three.completions.size()) << typed;
    for (std::size_t i = 0; i < one.completions.size(); ++i) {
      EXPECT_EQ(one.completions[i].word, three.completions[i].word) << typed;
      EXPECT_EQ(one.completions[i].frequency, three.completions[i].frequency) << typed;
      EXPECT_EQ(one.completions[i].query, three.completions[i].query) << typed;
    }
    EXPECT_EQ(testutil::ids(one.results), testutil::ids(three.results)) << typed;
  }
}

// A prefix shared by more words than a search walks is answered from the
// entries each commit stores; they follow the articles as they change.
TEST(Suggest, PrefixesOfManyWordsFollowTheArticles) {
  TempDir dir;
  const auto kb = dir.path() / "kb";
  // 300 error codes, each in one article, and two words in several.
  for (int i = 0; i < 300; ++i) {
    write_file(kb / ("code-" + std::to_string(i) + ".md"),
               "---\nlang: pt\n---\nO erro erro" + std::to_string(1000 + i) + " aparece ao entrar.\n");
  }
  for (int i = 0; i < 4; ++i) {
    write_file(kb / ("errata-" + std::to_string(i) + ".md"), "---\nlang: pt\n---\nUma errata corrige o texto.\n");
  }
  const std::string db = dir / "db";
  Indexer(db).index({kb.string()});
  Suggestions s = suggest(db, "er", "pt", 3);
  ASSERT_EQ(words(s), (std::vector<std::string>{"erro", "errata", "erro1000"}));
  EXPECT_EQ(s.completions[0].frequency, 300u);
  EXPECT_EQ(s.completions[1].frequency, 4u);
  EXPECT_EQ(s.completions[2].frequency, 1u);
  // The same on shards, whose side database holds the entries.
  const std::string sharded = dir / "sharded";
  IndexOptions options;
  options.shards = 2;
  Indexer(sharded, options).index({kb.string()});
  EXPECT_EQ(words(suggest(sharded, "er", "pt", 3)), words(s));

  for (int i = 0; i < 4; ++i) std::filesystem::remove(kb / ("errata-" + std::to_string(i) + ".md"));
  for (int i = 0; i < 250; ++i) std::filesystem::remove(kb / ("code-" + std::to_string(i) + ".md"));
  Indexer(db).index({kb.string()});
  Indexer(sharded).index({kb.string()});
  for (const std::string& index : {db, sharded}) {
    s = suggest(index, "er", "pt", 3);
    EXPECT_EQ(words(s), (std::vector<std::string>{"erro", "erro1250", "erro1251"})) << index;
    EXPECT_EQ(s.completions[0].frequency, 50u) << index;
  }
}

}  // namespace
}  // namespace kbsearch
