"""Shared by the tests: the package, or a skip when its library is absent.

ctest runs these with KBSEARCH_LIBRARY set to the library it built; run by
hand, they find an installed one. Only a library that is nowhere skips the
tests: one that is there and does not load fails them.
"""

from pathlib import Path

import pytest

try:
    import kbsearch  # noqa: F401
except ImportError as e:
    if e.name != "libkbsearch.so.0":
        raise
    pytest.skip(str(e), allow_module_level=True)

SOURCE_DIR = Path(__file__).resolve().parents[2]
