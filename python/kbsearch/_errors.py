"""The exceptions: one class per status of the C API, rooted at Error.

The classes follow the C++ library's (kbsearch/error.h), so a Python caller
decides what to do next the same way: fix the article, fix the query, wait
for the lock, rebuild the index. Where Python has a convention for the same
mistake, the class is also that built-in exception, so `except ValueError`
and `except MemoryError` catch them too.
"""

from __future__ import annotations

from . import _capi


class Error(Exception):
    """Any failure of the kbsearch library; str(error) is its message.

    `status` is the C API's name for the kind of failure
    ("KBSEARCH_QUERY_ERROR"), for logs.
    """

    def __init__(self, message: str, status: str = "KBSEARCH_ERROR") -> None:
        super().__init__(message)
        self.status = status


class InvalidArgumentError(Error, ValueError):
    """The caller's mistake: an argument out of its range (a negative
    limit, an unknown sort), a string holding NUL, which a C string cannot
    carry, an object already closed. The message names the argument."""

    def __init__(self, message: str, status: str = "KBSEARCH_INVALID_ARGUMENT") -> None:
        super().__init__(message, status)


class OutOfMemoryError(Error, MemoryError):
    """The library ran out of memory."""


class InputError(Error):
    """An article that cannot be indexed: an invalid id, broken front
    matter, an id owned by a file. The message names the article; nothing
    of that put was staged."""


class QueryError(Error):
    """A query the searcher cannot answer as written: unbalanced
    parentheses, over the limits, an unknown language. The message quotes
    the query and says where."""


class LanguageError(Error):
    """A malformed language code given to analyze()."""


class IndexLockedError(Error):
    """Another indexer, in this process or another, holds the index's write
    lock; the message names its process."""


class IndexUnusableError(Error):
    """The index is missing, unreadable or corrupt; the message says what
    fixes it."""


class IndexVersionError(IndexUnusableError):
    """The index was written with another schema version: reopen it with
    Index(..., rebuild=True)."""


class ShardUnavailableError(IndexUnusableError):
    """A shard of a sharded index does not answer, nor any of its replicas."""


_CLASSES = {
    _capi.ERROR: Error,
    _capi.INVALID_ARGUMENT: InvalidArgumentError,
    _capi.OUT_OF_MEMORY: OutOfMemoryError,
    _capi.INPUT_ERROR: InputError,
    _capi.QUERY_ERROR: QueryError,
    _capi.LANGUAGE_ERROR: LanguageError,
    _capi.INDEX_LOCKED: IndexLockedError,
    _capi.INDEX_UNUSABLE: IndexUnusableError,
    _capi.INDEX_VERSION: IndexVersionError,
    _capi.SHARD_UNAVAILABLE: ShardUnavailableError,
}


def check(status: int) -> None:
    """Raises the exception for a status other than OK, with the message of
    the call that just failed (kept per thread by the library, so it is
    read on the calling thread before any other kbsearch call)."""
    if status == _capi.OK:
        return
    message = _capi.lib.kbsearch_errmsg().decode("utf-8", "replace")
    name = _capi.lib.kbsearch_status_name(status).decode("ascii")
    # A status newer than this package is an Error, as the header asks.
    raise _CLASSES.get(status, Error)(message, name)
