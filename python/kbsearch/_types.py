"""What the library returns, as plain Python objects: each is copied out of
the C API's structs before they are freed, so it lives as long as Python
keeps it and any thread may read it. The C++ headers (kbsearch/indexer.h,
searcher.h, analyzer.h) say what each field means."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Tuple


@dataclass(frozen=True)
class FileError:
    """A file that was not indexed, and why."""

    path: str
    message: str


@dataclass(frozen=True)
class IndexReport:
    """What Index.index() or Index.commit() did."""

    added: int
    updated: int
    deleted: int
    unchanged: int
    reanalysed: int
    failed: int
    elsewhere: int
    errors: List[FileError]
    added_ids: List[str]
    updated_ids: List[str]
    deleted_ids: List[str]
    warnings: List[FileError]
    dry_run: bool
    generation: int
    seconds: float
    read_seconds: float
    analyze_seconds: float
    write_seconds: float


@dataclass(frozen=True)
class Hit:
    """One ranked article.

    `highlights` are the query's words in `snippet` as (start, end) indices
    of Python's str, so `snippet[start:end]` is the word, in every script
    and past emoji; `snippet_html` is the snippet escaped for HTML with each
    highlight between the marks.
    """

    rank: int
    id: str
    lang: str
    title: str
    path: str
    group: str
    updated: str
    tags: List[str]
    languages: List[str]
    score: float
    snippet: str
    snippet_html: str
    highlights: List[Tuple[int, int]]
    section_heading: str
    section_anchor: str


@dataclass(frozen=True)
class Facet:
    value: str
    count: int


@dataclass(frozen=True)
class SearchResults:
    """A page of ranked hits with the facts about the whole search."""

    total: int  # exact when facets_exact, else an estimate
    hits: List[Hit]
    language_facets: List[Facet]
    tag_facets: List[Facet]
    suggestion: str
    query_languages: List[str]
    phrases_as_words: bool
    missing_shards: List[str]
    # Facets were counted over every match (no more than facet_max_matches
    # matched): they and the total are exact; False: estimates.
    facets_exact: bool


@dataclass(frozen=True)
class Completion:
    """A completion of the typed query's last word: the completed query,
    the word as articles write it (case-folded), and how many articles have
    it."""

    query: str
    word: str
    frequency: int


@dataclass(frozen=True)
class Suggestions:
    """Search as you type: completions, best first, and the top articles of
    the first one's query (of the typed query when there is none)."""

    completions: List[Completion]
    results: SearchResults


@dataclass(frozen=True)
class Section:
    heading: str
    level: int
    anchor: str
    text: str
    code: str


@dataclass(frozen=True)
class StoredArticle:
    """An article as the index stores it: `markdown` is a put article's
    text as given ("" for a file's), `path` a file's name ("" for a put
    article)."""

    id: str
    title: str
    lang: str
    updated: str
    group: str
    tags: List[str]
    path: str
    markdown: str
    sections: List[Section]


@dataclass(frozen=True)
class Token:
    """A word of an analysed text. `start` and `end` are indices of the
    analysed str: `text[start:end]` is the token's `text`."""

    text: str
    term: str
    stem: str
    folded: str
    folded_stem: str
    start: int
    end: int
    position: int
    part: bool
    stop: bool
