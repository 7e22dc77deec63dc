"""Every match marked in the reading view, and F3 / Shift+F3 stepping through them.

The matches come from the search's highlighter (the same rules as the index), applied to the
view's plain text, so what is marked is exactly what matched: a phrase, or words found side by
side ("Young Scot"), is one match. The current match is also the text cursor's selection, which
screen readers announce; :meth:`MatchHighlights.counter_text` is the one wording of "Match 2 of 3".
A match that is opened or stepped to sits :data:`CONTEXT_LINES` lines below the top of the view,
so the lines before it are there to read.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.search.snippets import Highlighter
from reader.ui.i18n import tr
from reader.ui.reading_view import ReadingView

#: Lines of text shown above an opened match (or its paragraph), so it is not on the very top line.
CONTEXT_LINES = 3


def counter_text(current: int, total: int) -> str:
    """ "Match 2 of 3": shown under the search box, in the status line and said by screen readers."""
    return tr("Match {current} of {total}").format(current=current, total=total)


class _PlaceAfterResize(QObject):
    """A match just chosen may be chosen before the page is laid out at its size (a panel lying over
    the page has just given way to it): each resize in the moment after re-wraps the text, so the
    match is placed again below the top, not left above the view."""

    def __init__(self, highlights: MatchHighlights, paragraph: int, match: int) -> None:
        super().__init__(highlights)
        self.highlights, self.paragraph, self.match = highlights, paragraph, match
        self.viewport = highlights.view.viewport()
        self.viewport.installEventFilter(self)
        QTimer.singleShot(1000, self._stop)  # only for a moment: later resizes are the reader's own

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._place)
        return False

    def _place(self) -> None:
        if not shiboken6.isValid(self.highlights):
            return
        spans = self.highlights.spans
        if 0 <= self.highlights.current < len(spans) and spans[self.highlights.current][0] == self.match:
            self.highlights._show_below_top(self.paragraph, self.match)

    def _stop(self) -> None:
        self.viewport.removeEventFilter(self)
        self.deleteLater()


class MatchHighlights(QObject):
    """Marks a highlighter's matches in a reading view and moves between them."""

    changed = Signal(int, int)  # current (1-based, 0 when none), total

    def __init__(self, view: ReadingView) -> None:
        super().__init__(view)
        self.view = view
        self.highlighter = Highlighter()
        self.spans: list[tuple[int, int]] = []
        self.current = -1
        self._seen: tuple[int, int] | None = None
        self._text = ""
        # A new page or a new text size replaces the document: mark it again once it is in.
        # The timer is tied to this object, so it never fires after the view (and this) are gone.
        view.textChanged.connect(lambda: QTimer.singleShot(0, self, self.refresh))

    def set_highlighter(self, highlighter: Highlighter) -> None:
        """Mark a new search's matches; the old search's current match is no longer selected."""
        if self.current >= 0 and self._selected_is_current():
            cursor = self.view.textCursor()
            cursor.clearSelection()
            self.view.setTextCursor(cursor)
        self.current = -1
        self.highlighter = highlighter
        self._seen = None
        self.refresh()

    def _selected_is_current(self) -> bool:
        cursor = self.view.textCursor()
        return 0 <= self.current < len(self.spans) and \
            (cursor.selectionStart(), cursor.selectionEnd()) == self.spans[self.current]

    def counter_text(self) -> str:
        """Where the current match is among this section's ("Match 2 of 3"), "" when none is current."""
        return counter_text(self.current + 1, len(self.spans)) if self.current >= 0 else ""

    def clear(self) -> None:
        self.set_highlighter(Highlighter())

    def refresh(self) -> None:
        """Recompute the matches when the page or the words changed; keep the place otherwise."""
        document = self.view.document()
        key = (id(document), document.revision())
        if key == self._seen:
            return
        self._seen = key
        text = document.toPlainText()
        spans = self.highlighter.spans(text) if self.highlighter else []
        # The same words laid out again (a new text size, a theme): the current match stays current, and the
        # view keeps its selection itself. Choosing the match again would choose it after the reader had moved
        # on from it, and screen readers would read it out as newly selected.
        same_place = text == self._text and spans == self.spans
        self._text, self.spans = text, spans
        if not (same_place and self.current >= 0):
            self.current = -1
        self._paint()

    def select_first_in(self, anchor: str) -> bool:
        """Make the first match at or after the paragraph ``anchor`` current; False if none."""
        self.refresh()
        block = self.view.block_for_anchor(anchor) if anchor else None
        start = block.position() if block is not None else 0
        index = next((i for i, (s, _) in enumerate(self.spans) if s >= start), None)
        if index is None:
            return False
        self._go(index, scroll=False)
        paragraph = start if block is not None else self.spans[index][0]
        self._show_below_top(paragraph, self.spans[index][0])
        _PlaceAfterResize(self, paragraph, self.spans[index][0])
        return True

    def step(self, delta: int) -> bool:
        """Go to the next (+1) or previous (-1) match, wrapping round; False when there is none."""
        self.refresh()
        if not self.spans:
            self.changed.emit(0, 0)
            return False
        if self.current < 0:
            position = self.view.textCursor().selectionStart() if delta > 0 else \
                self.view.textCursor().selectionEnd()
            later = [i for i, (s, _) in enumerate(self.spans) if s >= position]
            earlier = [i for i, (_, e) in enumerate(self.spans) if e <= position]
            index = (later[0] if later else 0) if delta > 0 else (earlier[-1] if earlier else len(self.spans) - 1)
        else:
            index = (self.current + delta) % len(self.spans)
        self._go(index, scroll=True)
        return True

    def _go(self, index: int, scroll: bool) -> None:
        self.current = index
        start = self._select(index)
        if scroll:
            self._show_below_top(start, start)
        self._paint()

    def _select(self, index: int) -> int:
        """Make match ``index`` the text cursor's selection; returns where it starts."""
        start, end = self.spans[index]
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        return start

    def _show_below_top(self, paragraph: int, match: int) -> None:
        """Scroll so ``paragraph`` (a position) starts :data:`CONTEXT_LINES` lines below the top,
        or, when the ``match`` would then be out of sight, the match itself; a match already in
        the middle of the view stays where it is."""
        view = self.view
        height = view.viewport().height()
        match_rect = view.cursorRect(self._cursor_at(match))
        # Lines as the page draws them (the text size applies to the page, not the widget's font);
        # at the largest sizes a few lines would fill the view, so at most a quarter of it.
        margin = min(CONTEXT_LINES * match_rect.height(), height // 4)
        if paragraph == match and margin <= match_rect.top() and match_rect.bottom() <= height - margin:
            return
        target = view.cursorRect(self._cursor_at(paragraph)).top()
        if match_rect.bottom() - target > height - 2 * margin:
            target = match_rect.top()  # a long paragraph: the match matters more than its start
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + target - margin)
        # The view's top on a whole line: a line cut in half at the edge is not read easily. The line
        # is shown whole if the match stays in sight; otherwise the view starts below it.
        top = view.cursorRect(view.cursorForPosition(QPoint(view.viewport().width() // 2, 0)))
        if top.top() < 0:
            match_rect = view.cursorRect(self._cursor_at(match))
            step = top.top() if match_rect.bottom() - top.top() <= height else top.bottom() + 1
            bar.setValue(bar.value() + step)

    def _cursor_at(self, position: int) -> QTextCursor:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(position)
        return cursor

    def _paint(self) -> None:
        """Every match in the theme's search colours; the current one in its selection colours."""
        theme = self.view.theme()
        match = self.view.mark_format(theme.search_background, theme.search_text,
                                      QTextCharFormat.UnderlineStyle.DashUnderline)
        current = self.view.mark_format(theme.selection_background, theme.selection_text,
                                        QTextCharFormat.UnderlineStyle.SingleUnderline)
        selections = []
        document = self.view.document()
        for number, (start, end) in enumerate(self.spans):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = current if number == self.current else match
            selections.append(selection)
        self.view.set_marks("search", selections)
        self.changed.emit(self.current + 1 if self.current >= 0 else 0, len(self.spans))
