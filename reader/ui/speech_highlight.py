"""The sentence being read, marked in the reading view without touching the document.

Extra selections paint over the text, so the page's HTML (and its anchors, search marks and
undo-free read-only state) stays as it was. The sentence takes the theme's spoken-sentence
colours and the word its selection colours, pairs whose contrast is tested for every theme.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.ui.reading_view import ReadingView


@dataclass(frozen=True)
class Highlight:
    section_id: str
    anchor: str
    start: int  # the sentence, in the block's displayed text
    end: int
    word: tuple[int, int] | None = None


class SpeechHighlighter:
    """Marks one sentence (and its current word) in a QTextEdit and keeps it in view."""

    def __init__(self, view: ReadingView) -> None:
        self.view = view
        self.current: Highlight | None = None
        self.follow = True
        view.document().contentsChanged.connect(self._document_changed)

    def block_position(self, anchor: str) -> int | None:
        block = self.view.block_for_anchor(anchor)
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
        return self.view.marks("speech")

    def _paint(self) -> None:
        highlight = self.current
        marks: list[QTextEdit.ExtraSelection] = []
        if highlight is not None:
            theme = self.view.theme()
            sentence = self.cursor_for(highlight.anchor, highlight.start, highlight.end)
            if sentence is not None:
                marks.append(self._selection(sentence, self.view.mark_format(
                    theme.spoken_background, theme.spoken_text, QTextCharFormat.UnderlineStyle.DotLine)))
            if highlight.word is not None:
                word = self.cursor_for(highlight.anchor, *highlight.word)
                if word is not None:
                    marks.append(self._selection(word, self.view.mark_format(
                        theme.selection_background, theme.selection_text,
                        QTextCharFormat.UnderlineStyle.SingleUnderline)))
        self.view.set_marks("speech", marks)

    @staticmethod
    def _selection(cursor: QTextCursor, mark: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = mark
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
