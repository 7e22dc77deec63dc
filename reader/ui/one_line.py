"""A plain-text box kept to one line: a line edit whose selection screen readers say whole.

Qt's QLineEdit tells screen readers that its text has no attribute runs (each run starts and
ends at the offset asked about); Orca 43 joins such runs into one that ends a character early and
so says a selected name without its last character ("young sco selected"). Qt's plain-text box
answers with real runs, and Orca says the whole selection. This makes a QPlainTextEdit look and
behave as a one-line field: one line high, no wrapping or scroll bars, Enter submits, Tab moves
on, and pasted line breaks become spaces.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QDialog, QPlainTextEdit

_BREAKS = ("\n", "\r", "\u2028", "\u2029")


class _OneLine(QObject):
    """Kept by the box itself (its child): it holds no Python reference to the box or its dialog,
    which Qt takes down on its own."""

    def __init__(self, box: QPlainTextEdit) -> None:
        super().__init__(box)
        box.textChanged.connect(self._join_lines)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QPlainTextEdit):
            return False
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            dialog = watched.window()
            if isinstance(dialog, QDialog):
                dialog.accept()
            return True
        if event.type() == QEvent.Type.FocusIn:
            watched.selectAll()  # as a line edit's text is chosen when the field is entered
        return False

    def _join_lines(self) -> None:
        box = self.parent()
        if not isinstance(box, QPlainTextEdit):
            return
        text = box.toPlainText()
        if not any(mark in text for mark in _BREAKS):
            return
        for mark in _BREAKS:
            text = text.replace(mark, " ")
        position = box.textCursor().position()
        box.setPlainText(text)
        cursor = box.textCursor()
        cursor.setPosition(min(position, len(text)))
        box.setTextCursor(cursor)


def make_one_line(box: QPlainTextEdit) -> QPlainTextEdit:
    """Turn ``box`` into a one-line field; Enter accepts the dialog it is in."""
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box.setTabChangesFocus(True)
    margins = box.contentsMargins()
    box.setFixedHeight(round(box.fontMetrics().lineSpacing() + 2 * box.document().documentMargin())
                       + 2 * box.frameWidth() + margins.top() + margins.bottom())
    box.installEventFilter(_OneLine(box))
    box.moveCursor(QTextCursor.MoveOperation.End)
    return box
