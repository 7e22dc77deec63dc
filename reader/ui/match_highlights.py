"""Every matching word marked in the reading view, and F3 / Shift+F3 stepping through them.

The words come from the search's highlighter (the same rules as the index), applied to the
view's plain text, so what is marked is exactly what matched. The current match is also
the text cursor's selection, which screen readers announce.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.search.snippets import Highlighter
from reader.ui.reading_view import ReadingView


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
        # A new page or a new text size replaces the document: mark it again once it is in.
        # The timer is tied to this object, so it never fires after the view (and this) are gone.
        view.textChanged.connect(lambda: QTimer.singleShot(0, self, self.refresh))

    def set_highlighter(self, highlighter: Highlighter) -> None:
        self.highlighter = highlighter
        self._seen = None
        self.refresh()

    def clear(self) -> None:
        self.set_highlighter(Highlighter())

    def refresh(self) -> None:
        """Recompute the matches when the page or the words changed; keep the place otherwise."""
        document = self.view.document()
        key = (id(document), document.revision())
        if key == self._seen:
            return
        self._seen = key
        self.spans = self.highlighter.spans(document.toPlainText()) if self.highlighter else []
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
        start, end = self.spans[index]
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        if scroll:
            self.view.ensureCursorVisible()
        self._paint()

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
