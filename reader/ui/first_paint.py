"""Work that waits until the text is on screen: start-up shows the page first, then builds the rest.

A widget is marked once it has painted, so work asked for later (a feature built after the
first paint, or on demand) runs at once instead of waiting for a paint that may not come.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

PAINTED = "reader_painted"  # a widget's dynamic property, true once it has painted


def has_painted(widget: QWidget) -> bool:
    return bool(widget.property(PAINTED))


class _Waiter(QObject):
    """Runs queued jobs just after ``widget`` first paints, one per turn of the event loop, so that
    keys and clicks that arrive meanwhile are handled between them."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)  # a child of the widget: it goes when the widget goes
        self.widget = widget
        self.jobs: deque[Callable[[], object]] = deque()
        if not has_painted(widget):
            widget.installEventFilter(self)

    def add(self, job: Callable[[], object], first: bool = False) -> None:
        if first:
            self.jobs.appendleft(job)
        else:
            self.jobs.append(job)
        if has_painted(self.widget) and len(self.jobs) == 1:
            QTimer.singleShot(0, self, self._run_next)  # not run once the widget has gone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.widget.setProperty(PAINTED, True)
            if self.jobs:
                QTimer.singleShot(0, self, self._run_next)  # not run once the widget has gone
        return False

    def _run_next(self) -> None:
        if not self.jobs:
            return
        job = self.jobs.popleft()
        try:
            job()
        finally:
            if self.jobs:
                QTimer.singleShot(0, self, self._run_next)  # not run once the widget has gone


def waiting(widget: QWidget) -> int:
    """How many jobs still wait for ``widget``'s first paint, or to run after it (tests wait for none)."""
    waiter = widget.findChild(_Waiter, "", Qt.FindChildOption.FindDirectChildrenOnly)
    return len(waiter.jobs) if waiter is not None else 0


def after_first_paint(widget: QWidget, job: Callable[[], object], first: bool = False) -> None:
    """Run ``job`` just after ``widget`` first paints (soon, if it already has); jobs run in the order given,
    except that one given ``first`` runs before every job still waiting (what the others rely on)."""
    waiter = widget.findChild(_Waiter, "", Qt.FindChildOption.FindDirectChildrenOnly)
    if waiter is None:
        waiter = _Waiter(widget)
    waiter.add(job, first)
