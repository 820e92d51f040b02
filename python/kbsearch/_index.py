"""Index: writing an index, from files and from the application's articles
(kbsearch::Indexer through kbsearch_indexer_*)."""

from __future__ import annotations

import ctypes
import os
from typing import Any, Iterable, List, Mapping, Optional, Sequence, Union

from . import _capi
from ._convert import (
    Handle,
    PathLike,
    from_c,
    path_to_c,
    set_fields,
    string_array,
    to_c,
)
from ._errors import check
from ._types import FileError, IndexReport


def _file_errors(errors, count: int) -> List[FileError]:
    return [FileError(from_c(errors[i].path), from_c(errors[i].message)) for i in range(count)]


def _report(pointer: "ctypes._Pointer[_capi.Report]") -> IndexReport:
    """Copies a report out and frees it."""
    try:
        r = pointer.contents
        return IndexReport(
            added=r.added,
            updated=r.updated,
            deleted=r.deleted,
            unchanged=r.unchanged,
            reanalysed=r.reanalysed,
            failed=r.failed,
            elsewhere=r.elsewhere,
            errors=_file_errors(r.errors, r.error_count),
            added_ids=[from_c(r.added_ids[i]) for i in range(r.added_id_count)],
            updated_ids=[from_c(r.updated_ids[i]) for i in range(r.updated_id_count)],
            deleted_ids=[from_c(r.deleted_ids[i]) for i in range(r.deleted_id_count)],
            warnings=_file_errors(r.warnings, r.warning_count),
            dry_run=bool(r.dry_run),
            generation=r.generation,
            seconds=r.seconds,
            read_seconds=r.read_seconds,
            analyze_seconds=r.analyze_seconds,
            write_seconds=r.write_seconds,
        )
    finally:
        _capi.lib.kbsearch_report_free(pointer)


class Index(Handle):
    """An index open for writing; holds its write lock until closed.

    put() and remove() stage changes; commit() writes them in one atomic
    commit (searchers see all or none), discard() or close() drops them.
    As a context manager it commits when the block ends normally and
    discards when it raises, then closes:

        with kbsearch.Index("/var/lib/kb") as index:
            index.put("help-1042-sv", "# Glömt lösenordet?\\n\\n...", lang="sv")

    The keyword options are IndexOptions' (kbsearch/indexer.h); None keeps
    the library's default. Raises IndexLockedError when another indexer
    holds the index after `wait_seconds`, IndexUnusableError (or
    IndexVersionError) when the directory is not a usable index of this
    version and `rebuild` is not set.
    """

    _close_function = "kbsearch_indexer_close"

    def __init__(
        self,
        db_dir: PathLike,
        *,
        rebuild: bool = False,
        dry_run: bool = False,
        threads: int = 0,
        wait_seconds: float = 0,
        max_file_bytes: Optional[int] = None,
        follow_links: bool = False,
        max_depth: Optional[int] = None,
        commit_every: Optional[int] = None,
        flush_every: Optional[int] = None,
        shards: Optional[int] = None,
        shard: Optional[int] = None,
    ) -> None:
        options = _capi.IndexOptions()
        check(_capi.lib.kbsearch_index_options_init(options, ctypes.sizeof(options)))
        set_fields(
            options,
            rebuild=bool(rebuild),
            dry_run=bool(dry_run),
            threads=threads,
            wait_seconds=wait_seconds,
            max_file_bytes=max_file_bytes,
            follow_links=bool(follow_links),
            max_depth=max_depth,
            commit_every=commit_every,
            flush_every=flush_every,
            shards=shards,
            shard=shard,
        )
        pointer = ctypes.c_void_p()
        check(
            _capi.lib.kbsearch_indexer_open(path_to_c(db_dir, "db_dir"), options, pointer)
        )
        super().__init__(pointer, f"kbsearch.Index({os.fsdecode(db_dir)!r})")

    def put(
        self,
        id: str,
        markdown: str,
        *,
        title: Optional[str] = None,
        lang: Optional[str] = None,
        updated: Optional[str] = None,
        group: Optional[str] = None,
        tags: Optional[Sequence[str]] = None,
    ) -> None:
        """Analyses an article as a file would be and stages it, replacing
        the article of that id. The fields given take the place of the
        front matter's; `tags`, when not empty, replaces its tags. Raises
        InputError (nothing staged, what was staged before stays) for an
        invalid id, broken front matter or fields, an id owned by a file."""
        article = _capi.Article()
        check(_capi.lib.kbsearch_article_init(article, ctypes.sizeof(article)))
        set_fields(
            article, id=id, markdown=markdown, title=title, lang=lang, updated=updated, group=group
        )
        if tags:
            if isinstance(tags, str):
                raise TypeError("tags must be a sequence of str, not a str")
            tag_array = string_array(tags, "tags")
            article.tags = ctypes.cast(tag_array, _capi.c_string_array)
            article.tag_count = len(tag_array)
        with self._lock:
            check(_capi.lib.kbsearch_indexer_put(self._use(), article))

    def put_many(self, articles: Iterable[Mapping[str, Any]]) -> int:
        """Stages each article, given as a mapping of put()'s arguments
        ({"id": ..., "markdown": ..., "lang": ...}), and returns how many.
        Stops at the first that fails, as put() does; the ones before stay
        staged."""
        count = 0
        for article in articles:
            self.put(**article)
            count += 1
        return count

    def remove(self, id: str) -> bool:
        """Stages the removal of article `id`; False when the index, with
        the changes staged so far, has no such article. Raises InputError
        when the id is owned by a file."""
        removed = ctypes.c_int()
        with self._lock:
            check(_capi.lib.kbsearch_indexer_remove(self._use(), to_c(id, "id"), removed))
        return bool(removed.value)

    def commit(self) -> IndexReport:
        """Writes the staged puts and removes in one atomic commit, and
        counts them."""
        report = ctypes.POINTER(_capi.Report)()
        with self._lock:
            check(_capi.lib.kbsearch_indexer_commit(self._use(), report))
        return _report(report)

    def discard(self) -> None:
        """Drops the staged changes."""
        with self._lock:
            check(_capi.lib.kbsearch_indexer_discard(self._use()))

    def index(self, paths: Union[PathLike, Iterable[PathLike]]) -> IndexReport:
        """Indexes files (.md, .markdown, .txt) and directories, recursively
        and incrementally. A file that cannot be indexed is in the report's
        `errors`, not raised. Raises Error while put or remove changes are
        staged (commit or discard them first)."""
        if isinstance(paths, (str, bytes, os.PathLike)):
            paths = [paths]
        encoded = [path_to_c(path, f"paths[{i}]") for i, path in enumerate(paths)]
        array = (ctypes.c_char_p * len(encoded))(*encoded)
        report = ctypes.POINTER(_capi.Report)()
        with self._lock:
            check(_capi.lib.kbsearch_indexer_index(self._use(), array, len(encoded), report))
        return _report(report)

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, exc_type: Any, exc: Any, traceback: Any) -> None:
        if self.closed:  # closed inside the block: nothing left to write
            return
        try:
            if exc_type is None:
                self.commit()
            else:
                self.discard()
        finally:
            self.close()


def rollback(db_dir: PathLike, *, wait_seconds: float = 0) -> int:
    """Switches readers of the index in `db_dir` back to the generation
    before the current one (kept by a rebuild) and returns its number.
    Raises Error when there is none, IndexLockedError when a writer holds
    the index after `wait_seconds`."""
    generation = ctypes.c_int()
    check(
        _capi.lib.kbsearch_rollback(
            path_to_c(db_dir, "db_dir"), float(wait_seconds), generation
        )
    )
    return generation.value
