"""The sentence being read, marked in the reading view without touching the document.

Extra selections paint over the text, so the page's HTML (and its anchors, search marks and
undo-free read-only state) stays as it was. Colours come from the view's own palette and
are checked for contrast, so the mark stays readable in light, dark and high-contrast themes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

MIN_CONTRAST = 7.0  # WCAG AAA for body text
SENTENCE_PROPERTY = QTextFormat.Property.UserProperty + 41  # tells our selections from others'


@dataclass(frozen=True)
class Highlight:
    section_id: str
    anchor: str
    start: int  # the sentence, in the block's displayed text
    end: int
    word: tuple[int, int] | None = None


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * amount, a.greenF() + (b.greenF() - a.greenF()) * amount,
                           a.blueF() + (b.blueF() - a.blueF()) * amount)


def highlight_colours(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """(text, sentence background, word background): a warm tint of the page, strongest for the word.

    The tint is reduced until the text keeps at least MIN_CONTRAST against it; when even the
    page itself is below that (a custom theme), the text colour is switched to black or white."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    dark = base.lightnessF() < 0.5
    tint = QColor("#7a5c00") if dark else QColor("#ffd84d")
    sentence = word = base
    share = 0.6  # of the word's tint: enough for the sentence to show on every page colour
    for amount in (0.9, 0.7, 0.5, 0.35, 0.2, 0.0):
        sentence = _mix(base, tint, amount * share)
        word = _mix(base, tint, amount)
        if contrast(text, word) >= MIN_CONTRAST:
            break
    if min(contrast(text, word), contrast(text, sentence)) >= MIN_CONTRAST:
        return text, sentence, word
    # A theme whose own text is faint: black or white text, whichever reads better on the marks.
    best = max((QColor("black"), QColor("white")), key=lambda c: min(contrast(c, word), contrast(c, sentence)))
    if min(contrast(best, word), contrast(best, sentence)) >= MIN_CONTRAST:
        return best, sentence, word
    if dark:
        return QColor("white"), QColor("#3d3000"), QColor("#5c4800")
    return QColor("black"), QColor("#fff4c2"), QColor("#ffd84d")


class SpeechHighlighter:
    """Marks one sentence (and its current word) in a QTextEdit and keeps it in view."""

    def __init__(self, view: QTextEdit) -> None:
        self.view = view
        self.current: Highlight | None = None
        self.follow = True
        view.document().contentsChanged.connect(self._document_changed)

    def block_position(self, anchor: str) -> int | None:
        finder = getattr(self.view, "block_for_anchor", None)
        block = finder(anchor) if finder is not None else None
        return block.position() if block is not None else None

    def cursor_for(self, anchor: str, start: int, end: int) -> QTextCursor | None:
        position = self.block_position(anchor)
        if position is None:
            return None
        document = self.view.document()
        last = max(0, document.characterCount() - 1)
        cursor = QTextCursor(document)
        cursor.setPosition(min(position + start, last))
        cursor.setPosition(min(position + end, last), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def show(self, highlight: Highlight | None) -> None:
        if highlight == self.current:
            return
        moved = (highlight is not None and (self.current is None or (highlight.anchor, highlight.start)
                                            != (self.current.anchor, self.current.start)))
        self.current = highlight
        self._paint()
        if highlight is not None and self.follow:
            self._keep_in_view(moved)

    def clear(self) -> None:
        self.show(None)

    def selections(self) -> list[QTextEdit.ExtraSelection]:
        return [s for s in self.view.extraSelections() if s.format.property(SENTENCE_PROPERTY)]

    def _paint(self) -> None:
        others = [s for s in self.view.extraSelections() if not s.format.property(SENTENCE_PROPERTY)]
        highlight = self.current
        ours: list[QTextEdit.ExtraSelection] = []
        if highlight is not None:
            text, sentence_colour, word_colour = highlight_colours(self.view.palette())
            sentence = self.cursor_for(highlight.anchor, highlight.start, highlight.end)
            if sentence is not None:
                ours.append(self._selection(sentence, text, sentence_colour, underline=False))
            if highlight.word is not None:
                word = self.cursor_for(highlight.anchor, *highlight.word)
                if word is not None:
                    ours.append(self._selection(word, text, word_colour, underline=True))
        self.view.setExtraSelections(others + ours)

    @staticmethod
    def _selection(cursor: QTextCursor, text: QColor, background: QColor,
                   underline: bool) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = QTextCharFormat()
        selection.format.setBackground(background)
        selection.format.setForeground(text)
        selection.format.setProperty(SENTENCE_PROPERTY, True)
        if underline:
            selection.format.setFontUnderline(True)
        return selection

    def _keep_in_view(self, sentence_moved: bool) -> None:
        """Scroll only when what is read leaves the view, then put it a third of the way down.

        A new sentence must show its start; within a sentence taller than the view (large
        text), the word being read is followed instead."""
        highlight = self.current
        if highlight is None:
            return
        height = self.view.viewport().height()
        if sentence_moved:
            first = self.cursor_for(highlight.anchor, highlight.start, highlight.start)
            last = self.cursor_for(highlight.anchor, highlight.end, highlight.end)
            if first is None or last is None:
                return
            top, bottom = self.view.cursorRect(first).top(), self.view.cursorRect(last).bottom()
        elif highlight.word is not None:
            word = self.cursor_for(highlight.anchor, highlight.word[0], highlight.word[0])
            if word is None:
                return
            rect = self.view.cursorRect(word)
            top, bottom = rect.top(), rect.bottom()
        else:
            return
        if top >= 0 and bottom <= height:
            return
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + top - height // 3)

    def _document_changed(self) -> None:
        # a new page (or a new text size) replaced the document: paint again once it is laid out
        if self.current is not None:
            QTimer.singleShot(0, self._paint)
