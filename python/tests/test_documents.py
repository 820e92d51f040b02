"""Articles put by the application, in the five tuned languages, searched
back; errors; the context managers."""

import pytest

import kbsearch

# An emoji (one code point, two UTF-16 units, four UTF-8 bytes) stands in
# each text before the words searched, so a highlight offset counted in any
# unit but Python's str slices the wrong letters.
ARTICLES = [
    {
        "id": "help-1042-sv",
        "markdown": "# Glömt lösenordet?\n\n"
        "Klicka på 🔑 **Glömt lösenordet?** på inloggningssidan och ange din "
        "e-postadress. Du får en länk för att välja ett nytt lösenord.\n",
        "lang": "sv",
        "group": "reset-password",
        "tags": ["account", "password"],
        "updated": "2026-03-01",
    },
    {
        "id": "help-1042-th",
        "markdown": "# ลืมรหัสผ่าน\n\n"
        "หากคุณ 😀 ลืมรหัสผ่าน ให้คลิกลิงก์ในหน้าเข้าสู่ระบบ แล้วเราจะส่งอีเมลให้คุณ\n",
        "lang": "th",
        "group": "reset-password",
        "tags": ["account", "password"],
    },
    {
        "id": "help-1042-sw",
        "markdown": "# Umesahau nenosiri?\n\n"
        "Ukisahau 🔒 nenosiri lako, bofya kiungo kwenye ukurasa wa kuingia na "
        "tutakutumia barua pepe.\n",
        "lang": "sw",
        "group": "reset-password",
        "tags": ["account", "password"],
    },
    {
        "id": "billing-7-tr",
        "markdown": "# Faturanızı indirin\n\n"
        "Tüm 📄 faturalarınızı Ayarlar → Faturalandırma sayfasından PDF "
        "olarak indirebilirsiniz.\n",
        "lang": "tr",
        "tags": ["billing"],
    },
    {
        "id": "billing-9-pt",
        "markdown": "# Atualizar a forma de pagamento\n\n"
        "Para trocar o 💳 cartão de crédito, abra Configurações → Cobrança e "
        "clique em **Alterar forma de pagamento**.\n",
        "lang": "pt",
        "title": "Trocar o cartão de crédito",
        "tags": ["billing"],
    },
]

# (lang, query, the top hit, the words its highlights cover): a Thai word
# typed without spaces, a Turkish stem, Portuguese without its
# accents.
QUERIES = [
    # lösenordet's stem is lösenord's: the snippet's "nytt lösenord" is the query's word too.
    ("sv", "glömt lösenordet", "help-1042-sv", ["Glömt", "lösenordet", "lösenord"]),
    ("th", "ลืมรหัสผ่าน", "help-1042-th", ["ลืมรหัสผ่าน"]),
    ("sw", "nenosiri", "help-1042-sw", ["nenosiri"]),
    ("tr", "fatura", "billing-7-tr", ["faturalarınızı"]),
    ("pt", "cartao de credito", "billing-9-pt", ["cartão", "crédito"]),
]

EMOJI = {"help-1042-sv": "🔑", "help-1042-th": "😀", "help-1042-sw": "🔒",
         "billing-7-tr": "📄", "billing-9-pt": "💳"}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db"
    with kbsearch.Index(path, threads=1) as index:
        assert index.put_many(ARTICLES) == 5
    return path


@pytest.mark.parametrize("lang,query,top,words", QUERIES)
def test_each_language_finds_its_article_with_highlights_in_str_indices(db, lang, query, top,
                                                                        words):
    with kbsearch.Searcher(db) as searcher:
        results = searcher.search(query, lang=lang)
    hit = results.hits[0]
    assert (hit.id, hit.lang, hit.rank) == (top, lang, 1)
    assert results.query_languages == [lang]
    assert [hit.snippet[start:end] for start, end in hit.highlights] == words
    assert hit.snippet.index(EMOJI[top]) < hit.highlights[0][0]
    for word in words:
        assert f"<mark>{word}</mark>" in hit.snippet_html


def test_hit_fields_and_facets(db):
    with kbsearch.Searcher(db) as searcher:
        results = searcher.search("nenosiri", lang="sw")
        sv = searcher.search("lösenordet", lang="sv", all_translations=True)
    assert results.total == 1
    hit = results.hits[0]
    assert hit.title == "Umesahau nenosiri?"
    assert hit.group == "reset-password"
    assert hit.tags == ["account", "password"]
    assert hit.languages == ["sv", "sw", "th"]  # the group's translations
    assert hit.path == ""  # put, not read from a file
    assert hit.score > 0
    assert results.language_facets == [kbsearch.Facet("sw", 1)]
    assert kbsearch.Facet("password", 1) in results.tag_facets
    assert sv.hits[0].updated == "2026-03-01"


def test_request_options_reach_the_library(db):
    with kbsearch.Searcher(db, mark_pre="[", mark_post="]") as searcher:
        hit = searcher.search("fatura", lang="tr").hits[0]
        assert "[faturalarınızı]" in hit.snippet_html
        hit = searcher.search("fatura", lang="tr", mark_pre="<b>", mark_post="</b>").hits[0]
        assert "<b>faturalarınızı</b>" in hit.snippet_html
        bare = searcher.search("fatura", lang="tr", snippets=False, facets=False).hits[0]
        assert (bare.snippet, bare.highlights) == ("", [])
        # Every group, newest first, a page of one after the first.
        page = searcher.search("lang:sv OR lang:tr OR lang:pt", sort="updated", limit=1, offset=1)
        assert [h.rank for h in page.hits] == [2]


def test_suggestion_for_a_misspelt_word(db):
    with kbsearch.Searcher(db) as searcher:
        results = searcher.search("inloggningssidn", lang="sv")
    assert results.suggestion == "inloggningssidan"
    assert results.hits[0].id == "help-1042-sv"


def test_get_returns_the_stored_article_or_none(db):
    with kbsearch.Searcher(db) as searcher:
        article = searcher.get("billing-9-pt")
        assert searcher.get("no-such-article") is None
        assert searcher.languages() == ["pt", "sv", "sw", "th", "tr"]
    assert article.title == "Trocar o cartão de crédito"
    assert article.lang == "pt"
    assert article.markdown == ARTICLES[4]["markdown"]
    assert article.sections[0].heading == "Atualizar a forma de pagamento"
    assert "cartão de crédito" in article.sections[0].text


def test_remove(db):
    with kbsearch.Index(db) as index:
        assert index.remove("billing-7-tr") is True
        assert index.remove("billing-7-tr") is False  # staged already
        assert index.remove("never-there") is False
    with kbsearch.Searcher(db) as searcher:
        assert searcher.search("fatura", lang="tr").hits == []
        assert searcher.get("billing-7-tr") is None


def test_commit_reports_what_changed(db):
    index = kbsearch.Index(db)
    try:
        index.put(**ARTICLES[0])  # the same text and fields: nothing to write
        index.put("help-2000-sv", "# Byt e-postadress\n\nDu kan byta e-postadress under Konto.",
                  lang="sv")
        index.remove("billing-9-pt")
        report = index.commit()
    finally:
        index.close()
    assert (report.added, report.updated, report.deleted, report.unchanged) == (1, 0, 1, 1)
    assert (report.added_ids, report.updated_ids, report.deleted_ids) == (
        ["help-2000-sv"], [], ["billing-9-pt"])
    assert report.errors == [] and report.warnings == [] and not report.dry_run


def test_with_block_discards_on_an_exception(db):
    with pytest.raises(RuntimeError):
        with kbsearch.Index(db) as index:
            index.put("help-3000-pt", "# Excluir a conta\n\nVocê pode excluir a sua conta.",
                      lang="pt")
            raise RuntimeError("the application failed half way")
    with kbsearch.Searcher(db) as searcher:
        assert searcher.get("help-3000-pt") is None
        assert searcher.get("billing-9-pt") is not None
    # The lock was released: the index opens again at once.
    kbsearch.Index(db).close()


def test_bad_input_raises_its_class_with_the_message_and_loses_nothing(db, tmp_path):
    with kbsearch.Index(db) as index:
        index.put("help-4000-sv", "# Radera kontot\n\nDu kan radera ditt konto.", lang="sv")
        with pytest.raises(kbsearch.InputError, match=r"^article '': the id is empty$") as e:
            index.put("", "# Tom\n\nText.")
        assert e.value.status == "KBSEARCH_INPUT_ERROR"
        with pytest.raises(kbsearch.InputError, match="article 'help-5000-tr'"):
            index.put("help-5000-tr", "---\ntitle: [kapanmamış\n---\nMetin.\n")
        with pytest.raises(kbsearch.InputError, match="control character"):
            index.put("help\n5000", "# Başlık\n\nMetin.")
        # What cannot cross into C at all.
        with pytest.raises(kbsearch.InvalidArgumentError, match="markdown holds a NUL"):
            index.put("help-6000-sw", "# Kichwa\n\nMaandishi\0yaliyokatwa.")
        with pytest.raises(ValueError):
            index.put("help-6000-sw", "# Kichwa\n\n\udc80")
        with pytest.raises(TypeError):
            index.put("help-6000-sw", b"# Kichwa")
        with pytest.raises(kbsearch.IndexLockedError, match="lock"):
            kbsearch.Index(db)
    with pytest.raises(kbsearch.InvalidArgumentError, match="shard 3/2: is not one of shards 1 to 2"):
        kbsearch.Index(db, shards=2, shard=3)
    with kbsearch.Searcher(db) as searcher:
        with pytest.raises(kbsearch.QueryError,
                           match=r"'\(' at character 1 is never closed") as e:
            searcher.search("(senha", lang="pt")
        assert e.value.status == "KBSEARCH_QUERY_ERROR"
        with pytest.raises(kbsearch.QueryError, match="tag: needs a value"):
            searcher.search("nenosiri tag:")
        with pytest.raises(kbsearch.InvalidArgumentError, match="limit must not be negative"):
            searcher.search("nenosiri", limit=-1)
        with pytest.raises(kbsearch.InvalidArgumentError, match="sort must be one of"):
            searcher.search("nenosiri", sort="newest")
        # Everything committed before, and the put staged beside the
        # failures, is there.
        for article in ARTICLES + [{"id": "help-4000-sv"}]:
            assert searcher.get(article["id"]) is not None, article["id"]
        assert searcher.search("radera kontot", lang="sv").hits[0].id == "help-4000-sv"
    with pytest.raises(kbsearch.IndexUnusableError):
        kbsearch.Searcher(tmp_path / "no-such-index")
    with pytest.raises(kbsearch.LanguageError):
        kbsearch.analyze("not a language", "text")


def test_a_closed_object_says_so(db):
    searcher = kbsearch.Searcher(db)
    searcher.close()
    searcher.close()  # harmless
    assert searcher.closed
    with pytest.raises(kbsearch.InvalidArgumentError, match=r"kbsearch.Searcher\(.*\) is closed"):
        searcher.search("nenosiri")
    index = kbsearch.Index(db)
    index.close()
    with pytest.raises(ValueError, match="is closed"):
        index.put("help-7000-sv", "# Text")


def test_analyze_offsets_are_str_indices():
    text = "🙂 Kullanıcı adınızı mı unuttunuz?"
    tokens = kbsearch.analyze("tr", text)
    assert [t.text for t in tokens] == ["Kullanıcı", "adınızı", "mı", "unuttunuz"]
    for token in tokens:
        assert text[token.start:token.end] == token.text
    assert tokens[0].term == "kullanıcı"
    assert tokens[0].folded == "kullanici"
    assert [t.position for t in tokens] == [0, 1, 2, 3]
    thai = kbsearch.analyze("th", "ลืมรหัสผ่าน")
    assert [t.text for t in thai] == ["ลืม", "รหัส", "ผ่าน"]


def test_rebuild_and_rollback(db):
    with pytest.raises(kbsearch.Error, match="has no previous generation to roll back to") as e:
        kbsearch.rollback(db)
    assert type(e.value) is kbsearch.Error and e.value.status == "KBSEARCH_ERROR"
    with kbsearch.Index(db, rebuild=True) as index:
        index.remove("billing-7-tr")
    with kbsearch.Searcher(db) as searcher:
        assert searcher.get("billing-7-tr") is None
        assert kbsearch.rollback(db) >= 1
        assert searcher.get("billing-7-tr") is not None  # the generation before
