"""kbsearch for Python: search multilingual support articles.

A thin layer, through ctypes, over the C API of the kbsearch library
(libkbsearch.so.0): the same indexer, searcher and analyzer, with their
options, results and errors as Python objects. README.md, "Use from
Python", has an example; the C++ headers say what every option does.
"""

from ._capi import lib as _lib
from ._errors import (
    Error,
    IndexLockedError,
    IndexUnusableError,
    IndexVersionError,
    InputError,
    InvalidArgumentError,
    LanguageError,
    OutOfMemoryError,
    QueryError,
    ShardUnavailableError,
)
from ._index import Index, rollback
from ._search import Searcher, analyze
from ._types import (
    Completion,
    Facet,
    FileError,
    Hit,
    IndexReport,
    SearchResults,
    Section,
    StoredArticle,
    Suggestions,
    Token,
)

# The library's version: the package is the library's, not versioned apart.
__version__: str = _lib.kbsearch_version().decode("ascii")

__all__ = [
    "Completion",
    "Error",
    "Facet",
    "FileError",
    "Hit",
    "Index",
    "IndexLockedError",
    "IndexReport",
    "IndexUnusableError",
    "IndexVersionError",
    "InputError",
    "InvalidArgumentError",
    "LanguageError",
    "OutOfMemoryError",
    "QueryError",
    "SearchResults",
    "Searcher",
    "Section",
    "ShardUnavailableError",
    "StoredArticle",
    "Suggestions",
    "Token",
    "analyze",
    "rollback",
]
