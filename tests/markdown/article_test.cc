#include "markdown/article.h"

#include <gtest/gtest.h>

#include "test_support.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "kbsearch/error.h"

namespace kbsearch::markdown {
namespace {

using kbsearch::testutil::Contains;

namespace fs = std::filesystem;

const std::string kPath = "kb/article.md";

// True when no section's prose contains `needle`.
::testing::AssertionResult NotInAnyProse(const Article& article, const std::string& needle) {
  for (std::size_t i = 0; i < article.sections.size(); ++i) {
    const std::string& prose = article.sections[i].prose;
    const auto at = prose.find(needle);
    if (at != std::string::npos) {
      return ::testing::AssertionFailure()
             << "\"" << needle << "\" found in the prose of section " << i << ": \"..."
             << prose.substr(at >= 80 ? at - 80 : 0) << "\"";
    }
  }
  return ::testing::AssertionSuccess();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

const char kPortugueseBody[] =
    "O suporte técnico está disponível por telefone, e-mail e chat ao vivo. Para redefinir a "
    "sua senha, acesse a página de login e clique em \"Esqueci minha senha\". Você receberá um "
    "e-mail com as instruções para criar uma nova senha.\n";

// ---- id and group -----------------------------------------------------------

TEST(ArticleTest, IdFromFrontMatter) {
  const Article a = parse_article("---\nid: faktura/betala\n---\n# Betala fakturan\n", kPath,
                                  "sv/betala-faktura");
  EXPECT_EQ(a.id, "faktura/betala");
  EXPECT_EQ(a.group, "faktura/betala");  // the group defaults to the id
}

TEST(ArticleTest, DefaultIdWhenFrontMatterHasNone) {
  const Article a = parse_article("---\ntitle: Betala fakturan\n---\nText.\n", kPath,
                                  "sv/betala-faktura");
  EXPECT_EQ(a.id, "sv/betala-faktura");
  EXPECT_EQ(a.group, "sv/betala-faktura");
}

TEST(ArticleTest, DefaultIdWithoutFrontMatter) {
  const Article a = parse_article("# Kulipa ankara\n\nLipa kwa M-Pesa.\n", kPath, "sw/ankara");
  EXPECT_EQ(a.id, "sw/ankara");
  EXPECT_EQ(a.group, "sw/ankara");
}

TEST(ArticleTest, GroupFromFrontMatter) {
  const Article a = parse_article(
      "---\nid: pt/fatura\ngroup: invoice-payment\ntags: [fatura, pagamento]\n---\n# Fatura\n",
      kPath, "ignored");
  EXPECT_EQ(a.id, "pt/fatura");
  EXPECT_EQ(a.group, "invoice-payment");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"fatura", "pagamento"}));
}

TEST(ArticleTest, OverlongIdFromFrontMatterThrows) {
  const std::string id(300, 'a');
  try {
    parse_article("---\nid: " + id + "\n---\n# Title\n", kPath, "short");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.path(), kPath);
    EXPECT_TRUE(Contains(e.what(), kPath));
    EXPECT_TRUE(Contains(e.what(), "300 bytes"));
    EXPECT_TRUE(Contains(e.what(), "limit"));
  }
}

TEST(ArticleTest, OverlongDefaultIdThrows) {
  const std::string id(300, 'b');
  try {
    parse_article("# Title\n", kPath, id);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.path(), kPath);
    EXPECT_TRUE(Contains(e.what(), "300 bytes"));
  }
}

TEST(ArticleTest, OverlongMultibyteIdCountsBytes) {
  // 100 'ö' are 100 characters but 200 bytes: at the limit. 101 are over it.
  std::string at_limit;
  for (int i = 0; i < 100; ++i) at_limit += "ö";
  EXPECT_EQ(parse_article("Text\n", kPath, at_limit).id, at_limit);
  EXPECT_THROW(parse_article("Text\n", kPath, at_limit + "ö"), InputError);
}

TEST(ArticleTest, IdAtLimitAccepted) {
  const std::string id(200, 'c');
  EXPECT_EQ(parse_article("# Title\n", kPath, id).id, id);
}

TEST(ArticleTest, FrontMatterErrorsPropagateWithPath) {
  try {
    parse_article("---\ntitle: [a, b]\n---\n# Title\n", kPath, "x");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.path(), kPath);
    EXPECT_TRUE(Contains(e.what(), kPath));
    EXPECT_TRUE(Contains(e.what(), "'title'"));
  }
}

// ---- title ------------------------------------------------------------------

TEST(ArticleTest, TitleFromFrontMatter) {
  const Article a = parse_article(
      "---\ntitle: Faturamı nasıl öderim?\n---\n# Ödeme\n\nÖdeme sayfasına gidin.\n", kPath, "x");
  EXPECT_EQ(a.title, "Faturamı nasıl öderim?");
}

TEST(ArticleTest, TitleFromFirstHeading) {
  const Article a = parse_article(
      "Giriş metni burada.\n\n## Ödeme yöntemini güncelleme\n\nMetin.\n\n# Başka başlık\n", kPath,
      "x");
  EXPECT_EQ(a.title, "Ödeme yöntemini güncelleme");
}

TEST(ArticleTest, BlankFrontMatterTitleFallsBackToHeading) {
  const Article a = parse_article("---\ntitle: \"   \"\n---\n# Kichwa halisi\n", kPath, "x");
  EXPECT_EQ(a.title, "Kichwa halisi");
}

TEST(ArticleTest, FrontMatterTitleTrimmed) {
  const Article a = parse_article("---\ntitle: \"  Byt lösenord  \"\n---\nText\n", kPath, "x");
  EXPECT_EQ(a.title, "Byt lösenord");
}

TEST(ArticleTest, TitleFromFirstNonEmptyLine) {
  const Article a = parse_article(
      "\n\nJinsi ya kubadilisha nenosiri lako\nkwa hatua chache.\n\nFungua Mipangilio.\n", kPath,
      "x");
  EXPECT_EQ(a.title, "Jinsi ya kubadilisha nenosiri lako");
}

TEST(ArticleTest, TitleFromFirstLineHasNoMarkup) {
  const Article a = parse_article(
      "**Redefinir** a [senha](https://example.com/senha) do *aplicativo*\n\nTexto.\n", kPath,
      "x");
  EXPECT_EQ(a.title, "Redefinir a senha do aplicativo");
}

TEST(ArticleTest, TitleFromFirstLineKeepsInlineCode) {
  const Article a =
      parse_article("Reinstale o `kbsearch-agent` no servidor\n\nTexto.\n", kPath, "x");
  EXPECT_EQ(a.title, "Reinstale o kbsearch-agent no servidor");
}

TEST(ArticleTest, LongTitleShortenedAtWordBoundary) {
  std::string line;
  while (line.size() < 400) line += "Kundtjänst ";
  const Article a = parse_article(line + "\n", kPath, "x");
  EXPECT_LE(a.title.size(), 200u + std::string("…").size());
  EXPECT_GT(a.title.size(), 100u);
  ASSERT_GE(a.title.size(), 3u);
  EXPECT_EQ(a.title.substr(a.title.size() - 3), "…");
  EXPECT_EQ(a.title.rfind("Kundtjänst…"), a.title.size() - std::string("Kundtjänst…").size());
}

// ---- lang -------------------------------------------------------------------

TEST(ArticleTest, LangFromFrontMatterIsNotIdentified) {
  // Front matter wins even over a body in another language.
  const Article a = parse_article(std::string("---\nlang: sv-SE\n---\n") + kPortugueseBody,
                                  kPath, "x");
  EXPECT_EQ(a.lang, "sv");
  EXPECT_FALSE(a.lang_identified);
}

TEST(ArticleTest, PortugueseBodyIdentifiedAsPt) {
  const Article a = parse_article(kPortugueseBody, kPath, "x");
  EXPECT_EQ(a.lang, "pt");
  EXPECT_TRUE(a.lang_identified);
}

TEST(ArticleTest, SwedishArticleIdentifiedAsSv) {
  const Article a = parse_article(
      "# Återställ ditt lösenord\n\n"
      "Om du har glömt ditt lösenord kan du återställa det från inloggningssidan. Klicka på "
      "länken Glömt lösenord och ange den e-postadress som är kopplad till ditt konto. Du får "
      "sedan ett e-postmeddelande med en länk som är giltig i en timme.\n",
      kPath, "x");
  EXPECT_EQ(a.lang, "sv");
  EXPECT_TRUE(a.lang_identified);
}

TEST(ArticleTest, CodeDoesNotDecideLanguage) {
  // Lots of English-looking code, a Turkish text: the code is not sampled.
  std::string text =
      "# Şifre sıfırlama\n\n"
      "Şifrenizi unuttuysanız giriş sayfasındaki bağlantıya tıklayın ve e-posta adresinizi "
      "girin. Size yeni bir şifre oluşturmanız için bir bağlantı göndereceğiz.\n\n```\n";
  for (int i = 0; i < 40; ++i) text += "please reset the password for the user and send the email\n";
  text += "```\n";
  const Article a = parse_article(text, kPath, "x");
  EXPECT_EQ(a.lang, "tr");
  EXPECT_TRUE(a.lang_identified);
}

TEST(ArticleTest, TooShortTextIsUnd) {
  const Article a = parse_article("OK\n", kPath, "x");
  EXPECT_EQ(a.lang, "und");
  EXPECT_TRUE(a.lang_identified);
}

TEST(ArticleTest, AmbiguousTextIsUnd) {
  const Article a = parse_article("# API v2\n\n```\nGET /v2/items\n```\n", kPath, "x");
  EXPECT_EQ(a.lang, "und");
  EXPECT_TRUE(a.lang_identified);
}

TEST(ArticleTest, EmptyTextIsUndWithEmptyTitle) {
  const Article a = parse_article("", kPath, "empty");
  EXPECT_EQ(a.lang, "und");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.id, "empty");
  EXPECT_EQ(a.updated, "");
  ASSERT_EQ(a.sections.size(), 1u);
}

// ---- updated and the publication-date label ---------------------------------

TEST(ArticleTest, UpdatedFromFrontMatter) {
  const Article a =
      parse_article("---\nupdated: 2025-11-03T08:00:00Z\n---\n# Rubrik\n", kPath, "x");
  EXPECT_EQ(a.updated, "2025-11-03");
}

TEST(ArticleTest, FilledPublicationLabelSetsUpdated) {
  const Article a = parse_article(
      std::string(kPortugueseBody) + "\nData de publicação: 2024-05-02\n", kPath, "x");
  EXPECT_EQ(a.updated, "2024-05-02");
  EXPECT_TRUE(NotInAnyProse(a, "Data de publicação"));
  EXPECT_TRUE(NotInAnyProse(a, "2024-05-02"));
  EXPECT_TRUE(Contains(a.sections.back().prose, "nova senha."));
  EXPECT_EQ(a.lang, "pt");
}

TEST(ArticleTest, FrontMatterUpdatedWinsOverPublicationLabel) {
  const Article a = parse_article(std::string("---\nupdated: 2023-01-01\n---\n") +
                                      kPortugueseBody + "\nData de publicação: 2024-05-02\n",
                                  kPath, "x");
  EXPECT_EQ(a.updated, "2023-01-01");
  EXPECT_TRUE(NotInAnyProse(a, "Data de publicação"));
}

TEST(ArticleTest, EmptyPublicationLabelDroppedInEverySupportedLanguage) {
  for (const char* label : {"Publiceringsdatum:", "Yayın tarihi:", "Tarehe ya kuchapishwa:",
                            "Data de publicação:", "วันที่เผยแพร่:", "Publication date:",
                            "Published:"}) {
    SCOPED_TRACE(label);
    const Article a =
        parse_article(std::string("# Rubrik\n\nInnehåll här.\n\n") + label + "\n", kPath, "x");
    ASSERT_EQ(a.sections.size(), 1u);
    EXPECT_EQ(a.sections[0].prose, "Innehåll här.");
    EXPECT_EQ(a.updated, "");
  }
}

TEST(ArticleTest, PublicationLabelWithOtherTextKept) {
  const Article a =
      parse_article("Texto do artigo.\n\nData de publicação: 2 de maio de 2024\n", kPath, "x");
  EXPECT_EQ(a.updated, "");
  EXPECT_TRUE(Contains(a.sections.back().prose, "Data de publicação: 2 de maio de 2024"));
}

TEST(ArticleTest, PublicationLabelOnlyDroppedAtTheEnd) {
  const Article a = parse_article(
      "# Rubrik\n\nPubliceringsdatum:\n\nMer text efter etiketten.\n", kPath, "x");
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(a.sections[0].prose, "Publiceringsdatum:\n\nMer text efter etiketten.");
}

TEST(ArticleTest, PublicationLabelWithInvalidDateDoesNotSetUpdated) {
  for (const char* value : {"2024-99-99", "abcd-ef-gh"}) {
    SCOPED_TRACE(value);
    const Article a = parse_article(
        std::string("Texto do artigo.\n\nData de publicação: ") + value + "\n", kPath, "x");
    EXPECT_EQ(a.updated, "");
  }
}

// ---- the seed corpus --------------------------------------------------------

struct Seed {
  const char* prefix;
  const char* lang;
  const char* label;
};

TEST(ArticleSeedTest, SeedsParseWithLanguageTitleAndNoPublicationLabel) {
  const fs::path dir = fs::path(KBSEARCH_SOURCE_DIR) / "corpus" / "seeds";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  const std::vector<Seed> seeds = {
      {"000_", "th", "วันที่เผยแพร่:"},
      {"001_", "sv", "Publiceringsdatum:"},
      {"002_", "tr", "Yayın tarihi:"},
      {"003_", "sw", "Tarehe ya kuchapishwa:"},
      {"004_", "pt", "Data de publicação:"},
  };
  ASSERT_EQ(files.size(), seeds.size());
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    const fs::path& file = files[i];
    SCOPED_TRACE(file.filename().string());
    ASSERT_EQ(file.filename().string().rfind(seeds[i].prefix, 0), 0u);
    const std::string text = read_file(file);
    // The export really ends with the empty label, so the test means something.
    ASSERT_TRUE(Contains(text, std::string("\n\n") + seeds[i].label));

    const std::string id = "seeds/" + file.stem().string();
    const Article a = parse_article(text, file.string(), id);
    EXPECT_EQ(a.id, id);
    EXPECT_EQ(a.group, id);
    EXPECT_EQ(a.lang, seeds[i].lang);
    EXPECT_TRUE(a.lang_identified);
    const std::string expected_title = first_line(text);
    ASSERT_FALSE(expected_title.empty());
    EXPECT_EQ(a.title, expected_title);
    EXPECT_EQ(a.updated, "");
    ASSERT_FALSE(a.sections.empty());
    EXPECT_TRUE(NotInAnyProse(a, seeds[i].label));
    // The label's text without the colon is gone too, and the prose does not
    // end in an empty paragraph.
    const std::string label_word(seeds[i].label, std::string(seeds[i].label).size() - 1);
    EXPECT_TRUE(NotInAnyProse(a, label_word));
    const std::string& last = a.sections.back().prose;
    ASSERT_FALSE(last.empty());
    EXPECT_NE(last.back(), '\n');
    EXPECT_NE(last.back(), ' ');
  }
}

}  // namespace
}  // namespace kbsearch::markdown
