"""The reading view: the open section's text, zoomable, with paragraph anchors and safe links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import shiboken6
from PySide6.QtCore import QPoint, QRectF, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader import themes, typography
from reader.reading_style import ReadingStyle
from reader.themes import Theme
from reader.ui.announce import announce
from reader.ui.i18n import tr

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
        # The same page in a new size or look keeps the reader's caret and selection (a search match):
        # put back at once, before screen readers hear of it, they see no new selection to read out.
        cursor = self.textCursor()
        kept = (cursor.anchor(), cursor.position()) if html == self._html else None  # numbers: a cursor moves
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
        if kept is not None and max(kept) < self.document().characterCount():
            cursor = QTextCursor(self.document())
            cursor.setPosition(kept[0])
            cursor.setPosition(kept[1], QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)

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

    # Moving by heading and paragraph ------------------------------------------------------
    #
    # Qt exposes the text to screen readers as one plain block (Orca calls it a "label"), so their
    # own heading and paragraph keys do nothing here. The reader's own keys do it instead: H and
    # Shift+H for the next and previous heading, Ctrl+Down and Ctrl+Up for paragraphs (the keys
    # Windows word processors and NVDA use); each moves the cursor there and says what it reached.

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if key == Qt.Key.Key_H and modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            self.move_to_heading(forward=modifiers == Qt.KeyboardModifier.NoModifier)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and modifiers == Qt.KeyboardModifier.ControlModifier:
            self.move_to_paragraph(forward=key == Qt.Key.Key_Down)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def move_to_heading(self, forward: bool = True) -> bool:
        """Put the cursor on the next (or previous) heading and say it; False, and say so, at the end."""
        block = self._step(self.textCursor().block(), forward, lambda b: b.blockFormat().headingLevel() > 0)
        if block is None:
            announce(self, tr("No more headings") if forward else tr("No heading before this"), assertive=True)
            return False
        self._land(block, tr("Heading level {level}: {text}").format(level=block.blockFormat().headingLevel(),
                                                                     text=block.text().strip()))
        return True

    def move_to_paragraph(self, forward: bool = True) -> bool:
        """Put the cursor at the start of the next (or previous) paragraph and say the paragraph."""
        block = self._step(self.textCursor().block(), forward, lambda b: bool(b.text().strip()))
        if block is None:
            announce(self, tr("End of the section") if forward else tr("Start of the section"), assertive=True)
            return False
        level = block.blockFormat().headingLevel()
        text = block.text().strip()
        self._land(block, tr("Heading level {level}: {text}").format(level=level, text=text) if level else text)
        return True

    @staticmethod
    def _step(block: QTextBlock, forward: bool, wanted: Callable[[QTextBlock], bool]) -> QTextBlock | None:
        block = block.next() if forward else block.previous()
        while block.isValid():
            if wanted(block):
                return block
            block = block.next() if forward else block.previous()
        return None

    def _land(self, block: QTextBlock, message: str) -> None:
        self.setTextCursor(QTextCursor(block))
        self.ensureCursorVisible()
        announce(self, message, assertive=True)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Say "link" when Tab reaches one: Qt only selects its text, which screen readers do not present."""
        moved = super().focusNextPrevChild(next)
        cursor = self.textCursor()
        if moved and self.hasFocus() and cursor.hasSelection() and cursor.charFormat().isAnchor():
            # Said, not reselected: moving the selection again would make Orca read it a second time.
            cursor = self._whole_link(cursor)
            announce(self, tr("{text}, link").format(text=cursor.selectedText().strip()), assertive=True)
        return moved

    @staticmethod
    def _whole_link(cursor: QTextCursor) -> QTextCursor:
        """The whole of the link Qt chose. Qt selects only up to the first change of format, and a
        paragraph's anchor name on the first letter is one: "N" for "North Lanarkshire"."""
        href = cursor.charFormat().anchorHref()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        fragment = cursor.block().begin()
        runs: list[tuple[int, int]] = []
        while not fragment.atEnd():
            piece = fragment.fragment()
            if piece.charFormat().anchorHref() == href:
                if runs and runs[-1][1] == piece.position():
                    runs[-1] = (runs[-1][0], piece.position() + piece.length())
                else:
                    runs.append((piece.position(), piece.position() + piece.length()))
            fragment += 1
        for first, last in runs:
            if first <= start and end <= last:
                whole = QTextCursor(cursor)
                whole.setPosition(first)
                whole.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
                return whole
        return cursor

    @Slot(QRectF)
    def _q_ensureVisible(self, rect: QRectF) -> None:
        """Scroll ``rect`` (document coordinates) into view.

        Qt's accessibility calls QTextEdit's private slot of this name when a screen reader asks for
        a piece of text to be shown (say-all does, for every chunk). A Python subclass does not
        carry that slot, so without this each call failed and logged an error.
        """
        bar = self.verticalScrollBar()
        if rect.top() < bar.value() or rect.bottom() > bar.value() + self.viewport().height():
            bar.setValue(round(rect.top()))

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

    def block_for_anchor(self, anchor: str) -> QTextBlock | None:
        block = self.document().begin()
        while block.isValid():
            if anchor in self.anchors_of(block):
                return block
            block = block.next()
        return None

    @staticmethod
    def anchors_of(block: QTextBlock) -> list[str]:
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
