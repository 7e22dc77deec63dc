"""The reading view: the open section's text, zoomable, with paragraph anchors and safe links."""

from __future__ import annotations

from dataclasses import replace

import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader import themes, typography
from reader.reading_style import ReadingStyle
from reader.themes import Theme

# Marks painted over the text without changing the document, lowest first: the sentence being
# read aloud stays visible over the words a search found.
MARK_LAYERS = ("search", "speech")

# Measured to find the average width of a character of running English text, spaces included.
_SAMPLE = "When we set out to develop a new resource, we asked people what makes co-production work."


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
        self.style_shown: ReadingStyle | None = None
        self._html = ""
        self._showing = False  # a resize while the page is being set is not a reason to set it again
        self._marks: dict[str, list[QTextEdit.ExtraSelection]] = {}

    # Marks ----------------------------------------------------------------------------------

    def theme(self) -> Theme:
        """The colours of the page on show; their contrast is checked for every theme."""
        return self.style_shown.theme if self.style_shown is not None else themes.get(themes.DEFAULT)

    @staticmethod
    def mark_format(background: str, text: str,
                    underline: QTextCharFormat.UnderlineStyle | None = None) -> QTextCharFormat:
        """A mark's colours, and a line under it so that it shows without relying on colour alone."""
        mark = QTextCharFormat()
        mark.setBackground(QColor(background))
        mark.setForeground(QColor(text))
        if underline is not None:
            mark.setUnderlineStyle(underline)
            mark.setUnderlineColor(QColor(text))
        return mark

    def set_marks(self, layer: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Replace one layer of marks (search matches, spoken sentence) and leave the others."""
        assert layer in MARK_LAYERS, layer
        self._marks[layer] = selections
        self.setExtraSelections([mark for name in MARK_LAYERS for mark in self._marks.get(name, [])])

    def marks(self, layer: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._marks.get(layer, []))

    def show_html(self, html: str, style: ReadingStyle) -> None:
        """Show a page in ``style``; Qt's rich text ignores a CSS size on <body>, so the default font carries it."""
        self._showing = True
        try:
            self._show_html(html, style)
        finally:
            self._showing = False

    def _show_html(self, html: str, style: ReadingStyle) -> None:
        self.style_shown = style
        font = QFont(self.document().defaultFont())
        font.setFamilies(list(style.font.families))
        font.setPixelSize(round(style.size))
        self.document().setDefaultFont(font)
        self.document().setDefaultStyleSheet(style.css())
        self.document().setDocumentMargin(max(12, round(style.size)))
        self.setHtml(html)
        self.fit_line_length()
        self._html = html
        # Lines break between words; only a word wider than the whole line is broken. Headings are made to
        # fit instead ("Forew/ord"): a heading word wider than the column shows again with smaller headings.
        fitted = self._headings_fitting(style)
        if fitted is not style:
            self.style_shown = fitted
            self.document().setDefaultStyleSheet(fitted.css())
            self.setHtml(html)
            self.fit_line_length()

    def _headings_fitting(self, style: ReadingStyle) -> ReadingStyle:
        """``style``, with headings capped if a heading's longest word would not fit the column."""
        frame = self.document().rootFrame().frameFormat()
        column = self.viewport().width() - frame.leftMargin() - frame.rightMargin() - 2
        widest, size = 0.0, 0.0
        block = self.document().begin()
        while block.isValid():
            for fragment_range in block.textFormats():
                font = fragment_range.format.font()
                if font.pixelSize() <= round(style.size):
                    continue
                text = block.text()[fragment_range.start:fragment_range.start + fragment_range.length]
                metrics = QFontMetricsF(font)
                for word in text.replace("-", "- ").split():
                    width = metrics.horizontalAdvance(word)
                    if width > widest:
                        widest, size = width, font.pixelSize()
            block = block.next()
        return style.with_headings_fitting(widest, size, column) if column > 0 else style

    def side_margin(self) -> int:
        """Space added on each side of the text so that lines keep to the chosen length."""
        style = self.style_shown
        if style is None or style.line_length <= 0:
            return 0
        font = self.document().defaultFont()
        average = QFontMetricsF(font).horizontalAdvance(_SAMPLE) / len(_SAMPLE)
        available = self.viewport().width() - 2 * self.document().documentMargin()
        return typography.side_margin(available, style.character_width(average), style.line_length, 0)

    def fit_line_length(self) -> None:
        """Even margins left and right, from the window's width and the width of the chosen font."""
        root = self.document().rootFrame()
        frame = root.frameFormat()
        margin = self.document().documentMargin() + self.side_margin()
        if frame.leftMargin() != margin or frame.rightMargin() != margin:
            frame.setLeftMargin(margin)
            frame.setRightMargin(margin)
            root.setFrameFormat(frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_line_length()
        style = self.style_shown
        if style is None or not self._html or self._showing or event.size().width() == event.oldSize().width():
            return
        wider = event.size().width() > event.oldSize().width()
        if (wider and style.heading_cap > 0) or (not wider and self._headings_fitting(style) is not style):
            # not now: a resize may come in the middle of setHtml
            QTimer.singleShot(0, lambda: self._refit_headings() if shiboken6.isValid(self) else None)

    def _refit_headings(self) -> None:
        """Show the page again with headings sized for the new width (they grow back, or shrink further)."""
        style = self.style_shown
        if style is None or not self._html:
            return
        fraction = self.scroll_fraction()
        self.show_html(self._html, replace(style, heading_cap=0.0))
        self.set_scroll_fraction(fraction)

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
