// The documents API: articles put by an application (Indexer::put, remove,
// commit, discard; Searcher::get), checked against files where they meet.
#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <utility>

#include "index/analysis_config.h"
#include "index/generations.h"
#include "index/schema.h"
#include "kbsearch/kbsearch.h"
#include "test_support.h"

namespace kbsearch {
namespace {

using testutil::Contains;
using testutil::ids;
using testutil::kCorpusDir;
using testutil::read_file;
using testutil::run_search;
using testutil::TempDir;
using testutil::write_file;
namespace fs = std::filesystem;

Article article(const std::string& id, const std::string& markdown, const std::string& lang = "") {
  Article a;
  a.id = id;
  a.markdown = markdown;
  a.lang = lang;
  return a;
}

// One article a language, real sentences, as a help desk would keep them.
const std::vector<Article>& five_articles() {
  static const std::vector<Article> articles = {
      article("reset-th", "# ลืมรหัสผ่าน\n\nหากคุณลืมรหัสผ่าน ให้คลิกลิงก์รีเซ็ตในหน้าเข้าสู่ระบบ แล้วตรวจสอบอีเมลของคุณ\n",
              "th"),
      article("reset-sv",
              "# Återställ ditt lösenord\n\nOm du har glömt ditt lösenord klickar du på länken på "
              "inloggningssidan och följer instruktionerna i e-postmeddelandet.\n",
              "sv"),
      article("reset-tr",
              "# Parolanızı sıfırlayın\n\nParolanızı unuttuysanız giriş sayfasındaki bağlantıya tıklayın ve "
              "e-postadaki talimatları izleyin.\n",
              "tr"),
      article("reset-sw",
              "# Weka upya nenosiri lako\n\nUkisahau nenosiri lako, bofya kiungo kwenye ukurasa wa kuingia na "
              "ufuate maagizo kwenye barua pepe.\n",
              "sw"),
      article("reset-pt",
              "# Redefinir a sua senha\n\nSe você esqueceu a sua senha, clique no link da página de login e "
              "siga as instruções do e-mail.\n",
              "pt"),
  };
  return articles;
}

void put_five(const std::string& db) {
  Indexer indexer(db);
  for (const Article& a : five_articles()) indexer.put(a);
  const IndexReport report = indexer.commit();
  ASSERT_EQ(report.added, 5u);
  ASSERT_EQ(report.failed, 0u);
}

std::string first_id(const std::string& db, const std::string& query, const std::string& lang) {
  const SearchResults results = run_search(db, query, lang);
  return results.hits.empty() ? "" : results.hits.front().id;
}

TEST(DocumentsApi, PutArticlesAreFoundInEveryLanguage) {
  TempDir dir;
  const std::string db = dir / "db";
  put_five(db);
  EXPECT_EQ(first_id(db, "ลืมรหัสผ่าน", "th"), "reset-th");
  EXPECT_EQ(first_id(db, "glömt lösenordet", "sv"), "reset-sv");
  EXPECT_EQ(first_id(db, "parolamı unuttum", "tr"), "reset-tr");
  EXPECT_EQ(first_id(db, "nimesahau nenosiri", "sw"), "reset-sw");
  EXPECT_EQ(first_id(db, "esqueci minha senha", "pt"), "reset-pt");
  const SearchResults pt = run_search(db, "senha", "pt");
  ASSERT_FALSE(pt.hits.empty());
  EXPECT_EQ(pt.hits.front().title, "Redefinir a sua senha");
  EXPECT_EQ(pt.hits.front().path, "");
  EXPECT_TRUE(Contains(pt.hits.front().snippet, "senha"));
}

TEST(DocumentsApi, GetReturnsTheStoredArticle) {
  TempDir dir;
  const std::string db = dir / "db";
  {
    Indexer indexer(db);
    Article a = article("billing/refund", "---\ntags: [billing]\n---\n# Reembolso\n\nPedidos de reembolso em 14 dias.\n\n"
                                          "## Prazo\n\nO valor volta ao cartão.\n\n```\nrefund --id 42\n```\n");
    a.updated = "2026-03-01";
    a.group = "refund";
    indexer.put(a);
    indexer.commit();
  }
  Searcher searcher(db);
  EXPECT_FALSE(searcher.get("billing/none").has_value());
  const std::optional<StoredArticle> got = searcher.get("billing/refund");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->id, "billing/refund");
  EXPECT_EQ(got->title, "Reembolso");
  EXPECT_EQ(got->lang, "pt");  // identified: neither front matter nor field gives it
  EXPECT_EQ(got->updated, "2026-03-01");
  EXPECT_EQ(got->group, "refund");
  EXPECT_EQ(got->tags, std::vector<std::string>{"billing"});
  EXPECT_EQ(got->path, "");
  EXPECT_TRUE(Contains(got->markdown, "refund --id 42"));
  ASSERT_EQ(got->sections.size(), 2u);
  EXPECT_EQ(got->sections[1].heading, "Prazo");
  EXPECT_EQ(got->sections[1].anchor, "prazo");
  EXPECT_EQ(got->sections[1].text, "O valor volta ao cartão.");
  EXPECT_TRUE(Contains(got->sections[1].code, "refund --id 42"));
}

TEST(DocumentsApi, FieldsTakeThePlaceOfTheFrontMatter) {
  TempDir dir;
  const std::string db = dir / "db";
  {
    Indexer indexer(db);
    Article a = article("fm", "---\ntitle: Old title\nlang: sv\ntags: [old]\n---\nOm du har glömt ditt lösenord.\n");
    a.title = "Nytt lösenord";
    a.lang = "sv-SE";
    a.tags = {"konto", "säkerhet"};
    indexer.put(a);
    indexer.commit();
  }
  const std::optional<StoredArticle> got = Searcher(db).get("fm");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->title, "Nytt lösenord");
  EXPECT_EQ(got->lang, "sv");
  EXPECT_EQ(got->tags, (std::vector<std::string>{"konto", "säkerhet"}));
}

TEST(DocumentsApi, StagedChangesAreSeenOnlyAfterCommit) {
  TempDir dir;
  const std::string db = dir / "db";
  put_five(db);
  Indexer indexer(db);
  indexer.put(article("new-pt", "# Faturas\n\nBaixe a fatura mensal na página de cobrança.\n", "pt"));
  EXPECT_TRUE(indexer.remove("reset-sv"));
  EXPECT_EQ(first_id(db, "fatura mensal", "pt"), "");
  EXPECT_EQ(first_id(db, "glömt lösenordet", "sv"), "reset-sv");
  const IndexReport report = indexer.commit();
  EXPECT_EQ(report.added, 1u);
  EXPECT_EQ(report.deleted, 1u);
  EXPECT_EQ(first_id(db, "fatura mensal", "pt"), "new-pt");
  EXPECT_EQ(first_id(db, "glömt lösenordet", "sv"), "");
}

TEST(DocumentsApi, DiscardAndDestructionDropStagedChanges) {
  TempDir dir;
  const std::string db = dir / "db";
  put_five(db);
  {
    Indexer indexer(db);
    indexer.put(article("dropped", "# Faturas\n\nBaixe a fatura mensal.\n", "pt"));
    EXPECT_TRUE(indexer.remove("reset-tr"));
    indexer.discard();
    // A discarded batch leaves the Indexer usable.
    indexer.put(article("kept", "# Ankete katılın\n\nAnketimize katılmak için bağlantıya tıklayın.\n", "tr"));
    EXPECT_EQ(indexer.commit().added, 1u);
    indexer.put(article("never", "# Faturas\n\nBaixe a fatura anual.\n", "pt"));
  }
  Searcher searcher(db);
  EXPECT_FALSE(searcher.get("dropped").has_value());
  EXPECT_FALSE(searcher.get("never").has_value());
  EXPECT_TRUE(searcher.get("reset-tr").has_value());
  EXPECT_TRUE(searcher.get("kept").has_value());
}

TEST(DocumentsApi, CountsFollowTheArticlesNotTheCalls) {
  TempDir dir;
  const std::string db = dir / "db";
  put_five(db);
  Indexer indexer(db);
  indexer.put(five_articles()[0]);  // the same text and fields: nothing to do
  Article changed = five_articles()[1];
  changed.markdown += "\nDu kan också kontakta supporten.\n";
  indexer.put(changed);
  indexer.put(changed);
  indexer.put(article("brief", "Kort text om fakturor.", "sv"));
  EXPECT_TRUE(indexer.remove("brief"));
  EXPECT_FALSE(indexer.remove("brief"));
  EXPECT_FALSE(indexer.remove("no-such-article"));
  const IndexReport report = indexer.commit();
  EXPECT_EQ(report.unchanged, 1u);
  EXPECT_EQ(report.updated, 1u);
  EXPECT_EQ(report.added, 0u);
  EXPECT_EQ(report.deleted, 0u);
  EXPECT_EQ(first_id(db, "kontakta supporten", "sv"), "reset-sv");
}

// What a bad article does: throws InputError naming it, stages nothing, and
// loses nothing already indexed or staged.
TEST(DocumentsApi, BadInputIsRejectedAndLosesNothing) {
  TempDir dir;
  const std::string db = dir / "db";
  put_five(db);
  Indexer indexer(db);
  indexer.put(article("good", "# Faturas\n\nBaixe a fatura mensal.\n", "pt"));
  struct Case {
    Article article;
    std::string message;
  };
  Article bad_date = article("bad-date", "Text");
  bad_date.updated = "2026-13-45";
  Article bad_tag = article("bad-tag", "Text");
  bad_tag.tags = {"one\ntwo"};
  IndexOptions small;
  const std::vector<Case> cases = {
      {article("", "Text"), "the id is empty"},
      {article("line\nbreak", "Text"), "control character"},
      {article("utf8", "Bad \xC3 byte"), "invalid UTF-8 at byte 4"},
      {article("nul", std::string("a\0b", 3)), "NUL"},
      {article("lang", "Text", "x1"), "'lang' must be a language code"},
      {bad_date, "'updated' must be a date"},
      {bad_tag, "one line"},
      {article("mismatch", "---\nid: other\n---\nText\n"), "the front matter's id 'other'"},
      {article("yaml", "---\ntitle: [unclosed\n---\nText\n"), "front matter"},
      {article("big", std::string(small.max_file_bytes + 1, 'a')), "over the limit"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    try {
      indexer.put(c.article);
      ADD_FAILURE() << "accepted";
    } catch (const InputError& e) {
      EXPECT_TRUE(Contains(e.what(), c.message));
      if (!c.article.id.empty() && c.article.id.find('\n') == std::string::npos) {
        EXPECT_TRUE(Contains(e.what(), "article '" + c.article.id + "'"));
      }
    }
  }
  const IndexReport report = indexer.commit();
  EXPECT_EQ(report.added, 1u);
  Searcher searcher(db);
  EXPECT_TRUE(searcher.get("good").has_value());
  for (const Article& a : five_articles()) EXPECT_TRUE(searcher.get(a.id).has_value()) << a.id;
}

TEST(DocumentsApi, DryRunRefusesToWrite) {
  TempDir dir;
  const std::string db = dir / "db";
  put_five(db);
  IndexOptions options;
  options.dry_run = true;
  Indexer indexer(db, options);
  EXPECT_THROW(indexer.put(article("x", "Text")), Error);
  EXPECT_THROW(indexer.remove("reset-pt"), Error);
}

// --- files and put articles in one index ------------------------------------

TEST(DocumentsApi, AnIdBelongsToTheSourceThatPutItThere) {
  TempDir dir;
  const std::string db = dir / "db";
  const std::string docs = dir / "docs";
  write_file(docs + "/invoices.md", "# Fakturor\n\nDu hittar dina fakturor under Inställningar.\n");
  {
    Indexer indexer(db);
    ASSERT_EQ(indexer.index({docs}).added, 1u);
    try {
      indexer.put(article("invoices", "# Other\n\nText.\n"));
      ADD_FAILURE() << "put over a file's article";
    } catch (const InputError& e) {
      EXPECT_TRUE(Contains(e.what(), "belongs to the file"));
      EXPECT_TRUE(Contains(e.what(), "invoices.md"));
    }
    EXPECT_THROW(indexer.remove("invoices"), InputError);
    indexer.put(article("payments", "# Betalningar\n\nBetala med kort eller faktura.\n", "sv"));
    indexer.commit();
  }
  // A file claiming a put article's id is a conflict; the put article stays.
  write_file(docs + "/claims.md", "---\nid: payments\n---\n# Annat\n\nNågot annat.\n");
  Indexer indexer(db);
  const IndexReport report = indexer.index({docs});
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_TRUE(Contains(report.errors[0].message, "put by an application"));
  EXPECT_EQ(Searcher(db).get("payments")->title, "Betalningar");
  // A run over the directory deletes files' articles that vanished, never
  // put articles.
  fs::remove(docs + "/claims.md");
  fs::remove(docs + "/invoices.md");
  const IndexReport again = indexer.index({docs});
  EXPECT_EQ(again.deleted, 1u);
  Searcher searcher(db);
  EXPECT_FALSE(searcher.get("invoices").has_value());
  EXPECT_TRUE(searcher.get("payments").has_value());
}

TEST(DocumentsApi, IndexRefusesWhileChangesAreStaged) {
  TempDir dir;
  const std::string db = dir / "db";
  Indexer indexer(db);
  indexer.put(article("a", "Text about invoices.", "en"));
  EXPECT_THROW(indexer.index({kCorpusDir.string()}), Error);
  indexer.commit();
  EXPECT_NO_THROW(indexer.index({}));
}

// The same articles through files and through put() rank the same for the
// relevance collection's queries, with the same snippets and highlights.
TEST(DocumentsApi, PutAndFilesAnswerAlike) {
  TempDir dir;
  const std::string by_file = dir / "files", by_put = dir / "put";
  Indexer(by_file).index({(kCorpusDir / "articles").string()});
  {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(kCorpusDir / "articles")) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());  // the order the file run adds them in
    Indexer indexer(by_put);
    for (const fs::path& file : files) {
      // The id its front matter gives, which put() must not contradict.
      const std::string text = read_file(file);
      const auto at = text.find("\nid: ") + 5;
      indexer.put(article(text.substr(at, text.find('\n', at) - at), text));
    }
    indexer.commit();
  }
  std::ifstream queries(testutil::kSourceDir / "tests" / "relevance" / "queries.tsv");
  std::string line;
  Searcher files(by_file), put(by_put);
  std::size_t compared = 0;
  while (std::getline(queries, line)) {
    const auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
    SearchRequest request;
    request.lang = line.substr(tab1 + 1, tab2 - tab1 - 1);
    request.query = line.substr(tab2 + 1);
    SCOPED_TRACE(request.query);
    const SearchResults a = files.search(request), b = put.search(request);
    ASSERT_EQ(ids(a), ids(b));
    for (std::size_t i = 0; i < a.hits.size(); ++i) {
      EXPECT_DOUBLE_EQ(a.hits[i].score, b.hits[i].score);
      EXPECT_EQ(a.hits[i].snippet, b.hits[i].snippet);
      ASSERT_EQ(a.hits[i].highlights.size(), b.hits[i].highlights.size());
      for (std::size_t h = 0; h < a.hits[i].highlights.size(); ++h) {
        EXPECT_EQ(a.hits[i].highlights[h].start, b.hits[i].highlights[h].start);
        EXPECT_EQ(a.hits[i].highlights[h].end, b.hits[i].highlights[h].end);
      }
    }
    compared += !a.hits.empty();
  }
  EXPECT_GT(compared, 150u);
}

TEST(DocumentsApi, ShardedIndexesRouteEachArticleToItsShard) {
  TempDir dir;
  const std::string db = dir / "db";
  IndexOptions sharded;
  sharded.shards = 2;
  {
    Indexer indexer(db, sharded);
    for (const Article& a : five_articles()) indexer.put(a);
    EXPECT_EQ(indexer.commit().added, 5u);
  }
  for (const Article& a : five_articles()) EXPECT_TRUE(Searcher(db).get(a.id).has_value()) << a.id;
  EXPECT_EQ(first_id(db, "glömt lösenordet", "sv"), "reset-sv");
  // The side database's spelling follows put articles: a typo is corrected.
  EXPECT_EQ(run_search(db, "lösnord", "sv").suggestion, "lösenord");
  // One shard's writer refuses the other shard's ids.
  IndexOptions one = sharded;
  one.shard = 1;
  Indexer shard_one(db, one);
  std::size_t refused = 0;
  for (const Article& a : five_articles()) {
    try {
      shard_one.put(a);
    } catch (const InputError& e) {
      EXPECT_TRUE(Contains(e.what(), "belongs to shard 2 of 2"));
      ++refused;
    }
  }
  EXPECT_GT(refused, 0u);
  EXPECT_LT(refused, five_articles().size());
}

// --- language tags

// Every door that takes a language reads a BCP 47 tag as its language: the
// article's lang, the index's word lists, the request's lang, the lang:
// filter. What comes back is the language's code.
TEST(DocumentsApi, LanguageTagsAreReadAsTheirLanguage) {
  TempDir dir;
  const std::string db = dir / "db";
  const std::map<std::string, std::pair<std::string, std::string>> tags = {
      {"th", {"th-TH", "ลืมรหัสผ่าน"}},      {"sv", {"sv_SE", "glömt lösenordet"}},
      {"tr", {"TR", "parolamı unuttum"}},    {"sw", {"sw-KE", "nimesahau nenosiri"}},
      {"pt", {"pt-BR", "esqueci a senha"}},
  };
  {
    IndexOptions options;
    options.keep_whole = {{"TH", {"รหัสผ่าน"}}};
    Indexer indexer(db, options);
    for (Article a : five_articles()) {
      a.lang = tags.at(a.lang).first;
      indexer.put(a);
    }
    ASSERT_EQ(indexer.commit().added, 5u);
  }
  Searcher searcher(db);
  EXPECT_EQ(searcher.languages(), (std::vector<std::string>{"pt", "sv", "sw", "th", "tr"}));
  for (const auto& [lang, tag_and_query] : tags) {
    const auto& [tag, query] = tag_and_query;
    const SearchResults results = run_search(db, query, tag);
    EXPECT_EQ(results.query_languages, std::vector<std::string>{lang}) << tag;
    ASSERT_FALSE(results.hits.empty()) << tag;
    EXPECT_EQ(results.hits.front().id, "reset-" + lang);
    EXPECT_EQ(results.hits.front().lang, lang);
    EXPECT_EQ(ids(run_search(db, query + " lang:" + tag)), std::vector<std::string>{"reset-" + lang}) << tag;
  }
  // The Thai list is stored under th, where every search finds it.
  EXPECT_EQ(index::load_keep_whole(Xapian::Database(db)),
            (index::KeepWholeLists{{"th", {"รหัสผ่าน"}}}));

  // A well-formed tag of no language is refused at every door.
  EXPECT_THROW(run_search(db, "senha", "xx"), QueryError);
  EXPECT_THROW(run_search(db, "senha lang:xx-BR"), QueryError);
  EXPECT_THROW(Indexer(db).put(article("x", "Texto", "xx")), InputError);
  IndexOptions unknown;
  unknown.keep_whole = {{"qq", {"word"}}};
  EXPECT_THROW(Indexer(db, unknown), LanguageError);
}

// --- analysis changes re-analyse put articles from the text the index keeps

TEST(DocumentsApi, KeepWholeChangesReanalysePutArticles) {
  TempDir dir;
  const std::string db = dir / "db";
  put_five(db);
  IndexOptions options;
  options.keep_whole = {{"th", {"รหัสผ่าน"}}};
  const IndexReport report = Indexer(db, options).index({});
  // Every put article: the configuration's fingerprint covers every list.
  // Analysed afresh, their text unchanged: not counted as updated.
  EXPECT_EQ(report.reanalysed, five_articles().size());
  EXPECT_EQ(report.updated, 0u);
  EXPECT_EQ(Indexer(db).index({}).reanalysed, 0u);
  EXPECT_EQ(first_id(db, "ลืมรหัสผ่าน", "th"), "reset-th");
}

TEST(DocumentsApi, RebuildsKeepPutArticles) {
  TempDir dir;
  const std::string db = dir / "db";
  put_five(db);
  IndexOptions rebuild;
  rebuild.rebuild = true;
  Indexer(db, rebuild).index({});
  EXPECT_EQ(first_id(db, "glömt lösenordet", "sv"), "reset-sv");

  // An index of another schema is rebuilt from nothing: its put articles
  // are analysed again from their kept text.
  const index::Generations generations(db);
  {
    Xapian::WritableDatabase live(generations.path(*generations.current()));
    live.set_metadata(index::kSchemaKey, "1");
    live.commit();
  }
  EXPECT_THROW(Searcher{db}, IndexVersionError);
  Indexer indexer(db, rebuild);
  const IndexReport report = indexer.commit();
  EXPECT_EQ(report.failed, 0u);
  for (const Article& a : five_articles()) EXPECT_TRUE(Searcher(db).get(a.id).has_value()) << a.id;
  EXPECT_EQ(first_id(db, "parolamı unuttum", "tr"), "reset-tr");
}

}  // namespace
}  // namespace kbsearch
