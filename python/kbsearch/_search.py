"""Searcher: ranked search and stored articles (kbsearch::Searcher through
kbsearch_searcher_*), and analyze() (kbsearch_analyze)."""

from __future__ import annotations

import ctypes
import os
from typing import Any, List, Optional

from . import _capi
from ._convert import (
    Handle,
    PathLike,
    from_c,
    path_to_c,
    set_fields,
    strings_from_c,
    to_c,
)
from ._errors import InvalidArgumentError, check
from ._types import (
    Completion,
    Facet,
    Hit,
    SearchResults,
    Section,
    StoredArticle,
    Suggestions,
    Token,
)

_SORTS = {"relevance": _capi.SORT_RELEVANCE, "updated": _capi.SORT_UPDATED}


def _facets(array: Any, count: ctypes.c_size_t) -> List[Facet]:
    return [Facet(from_c(array[i].value), array[i].count) for i in range(count.value)]


def _hit(h: _capi.Hit) -> Hit:
    return Hit(
        rank=h.rank,
        id=from_c(h.id),
        lang=from_c(h.lang),
        title=from_c(h.title),
        path=from_c(h.path),
        group=from_c(h.group),
        updated=from_c(h.updated),
        tags=strings_from_c(h.tags, h.tag_count),
        languages=strings_from_c(h.languages, h.language_count),
        score=h.score,
        snippet=from_c(h.snippet),
        snippet_html=from_c(h.snippet_html),
        # Code points are what Python's str indexes.
        highlights=[
            (h.highlights[i].start_code_point, h.highlights[i].end_code_point)
            for i in range(h.highlight_count)
        ],
        section_heading=from_c(h.section_heading),
        section_anchor=from_c(h.section_anchor),
    )


def _results(results: ctypes.c_void_p) -> SearchResults:
    lib = _capi.lib
    language_count, tag_count = ctypes.c_size_t(), ctypes.c_size_t()
    languages = lib.kbsearch_results_language_facets(results, language_count)
    tags = lib.kbsearch_results_tag_facets(results, tag_count)
    query_language_count, missing_count = ctypes.c_size_t(), ctypes.c_size_t()
    query_languages = lib.kbsearch_results_query_languages(results, query_language_count)
    missing = lib.kbsearch_results_missing_shards(results, missing_count)
    return SearchResults(
        total=lib.kbsearch_results_total(results),
        hits=[
            _hit(lib.kbsearch_results_hit(results, i).contents)
            for i in range(lib.kbsearch_results_hit_count(results))
        ],
        language_facets=_facets(languages, language_count),
        tag_facets=_facets(tags, tag_count),
        suggestion=from_c(lib.kbsearch_results_suggestion(results)),
        query_languages=strings_from_c(query_languages, query_language_count.value),
        phrases_as_words=bool(lib.kbsearch_results_phrases_as_words(results)),
        missing_shards=strings_from_c(missing, missing_count.value),
        facets_exact=bool(lib.kbsearch_results_facets_exact(results)),
    )


def _stored_article(a: _capi.StoredArticle) -> StoredArticle:
    return StoredArticle(
        id=from_c(a.id),
        title=from_c(a.title),
        lang=from_c(a.lang),
        updated=from_c(a.updated),
        group=from_c(a.group),
        tags=strings_from_c(a.tags, a.tag_count),
        path=from_c(a.path),
        markdown=from_c(a.markdown),
        sections=[
            Section(
                heading=from_c(s.heading),
                level=s.level,
                anchor=from_c(s.anchor),
                text=from_c(s.text),
                code=from_c(s.code),
            )
            for s in (a.sections[i] for i in range(a.section_count))
        ],
    )


class Searcher(Handle):
    """An open index, for searching: a database directory, or a Xapian stub
    file listing shards. Sees new commits on its next call.

    The keyword options are SearchOptions' (kbsearch/searcher.h); None
    keeps the library's default. Raises IndexUnusableError when the index is
    missing or unreadable, IndexVersionError when it is of another schema
    version, ShardUnavailableError when a shard does not answer.

    One thread at a time uses a searcher (calls from several threads take
    turns); to search in parallel, open one per thread: opening is cheap.
    """

    _close_function = "kbsearch_searcher_close"

    def __init__(
        self,
        path: PathLike,
        *,
        title_weight: Optional[float] = None,
        code_weight: Optional[float] = None,
        phrase_bonus: Optional[float] = None,
        proximity_bonus: Optional[float] = None,
        language_bonus: Optional[float] = None,
        recency_bonus: Optional[float] = None,
        recency_days: Optional[int] = None,
        typo_min_chars: Optional[int] = None,
        max_query_bytes: Optional[int] = None,
        max_query_words: Optional[int] = None,
        max_limit: Optional[int] = None,
        max_prefix_expansions: Optional[int] = None,
        snippet_chars: Optional[int] = None,
        mark_pre: Optional[str] = None,
        mark_post: Optional[str] = None,
        allow_missing_shards: bool = False,
        shard_timeout_ms: Optional[int] = None,
        reconnect_seconds: Optional[float] = None,
        facet_max_matches: Optional[int] = None,
    ) -> None:
        options = _capi.SearchOptions()
        check(_capi.lib.kbsearch_search_options_init(options, ctypes.sizeof(options)))
        set_fields(
            options,
            title_weight=title_weight,
            code_weight=code_weight,
            phrase_bonus=phrase_bonus,
            proximity_bonus=proximity_bonus,
            language_bonus=language_bonus,
            recency_bonus=recency_bonus,
            recency_days=recency_days,
            typo_min_chars=typo_min_chars,
            max_query_bytes=max_query_bytes,
            max_query_words=max_query_words,
            max_limit=max_limit,
            max_prefix_expansions=max_prefix_expansions,
            snippet_chars=snippet_chars,
            mark_pre=mark_pre,
            mark_post=mark_post,
            allow_missing_shards=bool(allow_missing_shards),
            shard_timeout_ms=shard_timeout_ms,
            reconnect_seconds=reconnect_seconds,
            facet_max_matches=facet_max_matches,
        )
        pointer = ctypes.c_void_p()
        check(_capi.lib.kbsearch_searcher_open(path_to_c(path, "path"), options, pointer))
        super().__init__(pointer, f"kbsearch.Searcher({os.fsdecode(path)!r})")

    def search(
        self,
        query: str,
        *,
        lang: Optional[str] = None,
        limit: int = 10,
        offset: int = 0,
        sort: str = "relevance",
        all_translations: bool = False,
        facets: bool = True,
        snippets: bool = True,
        snippet_chars: Optional[int] = None,
        mark_pre: Optional[str] = None,
        mark_post: Optional[str] = None,
        recency_bonus: Optional[float] = None,
        recency_days: Optional[int] = None,
        facet_max_matches: Optional[int] = None,
    ) -> SearchResults:
        """Searches with the query language of README.md.

        `lang` is the user's language (None: every language the query could
        be written in); `sort` is "relevance" or "updated". The last six
        arguments replace the searcher's options of the same name for this
        search (None: the searcher's). Raises QueryError for a query that
        does not parse, is over the limits or names an unknown language.
        """
        if sort not in _SORTS:
            raise InvalidArgumentError(f"sort must be one of {', '.join(_SORTS)}, not {sort!r}")
        request = _capi.Request()
        check(_capi.lib.kbsearch_request_init(request, ctypes.sizeof(request)))
        set_fields(
            request,
            query=query,
            lang=lang,
            limit=limit,
            offset=offset,
            sort=_SORTS[sort],
            all_translations=bool(all_translations),
            facets=bool(facets),
            snippets=bool(snippets),
            snippet_chars=snippet_chars,
            mark_pre=mark_pre,
            mark_post=mark_post,
            recency_bonus=recency_bonus,
            recency_days=recency_days,
            facet_max_matches=facet_max_matches,
        )
        results = ctypes.c_void_p()
        with self._lock:
            check(_capi.lib.kbsearch_searcher_search(self._use(), request, results))
        try:
            return _results(results)
        finally:
            _capi.lib.kbsearch_results_free(results)

    def suggest(
        self,
        query: str,
        *,
        lang: Optional[str] = None,
        completions: int = 5,
        limit: int = 5,
        snippets: bool = True,
    ) -> Suggestions:
        """Search as you type: completes the last word of `query` (unless it
        ends in a space) from the index's words, the most frequent first, and
        searches for the first completion (`limit` hits, no facets). Raises
        QueryError as search() does, and for more than 10 completions.
        """
        request = _capi.SuggestRequest()
        check(_capi.lib.kbsearch_suggest_request_init(request, ctypes.sizeof(request)))
        set_fields(
            request, query=query, lang=lang, completions=completions, limit=limit, snippets=bool(snippets)
        )
        results = ctypes.c_void_p()
        with self._lock:
            check(_capi.lib.kbsearch_suggest(self._use(), request, results))
        try:
            count = ctypes.c_size_t()
            array = _capi.lib.kbsearch_results_completions(results, count)
            return Suggestions(
                completions=[
                    Completion(from_c(array[i].query), from_c(array[i].word), array[i].frequency)
                    for i in range(count.value)
                ],
                results=_results(results),
            )
        finally:
            _capi.lib.kbsearch_results_free(results)

    def get(self, id: str) -> Optional[StoredArticle]:
        """The stored article `id`, or None when the index has none."""
        article = ctypes.POINTER(_capi.StoredArticle)()
        with self._lock:
            status = _capi.lib.kbsearch_searcher_get(self._use(), to_c(id, "id"), article)
        if status == _capi.NOT_FOUND:
            return None
        check(status)
        try:
            return _stored_article(article.contents)
        finally:
            _capi.lib.kbsearch_stored_article_free(article)

    def languages(self) -> List[str]:
        """The languages present in the index, sorted."""
        languages = _capi.c_string_array()
        count = ctypes.c_size_t()
        with self._lock:
            check(_capi.lib.kbsearch_searcher_languages(self._use(), languages, count))
            # The list belongs to the searcher until its next call: copy it
            # while the lock keeps other calls out.
            return strings_from_c(languages, count.value)

    def __enter__(self) -> "Searcher":
        return self

    def __exit__(self, exc_type: Any, exc: Any, traceback: Any) -> None:
        self.close()


def _str_indices(text: str) -> List[int]:
    """index[b] = the str index of the character starting at UTF-8 byte b
    of `text`, and index[len(bytes)] = len(text)."""
    index = [0] * (len(text.encode("utf-8")) + 1)
    byte = 0
    for i, character in enumerate(text):
        index[byte] = i
        byte += len(character.encode("utf-8"))
    index[byte] = len(text)
    return index


def analyze(lang: str, text: str) -> List[Token]:
    """The tokens kbsearch indexes for `text` in language `lang` (an ISO
    639-1 code: th, sv, tr, sw and pt are tuned, others get the generic
    recipe), as `kbsearch analyze` shows them, with `start` and `end` as
    indices of `text`. Raises LanguageError for a malformed code."""
    tokens = ctypes.c_void_p()
    check(_capi.lib.kbsearch_analyze(to_c(lang, "lang"), to_c(text, "text"), tokens))
    try:
        lib = _capi.lib
        str_index = _str_indices(text)
        result = []
        for i in range(lib.kbsearch_tokens_count(tokens)):
            t = lib.kbsearch_tokens_get(tokens, i).contents
            result.append(
                Token(
                    text=from_c(t.text),
                    term=from_c(t.term),
                    stem=from_c(t.stem),
                    folded=from_c(t.folded),
                    folded_stem=from_c(t.folded_stem),
                    # The library's offsets are UTF-8 bytes of the text.
                    start=str_index[t.start],
                    end=str_index[t.end],
                    position=t.position,
                    part=bool(t.part),
                    stop=bool(t.stop),
                )
            )
        return result
    finally:
        _capi.lib.kbsearch_tokens_free(tokens)
