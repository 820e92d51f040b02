"""Conversions between Python values and the C API's, and the handle base
class. Nothing is decided here that the library decides: values only
change their form. A value that cannot take the C form is the caller's
mistake, as the C API's KBSEARCH_INVALID_ARGUMENT is: InvalidArgumentError,
a ValueError (a value of the wrong type is a TypeError, as in Python)."""

from __future__ import annotations

import ctypes
import os
import threading
from typing import Any, Iterable, List, Optional, Union

from . import _capi
from ._errors import InvalidArgumentError

PathLike = Union[str, "os.PathLike[str]"]


def _c_string(encoded: bytes, name: str) -> bytes:
    # A NUL inside would silently cut the string short at the C boundary:
    # refused, as Python refuses it in file names.
    if b"\0" in encoded:
        raise InvalidArgumentError(f"{name} holds a NUL character, which a C string cannot carry")
    return encoded


def to_c(value: str, name: str) -> bytes:
    """A str as the NUL-terminated UTF-8 the C API reads. A lone surrogate
    is not UTF-8: UnicodeEncodeError, a ValueError."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return _c_string(value.encode("utf-8"), name)


def path_to_c(value: PathLike, name: str) -> bytes:
    """A file name as the operating system's bytes, as open() passes it."""
    return _c_string(os.fsencode(value), name)


def string_array(values: Iterable[str], name: str) -> "ctypes.Array[ctypes.c_char_p]":
    """A C array of strings (it keeps its bytes alive)."""
    encoded = [to_c(value, f"{name}[{i}]") for i, value in enumerate(values)]
    return (ctypes.c_char_p * len(encoded))(*encoded)


def from_c(value: Optional[bytes]) -> str:
    # The C API's strings are never NULL; "" stands for absent.
    return value.decode("utf-8") if value else ""


def strings_from_c(array: Any, count: int) -> List[str]:
    return [from_c(array[i]) for i in range(count)]


def set_fields(struct: ctypes.Structure, **values: Any) -> None:
    """Sets the fields given a value (None: keep the init function's
    default), after the checks ctypes does not make: it would wrap a
    negative number into a huge unsigned one."""
    types = dict(struct._fields_)
    for name, value in values.items():
        if value is None:
            continue
        field = types[name]
        if field is ctypes.c_char_p:
            value = to_c(value, name)
        elif field in (ctypes.c_size_t, ctypes.c_uint, ctypes.c_uint64):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be an int, not {type(value).__name__}")
            if value < 0:
                raise InvalidArgumentError(f"{name} must not be negative, not {value}")
            if value > (1 << (8 * ctypes.sizeof(field))) - 1:
                raise InvalidArgumentError(f"{name} is too large: {value}")
        elif field is ctypes.c_double:
            value = float(value)
        setattr(struct, name, value)


class Handle:
    """An object of the library held through an opaque pointer.

    Freed by close(), by leaving a `with` block, or, failing those, when
    Python collects the object. A lock makes each call whole: the library
    wants one thread at a time on a handle, and a Python program must not
    crash when two threads share one (their calls then take turns; open one
    object per thread to search in parallel) or when one closes it while
    another uses it.
    """

    _close_function: str

    def __init__(self, pointer: ctypes.c_void_p, what: str) -> None:
        self._pointer: Optional[ctypes.c_void_p] = pointer
        self._what = what
        self._lock = threading.Lock()

    def _use(self) -> ctypes.c_void_p:
        """The pointer, with the lock held by the caller."""
        if self._pointer is None:
            raise InvalidArgumentError(f"{self._what} is closed")
        return self._pointer

    def close(self) -> None:
        """Frees the library's object; closing twice is harmless."""
        with self._lock:
            if self._pointer is not None:
                getattr(_capi.lib, self._close_function)(self._pointer)
                self._pointer = None

    @property
    def closed(self) -> bool:
        return self._pointer is None

    def __del__(self) -> None:
        # Only what __init__ got as far as setting: a failed open leaves none.
        if getattr(self, "_pointer", None) is not None:
            self.close()
