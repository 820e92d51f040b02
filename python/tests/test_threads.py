"""The GIL is released while the library works: Python threads run during
a search, and searchers on two threads search at the same time."""

import sys
import threading
import time

import kbsearch
from conftest import SOURCE_DIR

QUERIES = [
    ("sv", "glömt lösenord", "reset-password-sv"),
    ("th", "ลืมรหัสผ่าน", "reset-password-th"),
    ("tr", "iki adımlı doğrulama", "two-factor-authentication-tr"),
    ("pt", "reembolso da fatura", "invoices-and-refunds-pt"),
]


def test_python_runs_during_searches_on_two_threads(tmp_path):
    db = tmp_path / "db"
    with kbsearch.Index(db) as index:
        index.index(SOURCE_DIR / "corpus")

    counter = 0
    stop = threading.Event()

    def count():
        nonlocal counter
        while not stop.is_set():
            counter += 1
            time.sleep(0)  # hands the GIL over, so no thread waits on this one

    # (searches run, searches during which the counter moved, wrong answers)
    tallies = [[0, 0, []] for _ in range(2)]

    def search(tally):
        with kbsearch.Searcher(db) as searcher:
            for _ in range(50):
                for lang, query, top in QUERIES:
                    before = counter
                    hit = searcher.search(query, lang=lang).hits[0]
                    tally[0] += 1
                    tally[1] += counter != before
                    if hit.id != top:
                        tally[2].append((query, hit.id))

    # Python switches threads only when one gives the GIL up: no thread is
    # made to give it up mid-line, so the counter can only move between
    # `before` and the search's return if the search released it.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        counter_thread = threading.Thread(target=count)
        counter_thread.start()
        searchers = [threading.Thread(target=search, args=(t,)) for t in tallies]
        for thread in searchers:
            thread.start()
        for thread in searchers:
            thread.join()
    finally:
        stop.set()
        counter_thread.join()
        sys.setswitchinterval(interval)

    for runs, moved, wrong in tallies:
        assert runs == 200 and wrong == []
        assert moved > 0


def test_threads_sharing_one_searcher_take_turns(tmp_path):
    db = tmp_path / "db"
    with kbsearch.Index(db) as index:
        index.put("help-1-sw", "# Badilisha nenosiri\n\nBofya Umesahau nenosiri?", lang="sw")
    searcher = kbsearch.Searcher(db)
    found = []

    def search():
        for _ in range(100):
            found.append(searcher.search("nenosiri", lang="sw").hits[0].id)

    threads = [threading.Thread(target=search) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    searcher.close()
    assert found == ["help-1-sw"] * 400
