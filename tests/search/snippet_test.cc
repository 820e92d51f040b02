// Snippets ready to show, through the C++ API: highlight offsets in bytes,
// UTF-16 code units and code points, the escaped and marked snippet_html,
// and what a single request may choose (marks, snippet length, recency) on
// one shared Searcher. In all five languages (a mark cut off where the
// script changes is Thai's), over articles written out here.
#include <gtest/gtest.h>
#include <unicode/brkiter.h>

#include <memory>
#include <vector>

#include "kbsearch/kbsearch.h"
#include "test_support.h"
#include "unicode_support.h"
#include "util/utf8.h"

namespace kbsearch {
namespace {

using testutil::code_point_slice;
using testutil::Contains;
using testutil::TempDir;
using testutil::utf16_slice;

struct Article {
  std::string id, lang, prose;
};

void write_articles(const std::filesystem::path& dir, const std::vector<Article>& articles,
                    const std::string& updated = "") {
  for (const Article& a : articles) {
    testutil::write_file(dir / (a.id + ".md"), "---\nid: " + a.id + "\ntitle: Orbit\nlang: " + a.lang +
                                                   (updated.empty() ? "" : "\nupdated: " + updated) + "\n---\n" +
                                                   a.prose + "\n");
  }
}

// An article per language with a word to find, a 🔒 before it (one code
// point, two UTF-16 units) and `a < b & "c"` after it.
struct WordCase {
  Article article;
  std::string query;
  std::string word;  // as the article writes it: what is highlighted
};

const std::vector<WordCase> kWords = {
    // "Press 🔒, then open the invoice you want; use the filter a < b & "c"
    // to see smaller amounts." ใบแจ้งหนี้ ends in a tone mark over a vowel.
    {{"invoice-th", "th", "กด 🔒 แล้วเปิดใบแจ้งหนี้ที่ต้องการ ใช้ตัวกรอง a < b & \"c\" เพื่อดูยอดที่น้อยกว่า"},
     "ใบแจ้งหนี้", "ใบแจ้งหนี้"},
    {{"password-sv", "sv",
      "Tryck på 🔒 och återställ lösenordet. Filtret a < b & \"c\" visar fakturor där beloppet är lägre."},
     "lösenordet", "lösenordet"},
    {{"password-tr", "tr",
      "Güvenlik için 🔒 simgesine dokunun ve şifrenizi değiştirin. a < b & \"c\" filtresi, tutarı düşük olan "
      "faturaları İstanbul saatiyle gösterir."},
     "şifrenizi", "şifrenizi"},
    {{"password-sw", "sw",
      "Gusa 🔒 kisha badilisha nenosiri lako. Kichujio a < b & \"c\" kinaonyesha ankara zenye kiasi kidogo."},
     "nenosiri", "nenosiri"},
    {{"password-pt", "pt",
      "Toque em 🔒 e abra Configurações para redefinir a senha. O filtro a < b & \"c\" também mostra as "
      "faturas que não foram pagas."},
     "configurações", "Configurações"},
};

void PrintTo(const WordCase& c, std::ostream* os) { *os << c.article.lang; }

const testutil::SharedIndex& word_index() {
  static const TempDir dir;
  static const testutil::SharedIndex index = [] {
    std::vector<Article> articles;
    for (const WordCase& c : kWords) articles.push_back(c.article);
    write_articles(dir.path(), articles);
    return testutil::SharedIndex({dir.path().string()});
  }();
  return index;
}

SearchRequest request_for(const std::string& query, const std::string& lang, const std::string& id) {
  SearchRequest request;
  request.query = query + " group:" + id;
  request.lang = lang;
  return request;
}

Hit only_hit(Searcher& searcher, const SearchRequest& request) {
  const SearchResults results = searcher.search(request);
  EXPECT_EQ(results.hits.size(), 1u) << request.query;
  return results.hits.empty() ? Hit{} : results.hits.front();
}

bool is_grapheme_boundary(const std::string& utf8, std::size_t byte) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> clusters(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return false;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  clusters->setText(text);
  // The UTF-16 index of the byte offset: the units of the bytes before it.
  return clusters->isBoundary(icu::UnicodeString::fromUTF8(utf8.substr(0, byte)).length());
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// snippet_html without its marks and escapes: the snippet, when the marks
// were put in verbatim and everything else escaped.
std::string unmarked(std::string html, const std::string& pre, const std::string& post) {
  html = replace_all(replace_all(html, pre, ""), post, "");
  for (const auto& [entity, c] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    html = replace_all(html, entity, c);
  }
  return html;
}

// The marks open and close in turn, once per highlight: no mark is nested,
// crossed or left open.
::testing::AssertionResult WellFormed(const Hit& hit, const std::string& pre = "<mark>",
                                      const std::string& post = "</mark>") {
  std::size_t at = 0, marks = 0;
  for (bool open = true;; open = !open) {
    const std::size_t next_pre = hit.snippet_html.find(pre, at), next_post = hit.snippet_html.find(post, at);
    if (next_pre == std::string::npos && next_post == std::string::npos && open) break;
    if (open ? next_pre > next_post : next_post > next_pre || next_post == std::string::npos) {
      return ::testing::AssertionFailure() << "marks out of turn in " << hit.snippet_html;
    }
    at = open ? next_pre + pre.size() : next_post + post.size();
    marks += open;
  }
  if (marks != hit.highlights.size()) {
    return ::testing::AssertionFailure() << marks << " marks for " << hit.highlights.size()
                                         << " highlights in " << hit.snippet_html;
  }
  return ::testing::AssertionSuccess();
}

class WordHighlights : public ::testing::TestWithParam<WordCase> {};

TEST_P(WordHighlights, OffsetsInEveryUnitPointAtTheWord) {
  const WordCase& c = GetParam();
  Searcher searcher(word_index().db);
  const Hit hit = only_hit(searcher, request_for(c.query, c.article.lang, c.article.id));
  ASSERT_EQ(hit.highlights.size(), 1u) << hit.snippet;
  const Highlight& h = hit.highlights[0];
  EXPECT_EQ(hit.snippet.substr(h.start, h.end - h.start), c.word);
  EXPECT_EQ(utf16_slice(hit.snippet, h.start_utf16, h.end_utf16), c.word);
  EXPECT_EQ(code_point_slice(hit.snippet, h.start_code_point, h.end_code_point), c.word);
  // Only 🔒 before the word lies past U+FFFF: one code point, two units.
  EXPECT_EQ(h.start_utf16, h.start_code_point + 1);
  EXPECT_TRUE(is_grapheme_boundary(hit.snippet, h.start));
  EXPECT_TRUE(is_grapheme_boundary(hit.snippet, h.end));
}

TEST_P(WordHighlights, SnippetHtmlMarksTheWordAndEscapesTheText) {
  const WordCase& c = GetParam();
  Searcher searcher(word_index().db);
  const Hit hit = only_hit(searcher, request_for(c.query, c.article.lang, c.article.id));
  EXPECT_TRUE(Contains(hit.snippet_html, "<mark>" + c.word + "</mark>"));
  EXPECT_TRUE(Contains(hit.snippet, "a < b & \"c\""));
  EXPECT_TRUE(Contains(hit.snippet_html, "a &lt; b &amp; &quot;c&quot;"));
  EXPECT_EQ(unmarked(hit.snippet_html, "<mark>", "</mark>"), hit.snippet);
  EXPECT_TRUE(WellFormed(hit));
}

TEST_P(WordHighlights, MarksAreChosenPerRequestOverTheSearchers) {
  const WordCase& c = GetParam();
  SearchOptions options;
  options.mark_pre = "[";
  options.mark_post = "]";
  Searcher searcher(word_index().db, options);
  SearchRequest request = request_for(c.query, c.article.lang, c.article.id);
  EXPECT_TRUE(Contains(only_hit(searcher, request).snippet_html, "[" + c.word + "]"));
  request.mark_pre = "<em class=\"hit\">";
  request.mark_post = "</em>";
  const Hit custom = only_hit(searcher, request);
  EXPECT_TRUE(Contains(custom.snippet_html, "<em class=\"hit\">" + c.word + "</em>"));
  EXPECT_TRUE(WellFormed(custom, *request.mark_pre, *request.mark_post));
  // The next request without marks has the Searcher's again.
  request.mark_pre.reset();
  request.mark_post.reset();
  EXPECT_TRUE(Contains(only_hit(searcher, request).snippet_html, "[" + c.word + "]"));
}

INSTANTIATE_TEST_SUITE_P(Languages, WordHighlights, ::testing::ValuesIn(kWords),
                         [](const auto& info) { return info.param.article.lang; });

TEST(Highlights, WordsWrittenTogetherOrSharingBytesAreOneMark) {
  struct Case {
    Article article;
    std::string query, marked;
  };
  const std::vector<Case> cases = {
      // "If you forgot your password, press the button below": ลืม|รหัส|ผ่าน
      // are three words written together.
      {{"forgot-th", "th", "หากลืมรหัสผ่าน ให้กดปุ่มด้านล่าง"}, "ลืมรหัสผ่าน", "หาก<mark>ลืมรหัสผ่าน</mark> ให้"},
      // The compound and both its parts match.
      {{"reset-sv", "sv", "Begär lösenordsåterställning från administratören."},
       "lösenord återställning",
       "<mark>lösenordsåterställning</mark> från"},
      // e-posta, its pieces and eposta share bytes.
      {{"email-tr", "tr", "Şifre sıfırlama bağlantısı e-posta ile gönderilir."}, "e-posta",
       "bağlantısı <mark>e-posta</mark> ile"},
      // Words side by side stay apart, in order.
      {{"two-step-sw", "sw", "Washa uthibitishaji wa hatua mbili kwenye akaunti yako."}, "hatua mbili",
       "wa <mark>hatua</mark> <mark>mbili</mark> kwenye"},
      {{"email-pt", "pt", "Envie um e-mail para o suporte com a descrição do erro."}, "e-mail",
       "um <mark>e-mail</mark> para"},
  };
  const TempDir dir;
  std::vector<Article> articles;
  for (const Case& c : cases) articles.push_back(c.article);
  write_articles(dir.path() / "kb", articles);
  const testutil::SharedIndex index({(dir.path() / "kb").string()});
  Searcher searcher(index.db);
  for (const Case& c : cases) {
    const Hit hit = only_hit(searcher, request_for(c.query, c.article.lang, c.article.id));
    EXPECT_TRUE(Contains(hit.snippet_html, c.marked));
    EXPECT_TRUE(WellFormed(hit));
    for (std::size_t i = 1; i < hit.highlights.size(); ++i) {
      EXPECT_GT(hit.highlights[i].start, hit.highlights[i - 1].end) << hit.snippet;
    }
  }
}

TEST(Highlights, ThaiTextKeepsItsMarksWithTheirLetters) {
  // "If you forgot your password, open iPhone again": a tone mark typed
  // after "iPhone" on the Thai layout. The segmenter cuts the word where
  // the script changes, before the mark; the highlight takes the mark,
  // which belongs to the e it is written on.
  const TempDir dir;
  write_articles(dir.path() / "kb", {{"iphone-th", "th", "หากลืมรหัสผ่าน ให้เปิด iPhone่ อีกครั้ง"}});
  const testutil::SharedIndex index({(dir.path() / "kb").string()});
  Searcher searcher(index.db);
  const Hit hit = only_hit(searcher, request_for("iPhone", "th", "iphone-th"));
  ASSERT_EQ(hit.highlights.size(), 1u) << hit.snippet;
  const Highlight& h = hit.highlights[0];
  EXPECT_EQ(hit.snippet.substr(h.start, h.end - h.start), "iPhone่");
  EXPECT_EQ(utf16_slice(hit.snippet, h.start_utf16, h.end_utf16), "iPhone่");
  EXPECT_TRUE(Contains(hit.snippet_html, "<mark>iPhone่</mark>"));
}

TEST(Snippets, WordsWithPartsAreCountedOnceAndNeverCut) {
  // A hyphenated word whose second piece lies within the quarter of the
  // snippet (40 characters) that is shown before the match, and its first
  // piece beyond: the passage opens on the whole word, and runs on past it
  // to the end of the text (under 160 characters, but not if each piece
  // counted the rest of the text again, as they once did).
  struct Case {
    Article article;
    std::string query, opening;
  };
  const std::vector<Case> cases = {
      // "Set up the phone: turn on Wi-Fi on your phone, then log in with
      // the new password again. If you still cannot get in, contact
      // support through the chat in the app."
      {{"wifi-th", "th", "ตั้งค่าโทรศัพท์ เปิด Wi-Fi บนโทรศัพท์ของคุณ แล้วเข้าสู่ระบบด้วยรหัสผ่านใหม่อีกครั้ง "
                           "หากยังเข้าไม่ได้ ให้ติดต่อฝ่ายสนับสนุนผ่านแชทในแอป"}, "รหัสผ่าน",
       "Wi-Fi"},
      {{"reset-sv", "sv", "Vi skickar ett e-postmeddelande med en länk om du byter lösenordet till kontot. "
                          "Länken gäller i en timme, och du kan be om en ny från inloggningssidan."},
       "lösenordet", "e-postmeddelande"},
      {{"reset-tr", "tr",
        "Size bir e-posta göndereceğiz, bağlantıya tıklayıp şifrenizi sıfırlayın ve tekrar giriş yapın. "
        "Bağlantı bir saat geçerlidir."},
       "şifrenizi", "e-posta"},
      {{"reset-sw", "sw", "Tuma barua-pepe kwa timu ya msaada kisha weka nenosiri jipya la akaunti yako. "
                          "Kiungo kinafanya kazi kwa saa moja tu."},
       "nenosiri", "barua-pepe"},
      {{"reset-pt", "pt", "Envie um e-mail para o suporte e depois redefina a senha na página da conta. "
                          "O link vale por uma hora e pode ser pedido de novo."},
       "senha", "e-mail"},
  };
  const TempDir dir;
  std::vector<Article> articles;
  for (const Case& c : cases) articles.push_back(c.article);
  write_articles(dir.path() / "kb", articles);
  const testutil::SharedIndex index({(dir.path() / "kb").string()});
  Searcher searcher(index.db);
  for (const Case& c : cases) {
    const std::string& prose = c.article.prose;
    // From the opening word to the last (the closing full stop is no word).
    const std::size_t from = prose.find(c.opening);
    const std::string words = prose.substr(from, prose.find_last_not_of('.') + 1 - from);
    const std::string snippet = only_hit(searcher, request_for(c.query, c.article.lang, c.article.id)).snippet;
    EXPECT_EQ(snippet.substr(0, words.size() + 4), "… " + words);  // "… " is 4 bytes
  }
}

// --- what a request chooses on a shared Searcher ----------------------------------

TEST(RequestOptions, SnippetLengthIsChosenPerRequest) {
  const std::vector<std::pair<std::string, std::string>> queries = {
      {"th", "รหัสผ่าน"}, {"sv", "lösenord"}, {"tr", "şifre"}, {"sw", "nenosiri"}, {"pt", "senha"}};
  Searcher searcher(testutil::corpus_index().db);
  // Characters of the passage itself, without the "… " that marks a cut.
  const auto passage_chars = [](std::string snippet) {
    return util::utf8_length(replace_all(replace_all(snippet, "… ", ""), " …", ""));
  };
  for (const auto& [lang, query] : queries) {
    SCOPED_TRACE(query);
    SearchRequest request;
    request.query = query + " group:reset-password";
    request.lang = lang;
    request.snippet_chars = 40;
    const Hit short_hit = only_hit(searcher, request);
    request.snippet_chars = 200;
    const Hit long_hit = only_hit(searcher, request);
    EXPECT_LE(passage_chars(short_hit.snippet), 40u) << short_hit.snippet;
    EXPECT_GT(passage_chars(long_hit.snippet), passage_chars(short_hit.snippet)) << long_hit.snippet;
    EXPECT_LE(passage_chars(long_hit.snippet), 200u) << long_hit.snippet;
    EXPECT_FALSE(short_hit.highlights.empty());
  }
}

TEST(RequestOptions, RecencyBonusIsChosenPerRequest) {
  // Each language's article twice, word for word, updated years apart.
  // Scores are equal, so the older one, whose id sorts first, comes first
  // unless the request asks for recent articles.
  const TempDir dir;
  for (const WordCase& c : kWords) {
    Article older = c.article, newer = c.article;
    older.id = c.article.lang + "-a-older";
    newer.id = c.article.lang + "-b-newer";
    write_articles(dir.path() / "kb", {older}, "2019-03-01");
    write_articles(dir.path() / "kb", {newer}, "2024-06-01");
  }
  const testutil::SharedIndex index({(dir.path() / "kb").string()});
  SearchOptions recent_first;
  recent_first.recency_bonus = 10;
  recent_first.recency_days = 100000;  // both dates well inside the slope
  Searcher plain(index.db), recent(index.db, recent_first);
  for (const WordCase& c : kWords) {
    const std::string& lang = c.article.lang;
    SCOPED_TRACE(lang);
    SearchRequest request;
    request.query = c.query + " lang:" + lang;
    request.lang = lang;
    const std::vector<std::string> by_id = {lang + "-a-older", lang + "-b-newer"};
    const std::vector<std::string> by_date = {lang + "-b-newer", lang + "-a-older"};
    EXPECT_EQ(testutil::ids(plain.search(request)), by_id);
    EXPECT_EQ(testutil::ids(recent.search(request)), by_date);
    request.recency_bonus = 10;
    request.recency_days = 100000;
    EXPECT_EQ(testutil::ids(plain.search(request)), by_date);
    request.recency_bonus = 0;  // this request turns the Searcher's bonus off
    EXPECT_EQ(testutil::ids(recent.search(request)), by_id);
    request.recency_bonus.reset();  // unset: the Searcher's own again (none)
    EXPECT_EQ(testutil::ids(plain.search(request)), by_id);
  }
}

TEST(RequestOptions, MarksAreBoundedLikeTheQuery) {
  SearchOptions options;
  options.max_query_bytes = 64;
  Searcher searcher(word_index().db, options);
  SearchRequest request = request_for("nenosiri", "sw", "password-sw");
  request.mark_pre = std::string(64, 'x');
  EXPECT_NO_THROW(searcher.search(request));
  request.mark_post = std::string(65, 'x');
  EXPECT_THROW(searcher.search(request), QueryError);
}

}  // namespace
}  // namespace kbsearch
