#include "markdown/markdown_document.h"

#include <gtest/gtest.h>

#include "test_support.h"

#include <string>
#include <vector>

namespace kbsearch::markdown {
namespace {

using kbsearch::testutil::Contains;

// True when `needle` appears nowhere in the document: no heading, prose,
// code or anchor holds it.
::testing::AssertionResult NowhereIn(const MarkdownDocument& doc, const std::string& needle) {
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    for (const std::string* field : {&s.heading, &s.prose, &s.code, &s.anchor}) {
      if (field->find(needle) != std::string::npos) {
        return ::testing::AssertionFailure()
               << "\"" << needle << "\" found in section " << i << ": \"" << *field << "\"";
      }
    }
  }
  if (doc.first_heading.find(needle) != std::string::npos) {
    return ::testing::AssertionFailure() << "\"" << needle << "\" found in first_heading";
  }
  return ::testing::AssertionSuccess();
}

// A Turkish password-reset article.
const char kTurkish[] =
    "# Şifrenizi sıfırlama\n"
    "\n"
    "Hesabınıza giriş yapamıyorsanız şifrenizi\n"
    "birkaç adımda sıfırlayabilirsiniz.\n"
    "\n"
    "## Adımlar\n"
    "\n"
    "1. **Giriş** sayfasında *Şifremi unuttum* bağlantısına tıklayın.\n"
    "2. E-posta adresinizi girin.\n"
    "3. Gelen kutunuzdaki [sıfırlama bağlantısını](https://destek.example.com/sifre?token=abc) "
    "açın.\n"
    "\n"
    "## Sorun giderme\n"
    "\n"
    "Yöneticiyseniz `kbsearch-admin reset` komutunu çalıştırın:\n"
    "\n"
    "```sh\n"
    "kbsearch-admin reset --user ayse@example.com\n"
    "```\n";

TEST(MarkdownDocumentTest, EmptyBodyHasOneEmptySection) {
  const MarkdownDocument doc = parse_markdown("");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].level, 0);
  EXPECT_EQ(doc.sections[0].heading, "");
  EXPECT_EQ(doc.sections[0].anchor, "");
  EXPECT_EQ(doc.sections[0].prose, "");
  EXPECT_EQ(doc.sections[0].code, "");
  EXPECT_EQ(doc.first_heading, "");
}

TEST(MarkdownDocumentTest, TextWithoutHeadingsIsOneLeadingSection) {
  const MarkdownDocument doc =
      parse_markdown("Kontakta supporten om fakturan saknas.\n\nVi svarar inom en arbetsdag.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].level, 0);
  EXPECT_EQ(doc.sections[0].heading, "");
  EXPECT_EQ(doc.sections[0].prose,
            "Kontakta supporten om fakturan saknas.\n\nVi svarar inom en arbetsdag.");
  EXPECT_EQ(doc.first_heading, "");
}

TEST(MarkdownDocumentTest, HeadingsSplitSections) {
  const MarkdownDocument doc = parse_markdown(kTurkish);
  ASSERT_EQ(doc.sections.size(), 3u);
  EXPECT_EQ(doc.first_heading, "Şifrenizi sıfırlama");

  EXPECT_EQ(doc.sections[0].level, 1);
  EXPECT_EQ(doc.sections[0].heading, "Şifrenizi sıfırlama");
  EXPECT_EQ(doc.sections[0].prose,
            "Hesabınıza giriş yapamıyorsanız şifrenizi\nbirkaç adımda sıfırlayabilirsiniz.");
  EXPECT_EQ(doc.sections[0].code, "");

  EXPECT_EQ(doc.sections[1].level, 2);
  EXPECT_EQ(doc.sections[1].heading, "Adımlar");
  EXPECT_EQ(doc.sections[1].anchor, "adımlar");
  EXPECT_EQ(doc.sections[1].prose,
            "Giriş sayfasında Şifremi unuttum bağlantısına tıklayın.\n\n"
            "E-posta adresinizi girin.\n\n"
            "Gelen kutunuzdaki sıfırlama bağlantısını açın.");
  EXPECT_EQ(doc.sections[1].code, "");

  EXPECT_EQ(doc.sections[2].level, 2);
  EXPECT_EQ(doc.sections[2].heading, "Sorun giderme");
  EXPECT_EQ(doc.sections[2].anchor, "sorun-giderme");
  EXPECT_EQ(doc.sections[2].prose, "Yöneticiyseniz kbsearch-admin reset komutunu çalıştırın:");
  EXPECT_EQ(doc.sections[2].code, "kbsearch-admin reset --user ayse@example.com");
  EXPECT_TRUE(NowhereIn(doc, "https://"));
  EXPECT_TRUE(NowhereIn(doc, "token=abc"));
}

TEST(MarkdownDocumentTest, LeadingTextBeforeFirstHeadingIsSectionZero) {
  const MarkdownDocument doc = parse_markdown(
      "Den här artikeln gäller webbappen.\n"
      "\n"
      "# Byt lösenord\n"
      "\n"
      "Öppna **Inställningar** och välj *Säkerhet*.\n");
  ASSERT_EQ(doc.sections.size(), 2u);
  EXPECT_EQ(doc.sections[0].level, 0);
  EXPECT_EQ(doc.sections[0].heading, "");
  EXPECT_EQ(doc.sections[0].anchor, "");
  EXPECT_EQ(doc.sections[0].prose, "Den här artikeln gäller webbappen.");
  EXPECT_EQ(doc.sections[1].level, 1);
  EXPECT_EQ(doc.sections[1].heading, "Byt lösenord");
  EXPECT_EQ(doc.sections[1].anchor, "byt-lösenord");
  EXPECT_EQ(doc.sections[1].prose, "Öppna Inställningar och välj Säkerhet.");
  EXPECT_EQ(doc.first_heading, "Byt lösenord");
}

TEST(MarkdownDocumentTest, AllHeadingLevelsAndSetextHeadings) {
  const MarkdownDocument doc = parse_markdown(
      "# Um\n\n## Dois\n\n### Três\n\n#### Quatro\n\n##### Cinco\n\n###### Seis\n\n"
      "Pagamento\n=========\n\nCartão de crédito\n-----------------\n\ntexto\n");
  ASSERT_EQ(doc.sections.size(), 8u);
  const std::vector<std::string> headings = {"Um",    "Dois", "Três",      "Quatro",
                                             "Cinco", "Seis", "Pagamento", "Cartão de crédito"};
  const std::vector<int> levels = {1, 2, 3, 4, 5, 6, 1, 2};
  for (std::size_t i = 0; i < headings.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(doc.sections[i].heading, headings[i]);
    EXPECT_EQ(doc.sections[i].level, levels[i]);
  }
  EXPECT_EQ(doc.sections[7].anchor, "cartão-de-crédito");
  EXPECT_EQ(doc.sections[7].prose, "texto");
  EXPECT_EQ(doc.first_heading, "Um");
}

TEST(MarkdownDocumentTest, NoEmptyLeadingSectionWhenTextStartsWithHeading) {
  const MarkdownDocument doc = parse_markdown("\n\n## Malipo\n\nLipa kwa M-Pesa.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].heading, "Malipo");
  EXPECT_EQ(doc.sections[0].level, 2);
  EXPECT_EQ(doc.sections[0].prose, "Lipa kwa M-Pesa.");
}

TEST(MarkdownDocumentTest, HeadingWithoutBodyStillASection) {
  const MarkdownDocument doc = parse_markdown("# Kichwa pekee\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].heading, "Kichwa pekee");
  EXPECT_EQ(doc.sections[0].anchor, "kichwa-pekee");
  EXPECT_EQ(doc.sections[0].prose, "");
}

TEST(MarkdownDocumentTest, DuplicateHeadingsGetNumberedAnchors) {
  const MarkdownDocument doc = parse_markdown(
      "# Usaidizi wa Kiufundi\n\n"
      "## Hatua ya kwanza\n\nFungua programu.\n\n"
      "## Hatua ya kwanza\n\nIngia kwenye akaunti.\n\n"
      "## Hatua ya kwanza\n\nBonyeza Mipangilio.\n");
  ASSERT_EQ(doc.sections.size(), 4u);
  EXPECT_EQ(doc.sections[0].anchor, "usaidizi-wa-kiufundi");
  EXPECT_EQ(doc.sections[1].anchor, "hatua-ya-kwanza");
  EXPECT_EQ(doc.sections[2].anchor, "hatua-ya-kwanza-1");
  EXPECT_EQ(doc.sections[3].anchor, "hatua-ya-kwanza-2");
  EXPECT_EQ(doc.sections[1].prose, "Fungua programu.");
  EXPECT_EQ(doc.sections[2].prose, "Ingia kwenye akaunti.");
  EXPECT_EQ(doc.sections[3].prose, "Bonyeza Mipangilio.");
}

TEST(MarkdownDocumentTest, DuplicateAnchorsDoNotCollideWithNumberedHeadings) {
  const MarkdownDocument doc = parse_markdown("# Steg\n\n# Steg\n\n# Steg 1\n");
  ASSERT_EQ(doc.sections.size(), 3u);
  EXPECT_EQ(doc.sections[0].anchor, "steg");
  EXPECT_EQ(doc.sections[1].anchor, "steg-1");
  EXPECT_NE(doc.sections[2].anchor, "steg-1");
  EXPECT_NE(doc.sections[2].anchor, "steg");
}

TEST(MarkdownDocumentTest, AnchorsKeepNonAsciiLetters) {
  const MarkdownDocument doc = parse_markdown(
      "# Byt lösenord på kontot\n\ntext\n\n"
      "# การตั้งค่ารหัสผ่าน\n\nข้อความ\n\n"
      "# Configurações de segurança\n\ntexto\n\n"
      "# Güvenlik ayarları\n\nmetin\n");
  ASSERT_EQ(doc.sections.size(), 4u);
  EXPECT_EQ(doc.sections[0].anchor, "byt-lösenord-på-kontot");
  EXPECT_EQ(doc.sections[1].heading, "การตั้งค่ารหัสผ่าน");
  EXPECT_EQ(doc.sections[1].anchor, "การตั้งค่ารหัสผ่าน");
  EXPECT_EQ(doc.sections[2].anchor, "configurações-de-segurança");
  EXPECT_EQ(doc.sections[3].anchor, "güvenlik-ayarları");
}

TEST(MarkdownDocumentTest, AnchorsLowercaseNonAsciiCapitals) {
  EXPECT_EQ(heading_slug("Återställ lösenord"), "återställ-lösenord");
  EXPECT_EQ(heading_slug("Ödeme yöntemi"), "ödeme-yöntemi");
  EXPECT_EQ(heading_slug("É possível pagar com Pix?"), "é-possível-pagar-com-pix");
}

TEST(MarkdownDocumentTest, HeadingSlugDropsAsciiPunctuation) {
  EXPECT_EQ(heading_slug("Hello, World! (v2.0)"), "hello-world-v20");
  EXPECT_EQ(heading_slug("Error E_SYNC_42: retry?"), "error-e_sync_42-retry");
  EXPECT_EQ(heading_slug("Two-factor authentication"), "two-factor-authentication");
  EXPECT_EQ(heading_slug("Faturamı nasıl öderim?"), "faturamı-nasıl-öderim");
  EXPECT_EQ(heading_slug("Je, ninawezaje kulipa?"), "je-ninawezaje-kulipa");
  EXPECT_EQ(heading_slug(""), "");
}

TEST(MarkdownDocumentTest, HeadingOfOnlyPunctuationGetsFallbackAnchor) {
  const MarkdownDocument doc = parse_markdown("# ???\n\na\n\n# !!!\n\nb\n");
  ASSERT_EQ(doc.sections.size(), 2u);
  EXPECT_EQ(doc.sections[0].heading, "???");
  EXPECT_FALSE(doc.sections[0].anchor.empty());
  EXPECT_FALSE(doc.sections[1].anchor.empty());
  EXPECT_NE(doc.sections[0].anchor, doc.sections[1].anchor);
}

TEST(MarkdownDocumentTest, HeadingInlineMarkupKeptAsText) {
  const MarkdownDocument doc = parse_markdown(
      "## Usar o comando `kbsearch index` com [opções](https://example.com/opts) *avançadas*\n"
      "\ntexto\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].heading, "Usar o comando kbsearch index com opções avançadas");
  EXPECT_EQ(doc.sections[0].anchor, "usar-o-comando-kbsearch-index-com-opções-avançadas");
  EXPECT_EQ(doc.sections[0].code, "");  // inline code in a heading stays in the heading
  EXPECT_TRUE(NowhereIn(doc, "example.com"));
}

TEST(MarkdownDocumentTest, FencedCodeBlockGoesToCode) {
  const MarkdownDocument doc = parse_markdown(
      "Kör följande kommando:\n"
      "\n"
      "```bash\n"
      "kbsearch index --lang sv ./kunskapsbas\n"
      "kbsearch search \"återställ lösenord\"\n"
      "```\n"
      "\n"
      "Sedan är du klar.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose, "Kör följande kommando:\n\nSedan är du klar.");
  EXPECT_EQ(doc.sections[0].code,
            "kbsearch index --lang sv ./kunskapsbas\nkbsearch search \"återställ lösenord\"");
  EXPECT_FALSE(Contains(doc.sections[0].prose, "kbsearch"));
  EXPECT_FALSE(Contains(doc.sections[0].code, "bash"));  // the info string is not code
}

TEST(MarkdownDocumentTest, IndentedCodeBlockGoesToCode) {
  const MarkdownDocument doc = parse_markdown(
      "Ongeza mstari huu kwenye faili la usanidi:\n"
      "\n"
      "    sync.retry = 3\n"
      "    sync.timeout = 30s\n"
      "\n"
      "Kisha anzisha upya programu.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose,
            "Ongeza mstari huu kwenye faili la usanidi:\n\nKisha anzisha upya programu.");
  EXPECT_EQ(doc.sections[0].code, "sync.retry = 3\nsync.timeout = 30s");
}

TEST(MarkdownDocumentTest, InlineCodeStaysInTheSentence) {
  // A snippet must read whole: "Defina  como  e reinicie" would not.
  const MarkdownDocument doc = parse_markdown(
      "Defina `sync.retry` como `3` e reinicie com `kbsearch restart`.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose, "Defina sync.retry como 3 e reinicie com kbsearch restart.");
  EXPECT_EQ(doc.sections[0].code, "");
}

TEST(MarkdownDocumentTest, CodeBelongsToItsSection) {
  const MarkdownDocument doc = parse_markdown(
      "# A\n\n```\nfirst()\n```\n\n# B\n\n    second()\n\n# C\n\nno code here\n");
  ASSERT_EQ(doc.sections.size(), 3u);
  EXPECT_EQ(doc.sections[0].code, "first()");
  EXPECT_EQ(doc.sections[1].code, "second()");
  EXPECT_EQ(doc.sections[2].code, "");
  EXPECT_EQ(doc.sections[2].prose, "no code here");
}

TEST(MarkdownDocumentTest, LinkTextIsProseUrlIsDropped) {
  const MarkdownDocument doc = parse_markdown(
      "Läs mer på [sidan om fakturor](https://support.example.se/fakturor \"Fakturor\") "
      "eller [kontakta oss][kontakt].\n"
      "\n"
      "[kontakt]: https://support.example.se/kontakt\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose, "Läs mer på sidan om fakturor eller kontakta oss.");
  EXPECT_TRUE(NowhereIn(doc, "https"));
  EXPECT_TRUE(NowhereIn(doc, "support.example.se"));
  EXPECT_TRUE(NowhereIn(doc, "Fakturor"));  // the link title is not text either
}

TEST(MarkdownDocumentTest, AutolinkUrlIsNotProse) {
  const MarkdownDocument doc = parse_markdown(
      "Tembelea <https://example.com> au tuandikie <msaada@example.com>.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_TRUE(Contains(doc.sections[0].prose, "Tembelea"));
  EXPECT_TRUE(Contains(doc.sections[0].prose, "au tuandikie"));
  EXPECT_TRUE(NowhereIn(doc, "example.com"));
  EXPECT_TRUE(NowhereIn(doc, "https"));
  EXPECT_TRUE(NowhereIn(doc, "msaada@"));
}

TEST(MarkdownDocumentTest, LinkWhoseTextDiffersFromUrlKeepsText) {
  const MarkdownDocument doc =
      parse_markdown("Baixe o [aplicativo para desktop](https://example.com/app).\n");
  EXPECT_EQ(doc.sections[0].prose, "Baixe o aplicativo para desktop.");
}

TEST(MarkdownDocumentTest, ImageAltTextIsProse) {
  const MarkdownDocument doc = parse_markdown(
      "![Ekran görüntüsü: fatura sayfası](img/fatura.png \"Fatura\")\n"
      "\n"
      "Yukarıdaki resme bakın.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose, "Ekran görüntüsü: fatura sayfası\n\nYukarıdaki resme bakın.");
  EXPECT_TRUE(NowhereIn(doc, "img/"));
  EXPECT_TRUE(NowhereIn(doc, ".png"));
}

TEST(MarkdownDocumentTest, BareUrlsInTextAreNotProse) {
  const MarkdownDocument doc =
      parse_markdown("Besök https://help.orbit.example/sv/konto eller http://status.orbit.example idag.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose, "Besök  eller  idag.");
  EXPECT_TRUE(NowhereIn(doc, "orbit.example"));
}

TEST(MarkdownDocumentTest, ScriptAndStyleContentsAreNotProse) {
  const MarkdownDocument doc = parse_markdown(
      "<script>\nvar kampanj = 1;\n</script>\n\n<style>\n.notis { color: red; }\n</style>\n\n"
      "<div>\nOrbit stöder kampanjkoder.\n</div>\n");
  EXPECT_TRUE(NowhereIn(doc, "var"));
  EXPECT_TRUE(NowhereIn(doc, "color"));
  EXPECT_TRUE(Contains(doc.sections[0].prose, "Orbit stöder kampanjkoder."));
}

TEST(MarkdownDocumentTest, InlineHtmlTagsStripped) {
  const MarkdownDocument doc = parse_markdown(
      "Tryck på <kbd>Ctrl</kbd>+<kbd>S</kbd> för att <span class=\"hl\">spara</span>.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose, "Tryck på Ctrl+S för att spara.");
  EXPECT_TRUE(NowhereIn(doc, "<"));
  EXPECT_TRUE(NowhereIn(doc, "kbd"));
  EXPECT_TRUE(NowhereIn(doc, "class"));
}

TEST(MarkdownDocumentTest, HtmlBlockTagsStrippedTextKept) {
  const MarkdownDocument doc = parse_markdown(
      "Antes.\n"
      "\n"
      "<div class=\"aviso\">\n"
      "<p>Atenção: o reembolso leva 5 dias úteis.</p>\n"
      "</div>\n"
      "\n"
      "Depois.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  const std::string& prose = doc.sections[0].prose;
  EXPECT_TRUE(Contains(prose, "Antes."));
  EXPECT_TRUE(Contains(prose, "Atenção: o reembolso leva 5 dias úteis."));
  EXPECT_TRUE(Contains(prose, "Depois."));
  EXPECT_LT(prose.find("Antes."), prose.find("Atenção"));
  EXPECT_LT(prose.find("Atenção"), prose.find("Depois."));
  EXPECT_TRUE(NowhereIn(doc, "<"));
  EXPECT_TRUE(NowhereIn(doc, ">"));
  EXPECT_TRUE(NowhereIn(doc, "aviso"));
  EXPECT_TRUE(NowhereIn(doc, "div"));
}

TEST(MarkdownDocumentTest, HtmlCommentDropped) {
  const MarkdownDocument doc =
      parse_markdown("<!-- TODO: uppdatera skärmbilderna -->\n\nInnehåll.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_TRUE(Contains(doc.sections[0].prose, "Innehåll."));
  EXPECT_TRUE(NowhereIn(doc, "TODO"));
  EXPECT_TRUE(NowhereIn(doc, "skärmbilderna"));
}

TEST(MarkdownDocumentTest, ListsAndParagraphsSeparatedByBlankLine) {
  const MarkdownDocument doc = parse_markdown(
      "Unaweza kulipa kwa njia hizi:\n"
      "\n"
      "- M-Pesa\n"
      "- Kadi ya benki\n"
      "- Uhamisho wa benki\n"
      "\n"
      "Malipo huchukua siku moja.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose,
            "Unaweza kulipa kwa njia hizi:\n\nM-Pesa\n\nKadi ya benki\n\nUhamisho wa benki\n\n"
            "Malipo huchukua siku moja.");
}

TEST(MarkdownDocumentTest, NestedListsAndBlockQuotes) {
  const MarkdownDocument doc = parse_markdown(
      "1. Abra o app\n"
      "   - toque em Perfil\n"
      "2. Escolha Segurança\n"
      "\n"
      "> Dica: ative a verificação em duas etapas.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose,
            "Abra o app\n\ntoque em Perfil\n\nEscolha Segurança\n\n"
            "Dica: ative a verificação em duas etapas.");
}

TEST(MarkdownDocumentTest, SoftAndHardBreaksBecomeNewlines) {
  const MarkdownDocument doc = parse_markdown("Satır bir\nsatır iki  \nsatır üç\\\nsatır dört\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose, "Satır bir\nsatır iki\nsatır üç\nsatır dört");
}

TEST(MarkdownDocumentTest, EmphasisTextKeptMarkersDropped) {
  const MarkdownDocument doc = parse_markdown(
      "Klicka på **Spara** och sedan *Stäng*, eller ***båda***; __aldrig__ _Radera_.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose, "Klicka på Spara och sedan Stäng, eller båda; aldrig Radera.");
}

TEST(MarkdownDocumentTest, EntitiesAndEscapesDecoded) {
  const MarkdownDocument doc =
      parse_markdown("Villkor &amp; avgifter &mdash; se \\*not\\* &#x00E5;.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose, "Villkor & avgifter — se *not* å.");
}

TEST(MarkdownDocumentTest, ThematicBreakIsNotText) {
  const MarkdownDocument doc = parse_markdown("Ett\n\n***\n\nTvå\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].prose, "Ett\n\nTvå");
}

TEST(MarkdownDocumentTest, ThaiSupportArticle) {
  const MarkdownDocument doc = parse_markdown(
      "การรีเซ็ตรหัสผ่านทำได้ง่าย\n"
      "\n"
      "## ขั้นตอนการรีเซ็ตรหัสผ่าน\n"
      "\n"
      "1. ไปที่หน้า **เข้าสู่ระบบ**\n"
      "2. คลิก [ลืมรหัสผ่าน](https://example.co.th/reset)\n"
      "3. ป้อนรหัส `123456` ที่ได้รับทางอีเมล\n"
      "\n"
      "## ติดต่อฝ่ายสนับสนุน\n"
      "\n"
      "ส่งอีเมลถึง <support@example.co.th>\n");
  ASSERT_EQ(doc.sections.size(), 3u);
  EXPECT_EQ(doc.first_heading, "ขั้นตอนการรีเซ็ตรหัสผ่าน");
  EXPECT_EQ(doc.sections[0].level, 0);
  EXPECT_EQ(doc.sections[0].prose, "การรีเซ็ตรหัสผ่านทำได้ง่าย");
  EXPECT_EQ(doc.sections[1].heading, "ขั้นตอนการรีเซ็ตรหัสผ่าน");
  EXPECT_EQ(doc.sections[1].anchor, "ขั้นตอนการรีเซ็ตรหัสผ่าน");
  EXPECT_EQ(doc.sections[1].prose,
            "ไปที่หน้า เข้าสู่ระบบ\n\nคลิก ลืมรหัสผ่าน\n\nป้อนรหัส 123456 ที่ได้รับทางอีเมล");
  EXPECT_EQ(doc.sections[1].code, "");
  EXPECT_EQ(doc.sections[2].heading, "ติดต่อฝ่ายสนับสนุน");
  EXPECT_EQ(doc.sections[2].prose, "ส่งอีเมลถึง");
  EXPECT_TRUE(NowhereIn(doc, "example.co.th"));
}

TEST(MarkdownDocumentTest, CrlfBody) {
  const MarkdownDocument doc =
      parse_markdown("# Başlık\r\n\r\nBirinci satır\r\nikinci satır\r\n\r\n```\r\nkod\r\n```\r\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].heading, "Başlık");
  EXPECT_EQ(doc.sections[0].prose, "Birinci satır\nikinci satır");
  EXPECT_EQ(doc.sections[0].code, "kod");
}

}  // namespace
}  // namespace kbsearch::markdown
