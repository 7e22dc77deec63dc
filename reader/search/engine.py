"""Load Whoosh without the standard-library packages it imports and never uses here.

A command-line search is a whole process, and a third of Whoosh's import time went on things no
search needs: ``whoosh.compat`` imports ``urllib.request`` (and with it ``http`` and ``email``)
for a download helper, and ``whoosh.reading`` takes ``cached_property`` from the package of that
name, which imports ``asyncio`` for its coroutine variant. ``whoosh.query.terms`` also imports
``whoosh.lang.morph_en``, which compiles a few hundred patterns, for the one query type the
reader never makes (``Variations``), and ``html`` (with its table of entities) for ``escape``
alone. ``whoosh.fields`` imports ``datetime``, and ``whoosh.util.times`` (with ``calendar``), for
date fields the reader's schema does not have; ``whoosh.searching`` imports ``whoosh.highlight``
for a highlighter the reader does not use; ``whoosh.filedb.filestore`` imports ``tempfile``, and
``whoosh.filedb.compound`` ``shutil`` (with three compression modules), for temporary storage and
writing, which a search never does.

While Whoosh's own modules load, those names are stand-ins (an unusable download helper; the
same caching property without the coroutine branch, as Whoosh never decorates a coroutine;
functions and modules that import the real one when first called or asked for anything; an
``html`` holding :func:`escape`, the same function); they are taken out of ``sys.modules`` again
at once, so any later import gets the real modules.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import types
from collections.abc import Iterator
from typing import Any


class _CachedProperty:
    """Computed once per instance, then an ordinary attribute (what ``cached_property`` does
    for the plain methods Whoosh decorates)."""

    def __init__(self, func: Any) -> None:
        self.__doc__ = getattr(func, "__doc__", None)
        self.func = func

    def __get__(self, obj: Any, cls: Any) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.func.__name__] = self.func(obj)
        return value


def escape(text: str, quote: bool = True) -> str:
    """``html.escape``: the same replacements, without importing :mod:`html` (the search's
    extracts use it too)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text


def _no_download(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("the reader never downloads anything")


def _variations(word: str) -> Any:
    """English variations of a word from the real module, imported only now (after :func:`load`)."""
    from whoosh.lang.morph_en import variations

    return variations(word)


def _datetime_to_long(value: Any) -> Any:
    from whoosh.util.times import datetime_to_long

    return datetime_to_long(value)


def _long_to_datetime(value: Any) -> Any:
    from whoosh.util.times import long_to_datetime

    return long_to_datetime(value)


def _copyfileobj(*args: Any, **kwargs: Any) -> Any:
    from shutil import copyfileobj

    return copyfileobj(*args, **kwargs)


class _OnFirstUse(types.ModuleType):
    """A module Whoosh imports but a search never touches: the first name asked of it imports the
    real module (by then the stand-in has left ``sys.modules``) and answers from it."""

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


@contextlib.contextmanager
def _stand_ins() -> Iterator[None]:
    made = {}
    if "urllib.request" not in sys.modules:
        made["urllib.request"] = types.ModuleType("urllib.request")
        made["urllib.request"].urlretrieve = _no_download  # type: ignore[attr-defined]
    if "cached_property" not in sys.modules:
        made["cached_property"] = types.ModuleType("cached_property")
        made["cached_property"].cached_property = _CachedProperty  # type: ignore[attr-defined]
    if "whoosh.lang.morph_en" not in sys.modules:
        made["whoosh.lang.morph_en"] = types.ModuleType("whoosh.lang.morph_en")
        made["whoosh.lang.morph_en"].variations = _variations  # type: ignore[attr-defined]
    if "whoosh.util.times" not in sys.modules:
        made["whoosh.util.times"] = types.ModuleType("whoosh.util.times")
        made["whoosh.util.times"].datetime_to_long = _datetime_to_long  # type: ignore[attr-defined]
        made["whoosh.util.times"].long_to_datetime = _long_to_datetime  # type: ignore[attr-defined]
    if "shutil" not in sys.modules:
        made["shutil"] = types.ModuleType("shutil")
        made["shutil"].copyfileobj = _copyfileobj  # type: ignore[attr-defined]
    for name in ("datetime", "whoosh.highlight", "tempfile"):
        if name not in sys.modules:
            made[name] = _OnFirstUse(name)
    if "html" not in sys.modules:
        made["html"] = types.ModuleType("html")
        made["html"].escape = escape  # type: ignore[attr-defined]
    sys.modules.update(made)
    try:
        yield
    finally:
        for name, module in made.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def load() -> None:
    """Import the Whoosh modules the reader's search uses (cheap when already imported)."""
    if "whoosh.searching" in sys.modules:
        return
    with _stand_ins():
        import whoosh.codec.whoosh3  # the index's format (its compound files import shutil)
        import whoosh.compat
        import whoosh.reading
        import whoosh.searching  # noqa: F401
