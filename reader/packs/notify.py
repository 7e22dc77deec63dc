"""Keep the user's search index in step with changes made from the command line.

Only an index that exists and is current is changed (the new passages added, removed ones
taken out, nothing rebuilt). Without one, nothing is done here: the reader builds its index
when it next starts, with the new content in it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from reader.model import Section


class IndexUpdater:
    """A :class:`reader.packs.SectionsListener` over an open search index; never fails the change."""

    def __init__(self, index: Any) -> None:
        self.index = index
        self.problem: str | None = None  # set when the index could not be changed

    def _apply(self, change: Any) -> None:
        try:
            change()
        except Exception as error:  # the content change stands; the index is rebuilt at next start
            self.problem = f"the search index could not be updated ({error}); the reader will rebuild it"

    def on_sections_added(self, sections: Sequence[Section]) -> None:
        self._apply(lambda: self.index.add_sections(sections))

    def on_sections_removed(self, section_ids: Sequence[str]) -> None:
        self._apply(lambda: self.index.remove_sections(section_ids))


@contextlib.contextmanager
def index_listener() -> Iterator[IndexUpdater | None]:
    """The current index, opened for the content as it is before the change; None when there is none."""
    from reader.library import open_library
    from reader.search import store

    roots = [root for root in store.default_roots() if (root / store.POINTER).is_file()]
    if not roots:
        yield None  # no index to keep in step: no content listed, no search engine loaded
        return
    guide = open_library().guide
    expected = store.content_fingerprint(guide)
    if not any(store.inspect(root, expected).fresh for root in roots):
        yield None
        return
    from reader.search.index import SearchIndex

    index = SearchIndex.open_or_build(guide)
    try:
        yield IndexUpdater(index)
    finally:
        index.close()
