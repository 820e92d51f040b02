"""The C API of kbsearch (include/kbsearch/kbsearch_c.h) through ctypes.

The structs below mirror the header field for field, in its order; the
header says what each field means. Every function used is declared with its
argument and result types, so ctypes checks and converts each call instead
of guessing int.

ctypes.CDLL (not PyDLL) releases the GIL around every foreign call: other
Python threads run while the library searches or indexes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from ctypes import (
    POINTER,
    Structure,
    c_char_p,
    c_double,
    c_int,
    c_size_t,
    c_uint,
    c_uint64,
    c_void_p,
)
from pathlib import Path

# The SONAME: the library of the ABI this module declares.
LIBRARY_NAME = "libkbsearch.so.0"


def _candidates() -> list[str]:
    """Where to look for the library, in order; see README "Use from Python"."""
    explicit = os.environ.get("KBSEARCH_LIBRARY")
    if explicit:
        # Named on purpose: only that file, so a test or a deployment never
        # picks up another copy by accident.
        return [explicit]
    found = []
    try:
        # Written by `cmake --install`: the installed library's directory,
        # relative to this package, so an installed tree can be moved.
        from ._install_location import LIBRARY_DIR
    except ImportError:
        pass
    else:
        found.append(os.path.normpath(Path(__file__).parent / LIBRARY_DIR / LIBRARY_NAME))
    system = ctypes.util.find_library("kbsearch")
    if system:
        found.append(system)
    return found


def _load() -> ctypes.CDLL:
    candidates = _candidates()
    if not candidates:
        # `name` marks this case, the only one a test may skip on: the
        # library is not there, as opposed to being there and broken.
        raise ImportError(
            f"kbsearch: cannot find {LIBRARY_NAME}: set KBSEARCH_LIBRARY to its path, "
            "install kbsearch (cmake --install) or put it where the dynamic linker looks",
            name=LIBRARY_NAME,
        )
    errors = []
    for candidate in candidates:
        try:
            return ctypes.CDLL(candidate)
        except OSError as e:
            errors.append(f"{candidate}: {e}")
    raise ImportError(f"kbsearch: cannot load {LIBRARY_NAME}: " + "; ".join(errors))


lib = _load()

# --- status and messages ------------------------------------------------------

OK = 0
ERROR = 1
INVALID_ARGUMENT = 2
OUT_OF_MEMORY = 3
INPUT_ERROR = 4
QUERY_ERROR = 5
LANGUAGE_ERROR = 6
NOT_FOUND = 7
INDEX_LOCKED = 8
INDEX_UNUSABLE = 9
INDEX_VERSION = 10
SHARD_UNAVAILABLE = 11

SORT_RELEVANCE = 0
SORT_UPDATED = 1

# --- structs ------------------------------------------------------------------

c_string_array = POINTER(c_char_p)


class IndexOptions(Structure):
    _fields_ = [
        ("size", c_size_t),
        ("max_file_bytes", c_uint64),
        ("rebuild", c_int),
        ("dry_run", c_int),
        ("follow_links", c_int),
        ("max_depth", c_uint),
        ("threads", c_uint),
        ("wait_seconds", c_double),
        ("commit_every", c_size_t),
        ("flush_every", c_size_t),
        ("shards", c_uint),
        ("shard", c_uint),
    ]


class FileError(Structure):
    _fields_ = [("path", c_char_p), ("message", c_char_p)]


class Report(Structure):
    _fields_ = [
        ("added", c_size_t),
        ("updated", c_size_t),
        ("deleted", c_size_t),
        ("unchanged", c_size_t),
        ("failed", c_size_t),
        ("elsewhere", c_size_t),
        ("errors", POINTER(FileError)),
        ("error_count", c_size_t),
        ("dry_run", c_int),
        ("generation", c_int),
        ("seconds", c_double),
        ("read_seconds", c_double),
        ("analyze_seconds", c_double),
        ("write_seconds", c_double),
        ("reanalysed", c_size_t),
        ("added_ids", POINTER(c_char_p)),
        ("added_id_count", c_size_t),
        ("updated_ids", POINTER(c_char_p)),
        ("updated_id_count", c_size_t),
        ("deleted_ids", POINTER(c_char_p)),
        ("deleted_id_count", c_size_t),
        ("warnings", POINTER(FileError)),
        ("warning_count", c_size_t),
    ]


class Article(Structure):
    _fields_ = [
        ("size", c_size_t),
        ("id", c_char_p),
        ("markdown", c_char_p),
        ("title", c_char_p),
        ("lang", c_char_p),
        ("updated", c_char_p),
        ("group", c_char_p),
        ("tags", c_string_array),
        ("tag_count", c_size_t),
    ]


class SearchOptions(Structure):
    _fields_ = [
        ("size", c_size_t),
        ("title_weight", c_double),
        ("code_weight", c_double),
        ("phrase_bonus", c_double),
        ("proximity_bonus", c_double),
        ("language_bonus", c_double),
        ("recency_bonus", c_double),
        ("recency_days", c_int),
        ("typo_min_chars", c_size_t),
        ("max_query_bytes", c_size_t),
        ("max_query_words", c_size_t),
        ("max_limit", c_size_t),
        ("max_prefix_expansions", c_size_t),
        ("snippet_chars", c_size_t),
        ("mark_pre", c_char_p),
        ("mark_post", c_char_p),
        ("allow_missing_shards", c_int),
        ("shard_timeout_ms", c_uint),
        ("reconnect_seconds", c_double),
        ("facet_max_matches", c_size_t),
    ]


class Request(Structure):
    _fields_ = [
        ("size", c_size_t),
        ("query", c_char_p),
        ("lang", c_char_p),
        ("offset", c_size_t),
        ("limit", c_size_t),
        ("sort", c_int),
        ("all_translations", c_int),
        ("facets", c_int),
        ("snippets", c_int),
        ("recency_bonus", c_double),
        ("recency_days", c_int),
        ("snippet_chars", c_size_t),
        ("mark_pre", c_char_p),
        ("mark_post", c_char_p),
        ("facet_max_matches", c_size_t),
    ]


class SuggestRequest(Structure):
    _fields_ = [
        ("size", c_size_t),
        ("query", c_char_p),
        ("lang", c_char_p),
        ("completions", c_size_t),
        ("limit", c_size_t),
        ("snippets", c_int),
    ]


class Completion(Structure):
    _fields_ = [("query", c_char_p), ("word", c_char_p), ("frequency", c_size_t)]


class Highlight(Structure):
    _fields_ = [
        ("start", c_size_t),
        ("end", c_size_t),
        ("start_utf16", c_size_t),
        ("end_utf16", c_size_t),
        ("start_code_point", c_size_t),
        ("end_code_point", c_size_t),
    ]


class Hit(Structure):
    _fields_ = [
        ("rank", c_size_t),
        ("id", c_char_p),
        ("lang", c_char_p),
        ("title", c_char_p),
        ("path", c_char_p),
        ("group", c_char_p),
        ("updated", c_char_p),
        ("score", c_double),
        ("snippet", c_char_p),
        ("highlights", POINTER(Highlight)),
        ("highlight_count", c_size_t),
        ("snippet_html", c_char_p),
        ("tags", c_string_array),
        ("tag_count", c_size_t),
        ("languages", c_string_array),
        ("language_count", c_size_t),
        ("section_heading", c_char_p),
        ("section_anchor", c_char_p),
    ]


class Facet(Structure):
    _fields_ = [("value", c_char_p), ("count", c_size_t)]


class Section(Structure):
    _fields_ = [
        ("heading", c_char_p),
        ("level", c_int),
        ("anchor", c_char_p),
        ("text", c_char_p),
        ("code", c_char_p),
    ]


class StoredArticle(Structure):
    _fields_ = [
        ("id", c_char_p),
        ("title", c_char_p),
        ("lang", c_char_p),
        ("updated", c_char_p),
        ("group", c_char_p),
        ("tags", c_string_array),
        ("tag_count", c_size_t),
        ("path", c_char_p),
        ("markdown", c_char_p),
        ("sections", POINTER(Section)),
        ("section_count", c_size_t),
    ]


class Token(Structure):
    _fields_ = [
        ("text", c_char_p),
        ("term", c_char_p),
        ("stem", c_char_p),
        ("folded", c_char_p),
        ("folded_stem", c_char_p),
        ("start", c_size_t),
        ("end", c_size_t),
        ("position", c_uint),
        ("part", c_int),
        ("stop", c_int),
    ]


# --- functions ----------------------------------------------------------------

# The opaque handles: kbsearch_indexer, _searcher, _results, _tokens. A
# report and a stored article are read through their structs.
handle = c_void_p
status = c_int


def _declare(name: str, restype, *argtypes) -> None:
    function = getattr(lib, name)
    function.restype = restype
    function.argtypes = argtypes


_declare("kbsearch_status_name", c_char_p, c_int)
_declare("kbsearch_errmsg", c_char_p)
_declare("kbsearch_version", c_char_p)

_declare("kbsearch_index_options_init", status, POINTER(IndexOptions), c_size_t)
_declare("kbsearch_indexer_open", status, c_char_p, POINTER(IndexOptions), POINTER(handle))
_declare("kbsearch_indexer_close", None, handle)
_declare("kbsearch_report_free", None, POINTER(Report))
_declare(
    "kbsearch_indexer_index", status, handle, c_string_array, c_size_t, POINTER(POINTER(Report))
)
_declare("kbsearch_article_init", status, POINTER(Article), c_size_t)
_declare("kbsearch_indexer_put", status, handle, POINTER(Article))
_declare("kbsearch_indexer_remove", status, handle, c_char_p, POINTER(c_int))
_declare("kbsearch_indexer_commit", status, handle, POINTER(POINTER(Report)))
_declare("kbsearch_indexer_discard", status, handle)
_declare("kbsearch_rollback", status, c_char_p, c_double, POINTER(c_int))

_declare("kbsearch_search_options_init", status, POINTER(SearchOptions), c_size_t)
_declare("kbsearch_searcher_open", status, c_char_p, POINTER(SearchOptions), POINTER(handle))
_declare("kbsearch_searcher_close", None, handle)
_declare("kbsearch_request_init", status, POINTER(Request), c_size_t)
_declare("kbsearch_searcher_search", status, handle, POINTER(Request), POINTER(handle))
_declare("kbsearch_results_total", c_size_t, handle)
_declare("kbsearch_results_facets_exact", c_int, handle)
_declare("kbsearch_results_hit_count", c_size_t, handle)
_declare("kbsearch_results_hit", POINTER(Hit), handle, c_size_t)
_declare("kbsearch_results_language_facets", POINTER(Facet), handle, POINTER(c_size_t))
_declare("kbsearch_results_tag_facets", POINTER(Facet), handle, POINTER(c_size_t))
_declare("kbsearch_results_suggestion", c_char_p, handle)
_declare("kbsearch_results_query_languages", c_string_array, handle, POINTER(c_size_t))
_declare("kbsearch_results_phrases_as_words", c_int, handle)
_declare("kbsearch_results_missing_shards", c_string_array, handle, POINTER(c_size_t))
_declare("kbsearch_results_free", None, handle)
_declare("kbsearch_suggest_request_init", status, POINTER(SuggestRequest), c_size_t)
_declare("kbsearch_suggest", status, handle, POINTER(SuggestRequest), POINTER(handle))
_declare("kbsearch_results_completions", POINTER(Completion), handle, POINTER(c_size_t))
_declare(
    "kbsearch_searcher_get", status, handle, c_char_p, POINTER(POINTER(StoredArticle))
)
_declare("kbsearch_stored_article_free", None, POINTER(StoredArticle))
_declare(
    "kbsearch_searcher_languages", status, handle, POINTER(c_string_array), POINTER(c_size_t)
)

_declare("kbsearch_analyze", status, c_char_p, c_char_p, POINTER(handle))
_declare("kbsearch_tokens_count", c_size_t, handle)
_declare("kbsearch_tokens_get", POINTER(Token), handle, c_size_t)
_declare("kbsearch_tokens_free", None, handle)
