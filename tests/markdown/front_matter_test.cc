#include "markdown/front_matter.h"

#include <gtest/gtest.h>

#include "test_support.h"

#include <string>
#include <string_view>
#include <vector>

#include "kbsearch/error.h"

namespace kbsearch::markdown {
namespace {

using kbsearch::testutil::Contains;

using Strings = std::vector<std::string>;

const std::string kPath = "kb/sv/faktura.md";

// Runs split_front_matter on text that must be rejected and returns the
// error, failing the test when nothing (or something else) is thrown.
InputError expect_input_error(std::string_view text, const std::string& path = kPath) {
  try {
    split_front_matter(text, path);
  } catch (const InputError& e) {
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "expected InputError, got another exception: " << e.what();
    return InputError(path, "<wrong exception>");
  }
  ADD_FAILURE() << "expected InputError, nothing was thrown for:\n" << text;
  return InputError(path, "<nothing thrown>");
}

TEST(FrontMatterTest, NoFrontMatterBodyIsWholeText) {
  const std::string text = "# Återställ ditt lösenord\n\nKlicka på **Glömt lösenord**.\n";
  const SplitArticle split = split_front_matter(text, kPath);
  EXPECT_EQ(split.body, text);
  EXPECT_EQ(split.body.data(), text.data());  // a view of the input, not a copy
  EXPECT_EQ(split.body_line, 1u);
  EXPECT_FALSE(split.front_matter.id);
  EXPECT_FALSE(split.front_matter.title);
  EXPECT_FALSE(split.front_matter.lang);
  EXPECT_FALSE(split.front_matter.updated);
  EXPECT_FALSE(split.front_matter.group);
  EXPECT_TRUE(split.front_matter.tags.empty());
}

TEST(FrontMatterTest, EmptyTextHasNoFrontMatter) {
  const SplitArticle split = split_front_matter("", kPath);
  EXPECT_EQ(split.body, "");
  EXPECT_EQ(split.body_line, 1u);
  EXPECT_FALSE(split.front_matter.title);
}

TEST(FrontMatterTest, DashesNotOnFirstLineAreNotFrontMatter) {
  // A thematic break later in the text is Markdown, not front matter.
  const std::string text = "Intro\n---\ntitle: x\n---\n";
  const SplitArticle split = split_front_matter(text, kPath);
  EXPECT_EQ(split.body, text);
  EXPECT_EQ(split.body_line, 1u);
  EXPECT_FALSE(split.front_matter.title);
}

TEST(FrontMatterTest, AllFields) {
  const std::string text =
      "---\n"
      "id: billing/fatura-odeme\n"
      "title: Faturamı nasıl öderim?\n"
      "lang: tr\n"
      "updated: 2024-05-02\n"
      "group: invoice-payment\n"
      "tags: [fatura, ödeme, kredi kartı]\n"
      "---\n"
      "# Faturamı nasıl öderim?\n"
      "\n"
      "Ödeme sayfasına gidin.\n";
  const SplitArticle split = split_front_matter(text, kPath);
  const FrontMatter& fm = split.front_matter;
  ASSERT_TRUE(fm.id);
  EXPECT_EQ(*fm.id, "billing/fatura-odeme");
  ASSERT_TRUE(fm.title);
  EXPECT_EQ(*fm.title, "Faturamı nasıl öderim?");
  ASSERT_TRUE(fm.lang);
  EXPECT_EQ(*fm.lang, "tr");
  ASSERT_TRUE(fm.updated);
  EXPECT_EQ(*fm.updated, "2024-05-02");
  ASSERT_TRUE(fm.group);
  EXPECT_EQ(*fm.group, "invoice-payment");
  EXPECT_EQ(fm.tags, (Strings{"fatura", "ödeme", "kredi kartı"}));
  EXPECT_EQ(split.body, "# Faturamı nasıl öderim?\n\nÖdeme sayfasına gidin.\n");
  EXPECT_EQ(split.body_line, 9u);
}

TEST(FrontMatterTest, QuotedValuesAreUnquoted) {
  const SplitArticle split = split_front_matter(
      "---\ntitle: \"Redefinir senha: passo a passo\"\nid: 'pt/senha'\n---\nTexto\n", kPath);
  ASSERT_TRUE(split.front_matter.title);
  EXPECT_EQ(*split.front_matter.title, "Redefinir senha: passo a passo");
  ASSERT_TRUE(split.front_matter.id);
  EXPECT_EQ(*split.front_matter.id, "pt/senha");
}

TEST(FrontMatterTest, TagsAsBlockList) {
  const SplitArticle split = split_front_matter(
      "---\ntags:\n  - faktura\n  - återbetalning\n---\nText\n", kPath);
  EXPECT_EQ(split.front_matter.tags, (Strings{"faktura", "återbetalning"}));
  EXPECT_EQ(split.body, "Text\n");
  EXPECT_EQ(split.body_line, 6u);
}

TEST(FrontMatterTest, TagsAsCommaSeparatedString) {
  const SplitArticle split =
      split_front_matter("---\ntags: billing, invoice\n---\nBody\n", kPath);
  EXPECT_EQ(split.front_matter.tags, (Strings{"billing", "invoice"}));
}

TEST(FrontMatterTest, TagsAsQuotedCommaSeparatedStringTrimsAndSkipsEmpty) {
  const SplitArticle split =
      split_front_matter("---\ntags: \" malipo ,  ankara,, refund \"\n---\nBody\n", kPath);
  EXPECT_EQ(split.front_matter.tags, (Strings{"malipo", "ankara", "refund"}));
}

TEST(FrontMatterTest, SingleTagString) {
  const SplitArticle split = split_front_matter("---\ntags: billing\n---\n", kPath);
  EXPECT_EQ(split.front_matter.tags, (Strings{"billing"}));
}

TEST(FrontMatterTest, LangRegionSubtagDropped) {
  const SplitArticle split = split_front_matter("---\nlang: pt-BR\n---\nOlá\n", kPath);
  ASSERT_TRUE(split.front_matter.lang);
  EXPECT_EQ(*split.front_matter.lang, "pt");
}

TEST(FrontMatterTest, LangUnderscoreAndUppercaseNormalised) {
  const SplitArticle a = split_front_matter("---\nlang: PT_br\n---\n", kPath);
  ASSERT_TRUE(a.front_matter.lang);
  EXPECT_EQ(*a.front_matter.lang, "pt");
  const SplitArticle b = split_front_matter("---\nlang: SV\n---\n", kPath);
  ASSERT_TRUE(b.front_matter.lang);
  EXPECT_EQ(*b.front_matter.lang, "sv");
}

TEST(FrontMatterTest, UpdatedAsDate) {
  const SplitArticle split = split_front_matter("---\nupdated: 2026-03-01\n---\n", kPath);
  ASSERT_TRUE(split.front_matter.updated);
  EXPECT_EQ(*split.front_matter.updated, "2026-03-01");
}

TEST(FrontMatterTest, UpdatedAsTimestampKeepsDate) {
  const SplitArticle a =
      split_front_matter("---\nupdated: 2026-03-01T10:00:00Z\n---\n", kPath);
  ASSERT_TRUE(a.front_matter.updated);
  EXPECT_EQ(*a.front_matter.updated, "2026-03-01");
  const SplitArticle b =
      split_front_matter("---\nupdated: 2025-12-31 23:59:59 +02:00\n---\n", kPath);
  ASSERT_TRUE(b.front_matter.updated);
  EXPECT_EQ(*b.front_matter.updated, "2025-12-31");
}

TEST(FrontMatterTest, CrlfLineEndings) {
  const std::string text =
      "---\r\n"
      "title: Återställ lösenord\r\n"
      "lang: sv-SE\r\n"
      "tags:\r\n"
      "  - konto\r\n"
      "  - lösenord\r\n"
      "updated: 2024-01-15\r\n"
      "---\r\n"
      "# Rubrik\r\n"
      "Text\r\n";
  const SplitArticle split = split_front_matter(text, kPath);
  const FrontMatter& fm = split.front_matter;
  ASSERT_TRUE(fm.title);
  EXPECT_EQ(*fm.title, "Återställ lösenord");  // no stray '\r'
  ASSERT_TRUE(fm.lang);
  EXPECT_EQ(*fm.lang, "sv");
  ASSERT_TRUE(fm.updated);
  EXPECT_EQ(*fm.updated, "2024-01-15");
  EXPECT_EQ(fm.tags, (Strings{"konto", "lösenord"}));
  EXPECT_EQ(split.body, "# Rubrik\r\nText\r\n");
  EXPECT_EQ(split.body_line, 9u);
}

TEST(FrontMatterTest, UnknownKeysIgnored) {
  const SplitArticle split = split_front_matter(
      "---\n"
      "layout: article\n"
      "author:\n"
      "  name: Amina\n"
      "  team: [support, docs]\n"
      "title: Jinsi ya kulipa ankara\n"
      "draft: true\n"
      "---\n"
      "Maandishi\n",
      kPath);
  ASSERT_TRUE(split.front_matter.title);
  EXPECT_EQ(*split.front_matter.title, "Jinsi ya kulipa ankara");
  EXPECT_FALSE(split.front_matter.id);
  EXPECT_FALSE(split.front_matter.lang);
  EXPECT_TRUE(split.front_matter.tags.empty());
  EXPECT_EQ(split.body, "Maandishi\n");
}

TEST(FrontMatterTest, NullValuesAreAbsent) {
  const SplitArticle split =
      split_front_matter("---\ntitle:\nlang: ~\ntags:\nupdated:\n---\nBody\n", kPath);
  EXPECT_FALSE(split.front_matter.title);
  EXPECT_FALSE(split.front_matter.lang);
  EXPECT_FALSE(split.front_matter.updated);
  EXPECT_TRUE(split.front_matter.tags.empty());
}

TEST(FrontMatterTest, EmptyFrontMatterBlock) {
  const SplitArticle split = split_front_matter("---\n---\n# Başlık\n", kPath);
  EXPECT_FALSE(split.front_matter.id);
  EXPECT_FALSE(split.front_matter.title);
  EXPECT_TRUE(split.front_matter.tags.empty());
  EXPECT_EQ(split.body, "# Başlık\n");
  EXPECT_EQ(split.body_line, 3u);
}

TEST(FrontMatterTest, CommentOnlyFrontMatterBlock) {
  const SplitArticle split = split_front_matter("---\n# just a comment\n---\nBody", kPath);
  EXPECT_FALSE(split.front_matter.title);
  EXPECT_EQ(split.body, "Body");
  EXPECT_EQ(split.body_line, 4u);
}

TEST(FrontMatterTest, FrontMatterWithoutBody) {
  const SplitArticle split = split_front_matter("---\ntitle: Only\n---", kPath);
  ASSERT_TRUE(split.front_matter.title);
  EXPECT_EQ(*split.front_matter.title, "Only");
  EXPECT_EQ(split.body, "");
}

TEST(FrontMatterTest, DotsCloseTheBlockAndTrailingSpacesOnFences) {
  const SplitArticle split = split_front_matter("---  \ntitle: T\n...\nBody\n", kPath);
  ASSERT_TRUE(split.front_matter.title);
  EXPECT_EQ(*split.front_matter.title, "T");
  EXPECT_EQ(split.body, "Body\n");
  EXPECT_EQ(split.body_line, 4u);
}

TEST(FrontMatterTest, BodyLineCountsFrontMatterLines) {
  const std::string text = "---\nid: a\ntitle: b\nlang: sw\n---\n\n# Kichwa\n";
  const SplitArticle split = split_front_matter(text, kPath);
  EXPECT_EQ(split.body_line, 6u);
  EXPECT_EQ(split.body, "\n# Kichwa\n");
  // The body starts on line body_line of the file.
  std::size_t line = 1;
  for (const char* p = text.data(); p != split.body.data(); ++p) line += *p == '\n';
  EXPECT_EQ(line, split.body_line);
}

// ---- Errors -----------------------------------------------------------------

TEST(FrontMatterErrorTest, UnclosedBlock) {
  const InputError e = expect_input_error("---\ntitle: Fatura\n\n# Fatura\nMetin\n");
  EXPECT_EQ(e.path(), kPath);
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "no closing '---'"));
}

TEST(FrontMatterErrorTest, OnlyOpeningFence) {
  const InputError e = expect_input_error("---\n");
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "no closing '---'"));
}

TEST(FrontMatterErrorTest, InvalidYaml) {
  const InputError e = expect_input_error("---\ntitle: [unclosed\n---\nBody\n");
  EXPECT_EQ(e.path(), kPath);
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "invalid YAML"));
  EXPECT_TRUE(Contains(e.what(), "line "));
}

TEST(FrontMatterErrorTest, InvalidYamlReportsFileLine) {
  // Line 4 of the file is indented under a scalar: not valid YAML.
  const InputError e = expect_input_error("---\ntitle: ok\nlang: sv\n  bad: x\n---\nBody\n");
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "invalid YAML at line 4"));
}

TEST(FrontMatterErrorTest, TabIndentationReportsFileLine) {
  const InputError e = expect_input_error("---\ntitle: ok\n\tlang: sv\n---\n");
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "invalid YAML at line 3"));
}

TEST(FrontMatterErrorTest, ListWhereScalarExpected) {
  const InputError e = expect_input_error("---\ntitle: [a, b]\n---\nBody\n");
  EXPECT_EQ(e.path(), kPath);
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "'title' must be a single value"));
}

TEST(FrontMatterErrorTest, MapWhereScalarExpected) {
  const InputError e = expect_input_error("---\nid:\n  a: b\n---\n");
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "'id' must be a single value"));
}

TEST(FrontMatterErrorTest, TagsAsMap) {
  const InputError e = expect_input_error("---\ntags:\n  a: b\n---\n");
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "'tags' must be a list"));
}

TEST(FrontMatterErrorTest, MultiLineTitle) {
  const InputError e = expect_input_error("---\ntitle: |\n  line one\n  line two\n---\n");
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "'title' must be on one line"));
}

TEST(FrontMatterErrorTest, BadDate) {
  const InputError e = expect_input_error("---\nupdated: yesterday\n---\nBody\n");
  EXPECT_EQ(e.path(), kPath);
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "'updated' must be a date"));
  EXPECT_TRUE(Contains(e.what(), "yesterday"));
}

TEST(FrontMatterErrorTest, FieldErrorsGiveTheLineInTheFile) {
  const InputError e =
      expect_input_error("---\nid: faktura-sv\ntitle: Fakturor\nupdated: igår\n---\nText\n");
  EXPECT_EQ(e.reason(), "front matter: line 4: 'updated' must be a date like 2026-03-01, not 'igår'");
  const InputError tags = expect_input_error("---\ntags:\n  a: b\n---\n");
  EXPECT_EQ(tags.reason(), "front matter: line 3: 'tags' must be a list such as [billing, invoice]");
}

TEST(FrontMatterErrorTest, MalformedDatesRejected) {
  for (const char* date : {"2024-13-01", "2024-00-10", "2024-01-32", "2024-1-5", "02.05.2024",
                           "2024-05-02x", "2024/05/02"}) {
    SCOPED_TRACE(date);
    const InputError e = expect_input_error(std::string("---\nupdated: ") + date + "\n---\n");
    EXPECT_TRUE(Contains(e.what(), kPath));
    EXPECT_TRUE(Contains(e.what(), "'updated' must be a date"));
    EXPECT_TRUE(Contains(e.what(), date));
  }
}

TEST(FrontMatterErrorTest, NonexistentCalendarDatesRejected) {
  for (const char* date : {"2024-02-30", "2023-02-29", "2024-04-31"}) {
    SCOPED_TRACE(date);
    const InputError e = expect_input_error(std::string("---\nupdated: ") + date + "\n---\n");
    EXPECT_TRUE(Contains(e.what(), "'updated' must be a date"));
  }
}

TEST(FrontMatterTest, LeapDayAccepted) {
  const SplitArticle split = split_front_matter("---\nupdated: 2024-02-29\n---\n", kPath);
  ASSERT_TRUE(split.front_matter.updated);
  EXPECT_EQ(*split.front_matter.updated, "2024-02-29");
}

TEST(FrontMatterErrorTest, BadLang) {
  const InputError e = expect_input_error("---\nlang: 123\n---\nBody\n");
  EXPECT_EQ(e.path(), kPath);
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "'lang' must be a language code"));
  EXPECT_TRUE(Contains(e.what(), "123"));
}

TEST(FrontMatterErrorTest, LanguageNameIsNotACode) {
  const InputError e = expect_input_error("---\nlang: Swedish\n---\n");
  EXPECT_TRUE(Contains(e.what(), "'lang' must be a language code"));
}

TEST(FrontMatterErrorTest, FrontMatterIsAList) {
  const InputError e = expect_input_error("---\n- title\n- lang\n---\nBody\n");
  EXPECT_EQ(e.path(), kPath);
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "must be a mapping"));
}

TEST(FrontMatterErrorTest, FrontMatterIsAScalar) {
  const InputError e = expect_input_error("---\njust some words\n---\nBody\n");
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "must be a mapping"));
}

TEST(FrontMatterErrorTest, EmptyId) {
  const InputError e = expect_input_error("---\nid: \"\"\n---\n");
  EXPECT_TRUE(Contains(e.what(), kPath));
  EXPECT_TRUE(Contains(e.what(), "'id' is empty"));
}

TEST(FrontMatterErrorTest, ErrorIsAKbsearchError) {
  // Callers may catch the base class.
  EXPECT_THROW(split_front_matter("---\nlang: 123\n---\n", kPath), kbsearch::Error);
}

}  // namespace
}  // namespace kbsearch::markdown
