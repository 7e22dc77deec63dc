"""Searches off the window's thread: the index is opened (or built) and queried in a worker.

The window never waits for Whoosh. Each request carries a number; a request older than the
newest one asked for is dropped before it runs and its answer ignored if it ran, so typing
quickly never queues up stale searches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.model import Section

if TYPE_CHECKING:  # the worker imports it when it first opens the index: it loads Whoosh
    from reader.search.index import SearchIndex

RESULT_LIMIT = 50


class SearchWorker(QObject):
    """Lives in its own thread; every slot runs there."""

    ready = Signal(object)  # IndexReport
    unavailable = Signal(str)
    found = Signal(int, object)  # request number, SearchResults
    changed = Signal(int)  # passages added or removed for added content

    def __init__(self) -> None:
        super().__init__()
        self.latest = 0  # set from the window's thread: a plain int is safe to share
        self._index: SearchIndex | None = None

    @Slot(object)
    def open(self, sections: Sequence[Section]) -> None:
        from reader.search import SearchIndex

        try:
            index = SearchIndex.open_or_build(list(sections))
        except Exception as error:  # a full disk, a read-only home: say so, keep reading working
            self.unavailable.emit(str(error))
            return
        if self._index is not None:
            self._index.close()
        self._index = index
        self.ready.emit(index.report)

    @Slot(object)
    def add_sections(self, sections: Sequence[Section]) -> None:
        """Added content: index its passages in the open index, without rebuilding the rest."""
        self._change(lambda index: index.add_sections(sections))

    @Slot(object)
    def remove_sections(self, section_ids: Sequence[str]) -> None:
        self._change(lambda index: index.remove_sections(section_ids))

    def _change(self, change: Callable[[SearchIndex], int]) -> None:
        if self._index is None:
            return  # nothing open: the next open_or_build indexes the content as it is then
        try:
            count = change(self._index)
        except Exception as error:  # a full disk: searching the old index still works
            self.unavailable.emit(str(error))
            return
        self.changed.emit(int(count))

    @Slot(int, str, str, str)
    def search(self, request: int, text: str, kind: str, tag: str) -> None:
        if request < self.latest or self._index is None:
            return
        try:
            results = self._index.search(text, kind=kind or None, tag=tag or None, limit=RESULT_LIMIT)
        except Exception as error:  # the index vanished under us: report, do not crash the window
            self.unavailable.emit(str(error))
            return
        if request >= self.latest:
            self.found.emit(request, results)

    @Slot()
    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None


class SearchThread(QObject):
    """Owns the worker and its thread; the window talks to it through signals only."""

    # Shadows QObject.thread() (the thread this object lives in), which nothing here calls.
    thread: QThread  # type: ignore[assignment]

    openRequested = Signal(object)
    addRequested = Signal(object)
    removeRequested = Signal(object)
    searchRequested = Signal(int, str, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("search")
        self.worker = SearchWorker()
        self.worker.moveToThread(self.thread)
        self.openRequested.connect(self.worker.open)
        self.addRequested.connect(self.worker.add_sections)
        self.removeRequested.connect(self.worker.remove_sections)
        self.searchRequested.connect(self.worker.search)
        self._request = 0
        self.started = False

    def start(self, sections: Iterable[Section]) -> None:
        if not self.started:
            self.thread.start()
            self.started = True
        self.openRequested.emit(list(sections))

    def add_sections(self, sections: Iterable[Section]) -> None:
        """Runs after any open asked for before it: requests reach the worker in order."""
        self.addRequested.emit(list(sections))

    def remove_sections(self, section_ids: Sequence[str]) -> None:
        self.removeRequested.emit(list(section_ids))

    def search(self, text: str, kind: str, tag: str) -> int:
        """Ask for a search; returns its number. Older requests still waiting are dropped."""
        self._request += 1
        self.worker.latest = self._request
        self.searchRequested.emit(self._request, text, kind, tag)
        return self._request

    @property
    def latest(self) -> int:
        return self._request

    def stop(self) -> None:
        """End the thread, then close the index from here. A close sent to the worker as a queued
        request would never run: the thread's loop ends at ``quit`` without delivering what is
        still queued, and the index's files would stay open."""
        if self.started:
            self.thread.quit()
            self.thread.wait()
            self.started = False
        self.worker.close()  # the worker's thread has ended: nothing else touches the index now
