"""The reading pane's own keys for screen reader users: by heading and by paragraph, each said."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAccessible

from reader.ui import announce as announce_module
from reader.ui.reading_view import ReadingView

PAGE = "<h1>Title</h1><p>One paragraph.</p><p></p><h2>Part two</h2><p>Two.</p>" + "<p>More text.</p>" * 80


def _view(qtbot, monkeypatch) -> tuple[ReadingView, list[str]]:
    said: list[str] = []
    real = announce_module.announce
    monkeypatch.setattr("reader.ui.reading_view.announce",
                        lambda widget, message, **kw: (said.append(message), real(widget, message, **kw)))
    view = ReadingView()
    qtbot.addWidget(view)
    view.setHtml(PAGE)
    view.resize(400, 300)
    view.show()
    view.setFocus()
    return view, said


def test_h_and_shift_h_move_by_heading_and_say_it(qtbot, monkeypatch) -> None:
    view, said = _view(qtbot, monkeypatch)
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert view.textCursor().block().text() == "Part two"
    assert said[-1] == "Heading level 2: Part two"
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert said[-1] == "No more headings"
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    assert said[-1] == "Heading level 1: Title" and view.textCursor().block().text() == "Title"


def test_ctrl_down_and_up_move_by_paragraph_skipping_empty_ones(qtbot, monkeypatch) -> None:
    view, said = _view(qtbot, monkeypatch)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert said[-1] == "One paragraph."
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert said[-1] == "Heading level 2: Part two"
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert said[-1] == "One paragraph."


def test_a_screen_reader_asking_to_show_text_scrolls_without_an_error(qtbot, monkeypatch) -> None:
    """Say-all calls scrollToSubstring, which calls QTextEdit's private slot by name."""
    view, _ = _view(qtbot, monkeypatch)
    text = QAccessible.queryAccessibleInterface(view).textInterface()
    end = text.characterCount()
    text.scrollToSubstring(end - 10, end)
    assert view.verticalScrollBar().value() > 0
    view._q_ensureVisible(QRectF(0, 0, 10, 10))
    assert view.verticalScrollBar().value() == 0


def test_announcing_also_describes_the_focused_widget_for_orca_43(qtbot) -> None:
    view = ReadingView()
    qtbot.addWidget(view)
    view.setAccessibleDescription("Foreword: section 1 of 18")
    view.show()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    announce_module.announce(view, "No more headings")
    assert view.accessibleDescription() == "No more headings"


def test_tab_to_a_link_says_its_text_and_link(qtbot, monkeypatch) -> None:
    view, said = _view(qtbot, monkeypatch)
    view.setHtml("<p>See <a href='#p2'>the next part</a> and <a href='#p3'>the last</a>.</p>")
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert said[-1] == "the next part, link"
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert said[-1] == "the last, link"


def test_tab_to_a_link_that_starts_a_paragraph_says_the_whole_link(qtbot, monkeypatch) -> None:
    """The paragraph's anchor name on the link's first letter made Qt choose only "N"."""
    view, said = _view(qtbot, monkeypatch)
    view.setHtml("<ul><li id='p15'><a href='section:north'>North Lanarkshire</a></li></ul>")
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert said[-1] == "North Lanarkshire, link"
