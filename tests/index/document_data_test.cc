// What an article stores for its hits: the sections round-trip through the
// document data, data that earlier versions wrote as JSON is still read,
// and damaged data is an IndexUnusableError, never a crash.
#include <gtest/gtest.h>

#include <string>

#include "index/document_data.h"
#include "kbsearch/error.h"

namespace kbsearch::index {
namespace {

markdown::Article article_with_sections() {
  markdown::Article a;
  a.sections = {
      // The text before the first heading: "Forgot your password? ..." (Thai).
      {"", 0, "", "ลืมรหัสผ่านใช่ไหม\nกดลิงก์ในอีเมล", ""},
      {"Byta lösenord", 2, "byta-lösenord", "Öppna Inställningar.\n\nVälj Säkerhet.", "kbsearch index kb/"},
      {"Şifre sıfırlama", 6, "şifre-sıfırlama", "", "E-40213\n"},
      {std::string(300, 'x'), 3, "long", std::string(70000, 'y'), std::string("nul\0byte", 8)},
  };
  return a;
}

void expect_same_sections(const std::vector<markdown::Section>& got, const std::vector<markdown::Section>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].heading, want[i].heading) << i;
    EXPECT_EQ(got[i].level, want[i].level) << i;
    EXPECT_EQ(got[i].anchor, want[i].anchor) << i;
    EXPECT_EQ(got[i].prose, want[i].prose) << i;
    EXPECT_EQ(got[i].code, want[i].code) << i;
  }
}

TEST(DocumentData, SectionsRoundTrip) {
  const markdown::Article a = article_with_sections();
  expect_same_sections(decode_article_sections(encode_article_sections(a)), a.sections);
  expect_same_sections(decode_article_sections(encode_article_sections(markdown::Article{})), {});
}

TEST(DocumentData, SectionsWrittenAsJsonByEarlierVersionsAreRead) {
  const std::string json =
      R"([{"heading":"","level":0,"anchor":"","prose":"Abra o app.","code":""},)"
      R"({"heading":"Alterar senha","level":2,"anchor":"alterar-senha","prose":"Toque em Senha.","code":"E-40213"}])";
  expect_same_sections(decode_article_sections(json), {{"", 0, "", "Abra o app.", ""},
                                                      {"Alterar senha", 2, "alterar-senha", "Toque em Senha.", "E-40213"}});
}

TEST(DocumentData, DamagedSectionsAreAnErrorNamingTheRemedy) {
  const std::string good = encode_article_sections(article_with_sections());
  // Every cut of the data, a byte too many, and numbers out of range.
  for (std::size_t size = 1; size < good.size(); size += (size < 400 ? 1 : 997)) {
    EXPECT_THROW(decode_article_sections(good.substr(0, size)), IndexUnusableError) << size;
  }
  EXPECT_THROW(decode_article_sections(good + "z"), IndexUnusableError);
  EXPECT_THROW(decode_article_sections(std::string("\x01\xFF\xFF\xFF\xFF\x0F", 6)), IndexUnusableError);  // 4 billion sections
  EXPECT_THROW(decode_article_sections(std::string("\x01\x01\x07\x00\x00\x00\x00", 7)), IndexUnusableError);  // level 7
  EXPECT_THROW(decode_article_sections(std::string("\x01\x01\x00\x05" "ab", 6)), IndexUnusableError);  // text cut short
  EXPECT_THROW(decode_article_sections("[{\"heading\": 1}]"), IndexUnusableError);  // JSON of another shape
  try {
    decode_article_sections(good.substr(0, good.size() / 2));
    ADD_FAILURE() << "no error";
  } catch (const IndexUnusableError& e) {
    EXPECT_NE(std::string(e.what()).find("kbsearch index --rebuild"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace kbsearch::index
