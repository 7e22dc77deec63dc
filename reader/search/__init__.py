"""Offline full-text search of the guide, at paragraph level.

Use :class:`SearchIndex` (``SearchIndex.open_or_build(guide).search("co-design")``). Importing
this package costs nothing: Whoosh is loaded when :class:`SearchIndex` is first used, so the
window can show before the search engine starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.search.results import Hit, IndexReport, SearchResults

if TYPE_CHECKING:
    from reader.search.index import IndexUnavailable, SearchIndex

__all__ = ["Hit", "IndexReport", "IndexUnavailable", "SearchIndex", "SearchResults"]


def __getattr__(name: str) -> Any:
    if name in {"SearchIndex", "IndexUnavailable"}:
        from reader.search import index

        return getattr(index, name)
    raise AttributeError(name)
