"""A plain-text box kept to one line: a line edit whose selection screen readers say whole.

Qt's QLineEdit tells screen readers that its text has no attribute runs (each run starts and
ends at the offset asked about); Orca 43 joins such runs into one that ends a character early and
so says a selected name without its last character ("young sco selected"). Qt's plain-text box
answers with real runs, and Orca says the whole selection. This makes a QPlainTextEdit look and
behave as a one-line field: one line high, no wrapping or scroll bars, Enter submits (accepts the
dialog, or is left to the box itself), Tab moves on, and pasted line breaks become spaces.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QStyle, QStyleOptionFrame

_BREAKS = ("\n", "\r", "\u2028", "\u2029")


class _OneLine(QObject):
    """Kept by the box itself (its child): it holds no Python reference to the box or its dialog,
    which Qt takes down on its own."""

    def __init__(self, box: QPlainTextEdit, enter_accepts: bool) -> None:
        super().__init__(box)
        self.enter_accepts = enter_accepts
        box.document().contentsChanged.connect(self._join_lines)  # whatever signals the box adds

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QPlainTextEdit):
            return False
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            if not self.enter_accepts:
                return False  # the box's own key handling submits
            dialog = watched.window()
            if isinstance(dialog, QDialog):
                dialog.accept()
            return True
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            fit_height(watched)  # a larger interface or a theme's padding changes the line's height
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


LINE_MARGIN = 1  # pixels around the line inside the frame, as a line edit leaves


def fit_height(box: QPlainTextEdit) -> None:
    """As high as a line edit would be in the same style and font (so it lines up with the other
    controls), and never less than its one line of text needs."""
    box.document().setDocumentMargin(LINE_MARGIN)
    style = box.style()
    metrics = box.fontMetrics()
    icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, box)
    option = QStyleOptionFrame()
    option.initFrom(box)
    option.lineWidth = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, box)
    option.state |= QStyle.StateFlag.State_Sunken
    line_edit = style.sizeFromContents(QStyle.ContentsType.CT_LineEdit, option,
                                       QSize(metrics.averageCharWidth(), max(metrics.height(), 14, icon - 2)
                                             + 2 * LINE_MARGIN), box).height()
    margins = box.contentsMargins()  # the frame's width, as a frame sets them
    needed = metrics.lineSpacing() + 2 * LINE_MARGIN + margins.top() + margins.bottom()
    box.setFixedHeight(max(line_edit, needed))


def make_one_line(box: QPlainTextEdit, enter_accepts: bool = True) -> QPlainTextEdit:
    """Turn ``box`` into a one-line field. Enter accepts the dialog it is in, or with
    ``enter_accepts=False`` reaches the box's own ``keyPressEvent`` (which must not insert a line)."""
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box.setTabChangesFocus(True)
    fit_height(box)
    box.installEventFilter(_OneLine(box, enter_accepts))
    box.moveCursor(QTextCursor.MoveOperation.End)
    return box
