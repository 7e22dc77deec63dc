"""Makes the side panes give way to the page whenever the window, text or interface size changes.

The rule (who gets how many pixels, and when a pane covers the page) is
:mod:`reader.pane_room`; this module measures the page's characters and the panes, asks
the rule, and sizes, collapses or closes the panes. A pane that covers the page closes by
itself once the reader is done with it: when a section (a result, a bookmark, a title in
the contents) is shown.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSplitter,
    QStyle,
    QWidget,
)

from reader import pane_room
from reader.ui.contents_panel import ContentsPanel
from reader.ui.reading_view import ReadingView

_SAMPLE = "When we set out to develop a new resource, we asked people what makes co-production work."
_NO_LIMIT = 16777215  # QWIDGETSIZE_MAX
CONTENTS_CHARACTERS = (24, 12)  # the contents would like this many characters a line, and need at least this many
PANEL_CHARACTERS = 36  # a panel would like about this many characters of the interface font
TOLERANCE = 6  # pixels: the page is measured a little generously, never too tight


def average_character(font: QFont) -> float:
    return QFontMetricsF(font).horizontalAdvance(_SAMPLE) / len(_SAMPLE)


class PaneFit(QObject):
    """Shares the window's width between the contents, the open panel and the page."""

    def __init__(self, host: QMainWindow, splitter: QSplitter, contents: QWidget, view: ReadingView,
                 contents_action: QAction) -> None:
        super().__init__(host)
        self.host = host
        self.splitter = splitter
        self.contents = contents
        self.view = view
        self.contents_action = contents_action
        self.contents_wanted = True  # the reader's wish; the contents may still give way for lack of room
        self._asked = False
        self._pending = False
        self._covering: list[QWidget] = []
        self._docks: set[QDockWidget] = set()
        self.room = pane_room.PaneRoom(0, 0)
        contents_action.setChecked(True)
        # The page and contents never set the window's least width: this class shares the width out. Otherwise
        # a panel opened at a large interface size would add its width to theirs, and Qt would make the window
        # wider than the screen before the panel could be laid over the page.
        splitter.setMinimumWidth(1)
        host.installEventFilter(self)
        splitter.installEventFilter(self)  # its width settles after the window's: share it again then

    # The reader's wishes ------------------------------------------------------------------------

    def toggle_contents(self) -> None:
        """The toolbar's Contents: hide the list, or show it (over the page if there is no room beside it)."""
        shown = self.contents.isVisible()
        self.contents_wanted = not shown
        self._asked = not shown
        self.fit()
        if self.contents.isVisible():
            self.contents.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def section_shown(self) -> None:
        """The reader chose a place: a pane lying over the page has done its job, and closes."""
        if not self.room.page_covered:
            return
        for widget in self._covering:
            if widget is self.contents:
                self.contents_wanted = False
            elif shiboken6.isValid(widget):
                widget.hide()
        self._asked = False
        self.schedule()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # When to fit again --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Show):
            self.schedule()
        return False

    def watch_docks(self) -> None:
        """Panels added since (by a feature built after the first paint) are fitted as they open, too."""
        self._open_docks()

    def _dock_shown_or_hidden(self, _visible: bool) -> None:
        self.fit()  # at once, so the page never shows squeezed; and again once the layout has settled
        self.schedule()

    def schedule(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.fit)

    # Measuring and sharing ----------------------------------------------------------------------

    def page_needs(self) -> int:
        """Pixels the page needs for a line of 45 characters of its text, frame and scroll bar included."""
        frame = self.view.document().rootFrame().frameFormat()
        chrome = self.view.width() - self.view.viewport().width() if self.view.isVisible() else \
            self.view.verticalScrollBar().sizeHint().width() + 2 * self.view.frameWidth()
        margins = round(frame.leftMargin() + frame.rightMargin()) + chrome + TOLERANCE
        return pane_room.column_pixels(average_character(self.view.document().defaultFont()), margins)

    def _open_docks(self) -> list[QDockWidget]:
        docks = [d for d in self.host.findChildren(QDockWidget) if not d.isFloating()]
        for dock in docks:
            if dock not in self._docks:
                self._docks.add(dock)
                dock.visibilityChanged.connect(self._dock_shown_or_hidden)
        return [d for d in docks if not d.isHidden()]

    def _longest_contents_word(self) -> int:
        """Pixels for the widest word of a title in the contents, with its indentation: titles wrap between
        words, so a narrower list would cut a word ("Lanarkshire"). Only the few words that could be the
        widest are measured, of every title (lines made after the first paint included), so the width
        is known before the paint and does not change when the rest of the lines arrive."""
        tree = self.contents
        if not isinstance(tree, ContentsPanel):
            return 0
        words = tree.words_to_fit()
        if not words:
            return 0
        metrics = QFontMetricsF(tree.font())
        return round(max(metrics.horizontalAdvance(word) for word in words) + tree.indentation() + 12)

    def fit(self) -> None:
        """Measure, ask the rule, and size, collapse or uncover the panes."""
        self._pending = False
        if not shiboken6.isValid(self.host):
            return
        docks = self._open_docks()
        interface = average_character(self.host.font())
        panel = None
        if docks:
            # the contents' own least width: the dock's is cached, and lags behind a change of interface size
            least = max(max(d.minimumSizeHint().width(), d.widget().minimumSizeHint().width() if d.widget() else 0)
                        for d in docks)
            title = max(d.fontMetrics().horizontalAdvance(d.windowTitle()) for d in docks) + 4 * round(interface)
            panel = pane_room.Pane(max(least, title, round(PANEL_CHARACTERS * interface)), least)
        contents = None
        if self.contents_wanted:
            character = average_character(self.contents.font())
            scroll = self.view.verticalScrollBar().sizeHint().width() + 8
            least = max(round(CONTENTS_CHARACTERS[1] * character), self._longest_contents_word()) + scroll
            contents = pane_room.Pane(max(least, round(CONTENTS_CHARACTERS[0] * character) + scroll), least)
        style = self.host.style()
        dividers = self.splitter.handleWidth() + len(docks) * style.pixelMetric(
            QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, self.host)
        self.room = pane_room.share(self.host.width() - dividers, self.page_needs(), contents, panel, self._asked)
        self._apply(docks)

    def _apply(self, docks: list[QDockWidget]) -> None:
        room = self.room
        fraction, width = self.view.scroll_fraction(), self.view.viewport().width()
        self._covering = []
        self.contents.setVisible(room.contents > 0)
        self.contents_action.setChecked(room.contents > 0)
        covered_by_contents = room.page_covered and room.contents > 0
        self.view.setVisible(not covered_by_contents)
        self.splitter.setVisible(not (room.page_covered and room.panel > 0))
        if room.contents > 0:
            self._covering = [self.contents] if covered_by_contents else []
            if not covered_by_contents:
                rest = self.splitter.width() - room.contents - self.splitter.handleWidth()
                self.splitter.setSizes([room.contents, max(1, rest)])
        for dock in docks:
            dock.setMaximumWidth(_NO_LIMIT if room.page_covered else max(room.panel, dock.minimumSizeHint().width()))
        if docks and room.panel > 0:
            self.host.resizeDocks(docks, [room.panel] * len(docks), Qt.Orientation.Horizontal)
            if room.page_covered:
                self._covering = list(docks)
        self.splitter.refresh()  # lay out now, so the page is measured at its new width at once
        layout = self.host.layout()
        if layout is not None:
            layout.activate()
        if self.view.viewport().width() != width:  # the text reflowed: keep the reader's place in it
            self.view.set_scroll_fraction(fraction)
