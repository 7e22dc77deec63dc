"""The search thread: stopping it closes the index even when a search is running at that moment."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, Signal

from reader.ui.search_worker import SearchThread
from tests.search_content import mini_guide


class Answers(QObject):
    """The worker's answers, delivered in the window's thread as the search panel receives them
    (waiting on the worker's own signals would run the wait's timer from the worker's thread)."""

    ready = Signal(object)
    found = Signal(int, object)

    def __init__(self, searches: SearchThread) -> None:
        super().__init__()
        searches.worker.ready.connect(self.ready)
        searches.worker.found.connect(self.found)


def test_stopping_while_a_search_runs_still_closes_the_index(qtbot, tmp_path, monkeypatch):
    """The index's open files would otherwise stay held (on Windows its folder could not be
    replaced or deleted) until the process ends."""
    guide = mini_guide(tmp_path / "content")
    searches = SearchThread()
    answers = Answers(searches)
    with qtbot.waitSignal(answers.ready, timeout=60_000):
        searches.start(list(guide))
    index = searches.worker._index
    assert index is not None and index.search("coproduction").total == 3

    running, release = threading.Event(), threading.Event()
    real_search = index.search

    def slow_search(*args, **kwargs):
        running.set()
        release.wait(10)
        return real_search(*args, **kwargs)

    monkeypatch.setattr(index, "search", slow_search)
    searches.search("coproduction", "", "")
    assert running.wait(10), "the search never started"
    timer = threading.Timer(0.3, release.set)  # the search ends while stop() waits for the thread
    timer.start()
    try:
        searches.stop()
    finally:
        release.set()
        timer.cancel()
    assert not searches.thread.isRunning()
    with pytest.raises(ValueError, match="closed"):
        real_search("coproduction")


def test_stopping_an_idle_thread_closes_the_index_and_it_can_start_again(qtbot, tmp_path):
    guide = mini_guide(tmp_path / "content")
    searches = SearchThread()
    answers = Answers(searches)
    with qtbot.waitSignal(answers.ready, timeout=60_000):
        searches.start(list(guide))
    index = searches.worker._index
    searches.stop()
    with pytest.raises(ValueError, match="closed"):
        index.search("coproduction")
    with qtbot.waitSignal(answers.ready, timeout=60_000):
        searches.start(list(guide))
    with qtbot.waitSignal(answers.found, timeout=10_000) as found:
        searches.search("coproduction", "", "")
    assert found.args[1].total == 3
    searches.stop()
