"""Index.index(): the articles of corpus/ read from their files, searched in
each language; files that fail are reported, not raised."""

import shutil

import pytest

import kbsearch
from conftest import SOURCE_DIR

CORPUS = SOURCE_DIR / "corpus"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "db"
    with kbsearch.Index(path, threads=2) as index:
        report = index.index(CORPUS)
    assert report.failed == 0 and report.errors == []
    assert report.added == sum(1 for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt"))
    assert len(report.added_ids) == report.added and "reset-password-th" in report.added_ids
    assert report.added_ids == sorted(report.added_ids)
    return path


@pytest.mark.parametrize("lang,query,top", [
    ("th", "ลืมรหัสผ่าน", "reset-password-th"),
    ("sv", "glömt lösenord", "reset-password-sv"),
    ("tr", "iki adımlı doğrulama", "two-factor-authentication-tr"),
    ("sw", "ankra ya API", "api-keys-sw"),
    ("pt", "reembolso da fatura", "invoices-and-refunds-pt"),
])
def test_each_language_finds_its_article(corpus_db, lang, query, top):
    with kbsearch.Searcher(corpus_db) as searcher:
        hit = searcher.search(query, lang=lang).hits[0]
    assert hit.id == top
    assert hit.path == str(CORPUS / "articles" / top.rsplit("-", 1)[0] / f"{lang}.md")
    assert hit.languages == ["pt", "sv", "sw", "th", "tr"]
    assert hit.highlights and all(hit.snippet[s:e].strip() for s, e in hit.highlights)


def test_facets_exact_up_to_the_bound_estimated_past_it(corpus_db):
    # "app" is in 35 articles of corpus/, translations apart.
    with kbsearch.Searcher(corpus_db, facet_max_matches=5) as searcher:
        every = searcher.search("app", all_translations=True, facets=False, limit=100).hits
        exact = searcher.search("app", facet_max_matches=len(every))
        estimated = searcher.search("app")
    assert exact.facets_exact
    counts = {}
    for hit in every:
        counts[hit.lang] = counts.get(hit.lang, 0) + 1
    assert {f.value: f.count for f in exact.language_facets} == counts
    assert not estimated.facets_exact
    assert {f.value for f in estimated.language_facets} <= set(counts)


def test_a_file_owns_its_id(corpus_db):
    with kbsearch.Index(corpus_db) as index:
        with pytest.raises(kbsearch.InputError, match="belongs to the file .*reset-password/sv.md"):
            index.put("reset-password-sv", "# Glömt lösenordet?\n\nNy text.", lang="sv")
        with pytest.raises(kbsearch.InputError, match="belongs to the file"):
            index.remove("reset-password-sv")
    with kbsearch.Searcher(corpus_db) as searcher:
        assert searcher.get("reset-password-sv").title == "Återställ eller byt ditt lösenord"


def test_a_file_that_fails_is_reported_and_the_rest_indexed(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(CORPUS / "articles" / "reset-password" / "sw.md", articles / "sw.md")
    (articles / "broken.md").write_text("---\ntitle: [haijafungwa\n---\nMaandishi.\n")
    with kbsearch.Index(tmp_path / "db") as index:
        report = index.index([articles])
    assert (report.added, report.failed) == (1, 1)
    assert report.errors[0].path.endswith("broken.md")
    assert report.errors[0].message
    with kbsearch.Searcher(tmp_path / "db") as searcher:
        assert searcher.search("nenosiri", lang="sw").hits[0].id == "reset-password-sw"


def test_index_refuses_to_run_while_puts_are_staged(tmp_path):
    with kbsearch.Index(tmp_path / "db") as index:
        index.put("help-1-pt", "# Redefinir a senha\n\nClique em Esqueci a senha.", lang="pt")
        with pytest.raises(kbsearch.Error, match="commit"):
            index.index(CORPUS / "articles" / "api-keys")
    with kbsearch.Searcher(tmp_path / "db") as searcher:
        assert [h.id for h in searcher.search("senha", lang="pt").hits] == ["help-1-pt"]
