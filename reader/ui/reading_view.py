"""The reading view: the open section's text, zoomable, with paragraph anchors and safe links."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QTextBrowser, QWidget


class ReadingView(QTextBrowser):
    """A read-only browser that never follows a link by itself: the window decides."""

    linkActivated = Signal(str)
    zoomStep = Signal(int)  # +1 larger, -1 smaller (Ctrl + mouse wheel)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reading_view")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.anchorClicked.connect(lambda url: self.linkActivated.emit(url.toString()))
        self._wheel_rest = 0

    def show_html(self, html: str, css: str, body_pixels: int) -> None:
        """Show a page; Qt's rich text ignores a CSS size on <body>, so the default font carries it."""
        font = QFont(self.document().defaultFont())
        font.setPixelSize(body_pixels)
        self.document().setDefaultFont(font)
        self.document().setDefaultStyleSheet(css)
        self.document().setDocumentMargin(max(12, body_pixels))
        self.setHtml(html)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        """Only local files are ever loaded: offline means offline."""
        url = QUrl(url) if isinstance(url, str) else url
        if url.scheme() not in ("", "file"):
            return None
        return super().loadResource(kind, url)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._wheel_rest += event.angleDelta().y()
            while abs(self._wheel_rest) >= 120:
                step = 1 if self._wheel_rest > 0 else -1
                self._wheel_rest -= 120 * step
                self.zoomStep.emit(step)
            event.accept()
            return
        super().wheelEvent(event)

    # Places in the text -------------------------------------------------------------------

    def scroll_fraction(self) -> float:
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(round(bar.maximum() * max(0.0, min(1.0, fraction))))

    def go_to_anchor(self, anchor: str) -> bool:
        """Scroll the anchor's block to the top and put the cursor there; False if it is not here."""
        block = self.block_for_anchor(anchor)
        if block is None:
            return False
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        self.scrollToAnchor(anchor)
        return True

    def block_for_anchor(self, anchor: str):  # -> QTextBlock | None
        block = self.document().begin()
        while block.isValid():
            if anchor in self.anchors_of(block):
                return block
            block = block.next()
        return None

    @staticmethod
    def anchors_of(block) -> list[str]:  # block: QTextBlock
        names: list[str] = []
        iterator = block.begin()
        while not iterator.atEnd():
            names.extend(iterator.fragment().charFormat().anchorNames())
            iterator += 1
        return names

    def anchor_at(self, cursor: QTextCursor) -> str:
        """The anchor of the block holding ``cursor``, or of the nearest block before it."""
        block = cursor.block()
        while block.isValid():
            names = self.anchors_of(block)
            if names:
                return names[0]
            block = block.previous()
        return ""

    def top_anchor(self) -> str:
        """The anchor of the first paragraph visible at the top of the view."""
        return self.anchor_at(self.cursorForPosition(QPoint(4, 4)))

    def cursor_anchor(self) -> str:
        return self.anchor_at(self.textCursor())
