"""Every door into kbsearch gives the same answers (issue 19).

The same 20 articles of corpus/ (4 topics in the 5 languages) go into four
indexes, one per way in: files (`kbsearch index`), the C++ documents API
(put_articles_cpp), the C API (put_articles_c) and Python
(kbsearch.Index.put). Each index is then asked the same queries through
four ways out: the CLI (`kbsearch search --queries --json`), C++
(query_cpp), C (query_c) and Python (kbsearch.Searcher). All sixteen must
give the same ranked ids and the same highlights, compared in UTF-8 bytes.

ctest passes the programs in the environment: KBSEARCH_CLI,
PUT_ARTICLES_CPP, PUT_ARTICLES_C, QUERY_CPP, QUERY_C.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

try:
    import kbsearch
except ImportError as e:  # skipped only when the library is nowhere, as python/tests
    if e.name != "libkbsearch.so.0":
        raise
    pytest.skip(str(e), allow_module_level=True)

SOURCE_DIR = Path(__file__).resolve().parents[2]

TOPICS = ["reset-password", "api-keys", "two-factor-authentication", "invoices-and-refunds"]
LANGUAGES = ["th", "sv", "tr", "sw", "pt"]

# lang<TAB>query, as `kbsearch search --queries` reads them; an empty lang
# is every language. With the top hit each must give, so that agreeing on
# nothing cannot pass.
QUERIES = [
    ("sv", "glömt lösenord", "reset-password-sv"),
    ("th", "ลืมรหัสผ่าน", "reset-password-th"),
    ("tr", "iki adımlı doğrulama", "two-factor-authentication-tr"),
    ("sw", "ufunguo wa API", "api-keys-sw"),
    ("pt", "reembolso da fatura", "invoices-and-refunds-pt"),
    ("pt", "senha -sso", "two-factor-authentication-pt"),  # reset-password-pt names SSO
    ("sv", "faktur*", "invoices-and-refunds-sv"),
    ("tr", '"iki adımlı"', "two-factor-authentication-tr"),
    ("", "nenosiri", "reset-password-sw"),
    ("", "รหัสผ่าน", "reset-password-th"),
]


def run(*command):
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, f"{command}: exit {done.returncode}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    work = tmp_path_factory.mktemp("doors")
    articles = work / "articles"
    articles.mkdir()
    for topic in TOPICS:
        for lang in LANGUAGES:
            # Named by the front matter's id, which the put doors pass as
            # the id.
            shutil.copy(SOURCE_DIR / "corpus" / "articles" / topic / f"{lang}.md",
                        articles / f"{topic}-{lang}.md")
    (work / "queries.tsv").write_text("".join(f"{lang}\t{query}\n" for lang, query, _ in QUERIES),
                                      encoding="utf-8")
    return work


def put_with_python(db, articles):
    with kbsearch.Index(db) as index:
        for file in sorted(articles.glob("*.md")):
            index.put(file.stem, file.read_text(encoding="utf-8"))


def query_with_python(db, queries):
    answers = []
    with kbsearch.Searcher(db) as searcher:
        for lang, query, _ in queries:
            hits = searcher.search(query, lang=lang or None).hits
            answers.append({
                "ids": [hit.id for hit in hits],
                # Python's str indices, back in bytes.
                "highlights": [[[len(hit.snippet[:s].encode()), len(hit.snippet[:e].encode())]
                                for s, e in hit.highlights] for hit in hits],
            })
    return answers


def json_lines(text):
    return [json.loads(line) for line in text.splitlines()]


def query_with_cli(db, queries_file):
    answers = json_lines(run(os.environ["KBSEARCH_CLI"], "search", "--db", str(db),
                             "--queries", str(queries_file), "--json"))
    return [{"ids": [hit["id"] for hit in answer["hits"]],
             "highlights": [hit["highlights"] for hit in answer["hits"]]} for answer in answers]


def test_four_ways_in_and_four_ways_out_agree(work):
    articles, queries_file = work / "articles", work / "queries.tsv"
    databases = {
        "files": work / "files-db",
        "C++ put": work / "cpp-db",
        "C put": work / "c-db",
        "Python put": work / "python-db",
    }
    run(os.environ["KBSEARCH_CLI"], "index", "--db", str(databases["files"]), str(articles))
    run(os.environ["PUT_ARTICLES_CPP"], str(databases["C++ put"]), str(articles))
    run(os.environ["PUT_ARTICLES_C"], str(databases["C put"]), str(articles))
    put_with_python(databases["Python put"], articles)

    answers = {}
    for way_in, db in databases.items():
        answers[(way_in, "CLI")] = query_with_cli(db, queries_file)
        answers[(way_in, "C++")] = json_lines(run(os.environ["QUERY_CPP"], str(db),
                                                  str(queries_file)))
        answers[(way_in, "C")] = json_lines(run(os.environ["QUERY_C"], str(db),
                                                str(queries_file)))
        answers[(way_in, "Python")] = query_with_python(db, QUERIES)

    reference = answers[("files", "CLI")]
    assert len(reference) == len(QUERIES)
    for (lang, query, top), answer in zip(QUERIES, reference):
        assert answer["ids"][0] == top, (lang, query, answer["ids"])
        assert answer["highlights"][0], (lang, query, "no highlight in the top hit")
    for doors, got in answers.items():
        for (lang, query, _), expected, answer in zip(QUERIES, reference, got):
            assert answer == expected, (doors, lang, query)
