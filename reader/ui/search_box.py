"""The search box: one line, a line edit's signals and a clear button, made before the first paint.

It lives apart from the search panel so that the toolbar can show it at once while the panel, its
results and the search engine are made just after the page is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QPainter, QPaintEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QStyle, QToolButton, QWidget

from reader.ui.actions import ActionRegistry
from reader.ui.i18n import tr
from reader.ui.one_line import make_one_line
from reader.ui.toolbar_room import put_widget


class _ClearButton(QToolButton):
    """Only the clear icon, as a line edit draws its own: the themes' button frame would not fit in the box."""

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.icon().isNull():  # looked up when first drawn: hidden until there is text, so not at start
            self.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_LineEditClearButton))
        side = min(self.width(), self.height(), self.iconSize().width())
        mode = QIcon.Mode.Active if self.underMouse() else QIcon.Mode.Normal
        pixmap = self.icon().pixmap(QSize(side, side), self.devicePixelRatioF(), mode)
        QPainter(self).drawPixmap((self.width() - side) // 2, (self.height() - side) // 2, side, side, pixmap)


class SearchBox(QPlainTextEdit):
    """A one-line search box with a line edit's signals and a clear button.

    A plain-text box rather than a QLineEdit, so that Orca says a chosen search whole (see
    :mod:`reader.ui.one_line`)."""

    textChanged = Signal(str)  # any change, as QLineEdit's
    textEdited = Signal(str)  # changes the user made, not setText()
    returnPressed = Signal()
    downPressed = Signal()
    escapePressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._said = ""  # the text last signalled
        self._setting = False  # inside setText(): not the user's edit
        make_one_line(self, enter_accepts=False)
        self._clear = _ClearButton(self)
        self._clear.setObjectName("search_clear")
        self._clear.setAccessibleName(tr("Clear the search"))
        self._clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._clear.setCursor(Qt.CursorShape.ArrowCursor)
        self._clear.hide()
        self._clear.clicked.connect(self._clear_by_user)
        self.document().contentsChanged.connect(self._changed)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self._setting = True
        try:
            self.setPlainText(text)
            self.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._setting = False

    def clear(self) -> None:
        self.setText("")

    def selectedText(self) -> str:
        return self.textCursor().selectedText()

    def _changed(self) -> None:
        text = self.toPlainText()
        if text == self._said or any(mark in text for mark in ("\n", "\r", "\u2028", "\u2029")):
            return  # nothing new, or line breaks that are about to become spaces
        self._said = text
        self._clear.setVisible(bool(text))
        self.textChanged.emit(text)
        if not self._setting:
            self.textEdited.emit(text)

    def _clear_by_user(self) -> None:
        self.selectAll()
        self.textCursor().removeSelectedText()  # an edit: it can be undone, and it signals textEdited
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def sizeHint(self) -> QSize:
        """A line edit's: a line high (the toolbar counts that as the frame and the clear button) and
        about 17 characters wide, not a text area's."""
        margins = self.contentsMargins()
        return QSize(17 * self.fontMetrics().averageCharWidth() + margins.left() + margins.right()
                     + self.maximumHeight(), self.maximumHeight())

    def minimumSizeHint(self) -> QSize:
        return QSize(2 * self.maximumHeight(), self.maximumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        side = rect.height()
        self.setViewportMargins(0, 0, side, 0)
        self._clear.setGeometry(rect.right() - side + 1, rect.top(), side, side)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.downPressed.emit()
        elif key == Qt.Key.Key_Escape:
            self.escapePressed.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
        else:
            super().keyPressEvent(event)


def toolbar_box(commands: ActionRegistry) -> SearchBox:
    """The search box on the toolbar, in Search's place; the search feature connects it when it is
    built (what was typed meanwhile is kept, and searched then)."""
    existing = commands.toolbar_widgets.get("search")
    if isinstance(existing, SearchBox):
        return existing
    box = SearchBox()
    box.setObjectName("toolbar_search")
    box.setPlaceholderText(tr("Search"))
    box.setAccessibleName(tr("Search the guide"))
    box.setAccessibleDescription(tr("Results appear in the search panel as you type. Down arrow moves to them."))
    box.setToolTip(commands.actions["search"].toolTip())
    box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    put_widget(commands, "search", box, wide=16, narrow=8)
    return box
