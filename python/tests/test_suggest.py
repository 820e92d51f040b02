"""Searcher.suggest(): search as you type over the articles of corpus/, the
last word completed in each language, Thai typed without spaces."""

import pytest

import kbsearch
from conftest import SOURCE_DIR


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "db"
    with kbsearch.Index(path, threads=2) as index:
        assert index.index(SOURCE_DIR / "corpus").failed == 0
    return path


@pytest.mark.parametrize("lang,typed,completed,top", [
    ("th", "ลืมรหัสผ", "ลืมรหัสผ่าน", "reset-password-th"),
    ("sv", "glömt lösen", "glömt lösenord", "reset-password-sv"),
    ("tr", "şifremi unutt", "şifremi unuttum", "reset-password-tr"),
    ("sw", "nimesahau nenos", "nimesahau nenosiri", "reset-password-sw"),
    ("pt", "esqueci a sen", "esqueci a senha", "reset-password-pt"),
])
def test_the_last_word_is_completed_and_searched(corpus_db, lang, typed, completed, top):
    with kbsearch.Searcher(corpus_db) as searcher:
        s = searcher.suggest(typed, lang=lang)
    assert s.completions[0].query == completed
    assert completed.endswith(s.completions[0].word)
    assert all(a.frequency >= b.frequency for a, b in zip(s.completions, s.completions[1:]))
    assert 0 < len(s.results.hits) <= 5
    assert top in [h.id for h in s.results.hits]
    assert s.results.language_facets == []  # no facets: what a keystroke can afford


def test_a_finished_word_is_searched_as_typed(corpus_db):
    with kbsearch.Searcher(corpus_db) as searcher:
        s = searcher.suggest("senha ", lang="pt", limit=3, snippets=False)
    assert s.completions == []
    assert 0 < len(s.results.hits) <= 3 and s.results.hits[0].snippet == ""


def test_too_many_completions_or_a_malformed_query_raise(corpus_db):
    with kbsearch.Searcher(corpus_db) as searcher:
        with pytest.raises(kbsearch.QueryError):
            searcher.suggest("senha", completions=11)
        with pytest.raises(kbsearch.QueryError):
            searcher.suggest("(sen")
