"""The reading ruler: dims every line of the page except a band of lines at the text cursor.

It is a see-through layer over the reading view's viewport that takes no mouse clicks and
no focus; the band follows the text cursor, which the arrow keys, Page Up and Page Down
move. When the cursor is scrolled out of sight the band sits on the first line in view,
so the page is never all dimmed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.themes import Theme
from reader.ui.i18n import tr


class ReadingRuler(QWidget):
    def __init__(self, view: QTextBrowser) -> None:
        super().__init__(view.viewport())
        self.setObjectName("reading_ruler")
        self.setAccessibleName(tr("Reading ruler"))
        self.setAccessibleDescription(tr("Dims the page except the lines at the text cursor."))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view = view
        self.lines = 3
        self.shade = QColor(0, 0, 0, 0)
        view.cursorPositionChanged.connect(self.update)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.viewport().installEventFilter(self)
        self.setGeometry(view.viewport().rect())
        self.hide()

    def configure(self, enabled: bool, lines: int, theme: Theme) -> None:
        self.lines = max(1, lines)
        self.shade = QColor(theme.base)
        self.shade.setAlphaF(theme.ruler_opacity)
        self.setGeometry(self.view.viewport().rect())
        self.setVisible(enabled)
        self.raise_()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.viewport().rect())
        return False

    # Where the band is -----------------------------------------------------------------------

    def band(self) -> QRect | None:
        """The clear band in viewport coordinates, or None when the page has no text."""
        cursor = self.view.textCursor()
        band = self._band_from(cursor)
        if band is None or band.bottom() < 0 or band.top() > self.height():
            band = self._band_from(self.view.cursorForPosition(QPoint(4, 4)))
        return band

    def _band_from(self, cursor: QTextCursor) -> QRect | None:
        block = cursor.block()
        if not block.isValid() or block.layout() is None:
            return None
        line = block.layout().lineForTextPosition(cursor.position() - block.position())
        if not line.isValid():
            return None
        top = block.layout().position().y() + line.y()
        bottom = top + line.height()
        remaining, number = self.lines - 1, line.lineNumber() + 1
        current: QTextBlock = block
        while remaining > 0 and current.isValid():
            layout = current.layout()
            while remaining > 0 and layout is not None and number < layout.lineCount():
                following = layout.lineAt(number)
                bottom = layout.position().y() + following.y() + following.height()
                remaining, number = remaining - 1, number + 1
            current, number = current.next(), 0
        offset = self.view.verticalScrollBar().value()
        return QRect(0, round(top) - offset, self.width(), round(bottom - top))

    def paintEvent(self, event: QPaintEvent) -> None:
        band = self.band()
        painter = QPainter(self)
        if band is None:
            return
        if band.top() > 0:
            painter.fillRect(QRect(0, 0, self.width(), band.top()), self.shade)
        if band.bottom() < self.height():
            painter.fillRect(QRect(0, band.bottom() + 1, self.width(), self.height() - band.bottom() - 1),
                             self.shade)
