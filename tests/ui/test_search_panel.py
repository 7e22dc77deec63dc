"""The search panel as a user meets it: Ctrl+F, typing, arrows, Enter, Escape and F3."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QTextCharFormat
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QApplication, QWidget

from ..conftest import ROOT

WAIT = 15_000  # ms: the first search also opens (and here builds) the index in the worker


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focused, key, modifier)


def search_for(qtbot, window, words: str):
    """Ctrl+F from wherever the focus is, type, and wait for the answer."""
    window.view.setFocus()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = window.search.panel
    qtbot.waitUntil(panel.box.hasFocus)
    panel.box.clear()
    qtbot.keyClicks(panel.box, words)
    qtbot.waitUntil(lambda: panel.status.text() != "" and "ready" not in panel.status.text(), timeout=WAIT)
    return panel


def search_exactly(qtbot, window, words: str):
    """Like :func:`search_for`, but wait for the answer to the whole of ``words`` (not to a part typed)."""
    panel = window.search.panel
    show = panel.show_results
    if not hasattr(show, "answered"):  # record what the panel shows, once per window
        def recording(found):
            show(found)
            recording.answered.append(found.query)

        recording.answered = []
        panel.show_results = recording
    answered = panel.show_results.answered
    answered.clear()
    panel = search_for(qtbot, window, words)
    panel.flush()
    qtbot.waitUntil(lambda: bool(answered) and answered[-1] == words, timeout=WAIT)
    return panel


def hit(panel, row: int):
    from reader.ui.search_panel import HIT_ROLE

    return panel.results.item(row).data(HIT_ROLE)


def test_ctrl_f_from_anywhere_then_results_as_you_type(make_window, qtbot):
    window = make_window()
    window.contents.setFocus()
    assert not window.search.dock.isVisible()
    panel = search_for(qtbot, window, "co-design")
    assert window.search.dock.isVisible()
    assert panel.results.count() > 3
    assert "passages found" in panel.status.text()
    first = hit(panel, 0)
    assert "<b>" in first.snippet_html.lower()
    # Nine keystrokes made one search (two or three on a busy machine), not nine.
    assert window.search.worker.latest <= 3


def test_down_arrow_enter_opens_the_passage_scrolled_and_highlighted(make_window, qtbot):
    window = make_window()
    panel = search_for(qtbot, window, "partnership")
    press(qtbot, Qt.Key.Key_Down)
    assert panel.results.hasFocus() and panel.results.currentRow() == 0
    press(qtbot, Qt.Key.Key_Down)
    assert panel.results.currentRow() == 1
    chosen = hit(panel, 1)
    press(qtbot, Qt.Key.Key_Return)

    assert window.current == chosen.section
    view = window.view
    assert view.hasFocus()
    assert view.cursor_anchor() == chosen.anchor  # the current match is in the chosen paragraph
    assert view.textCursor().selectedText().lower().startswith("partnership")
    assert view.viewport().rect().contains(view.cursorRect())  # scrolled to it
    marks = view.extraSelections()
    text = view.toPlainText().lower()
    assert len(marks) == text.count("partnership") >= 1
    assert all(m.cursor.selectedText().lower().startswith("partnership") for m in marks)
    # Marked by colour and by a line under the words, so the marks never rely on colour alone.
    theme = view.theme()
    styles = {m.format.underlineStyle() for m in marks}
    assert styles <= {QTextCharFormat.UnderlineStyle.DashUnderline, QTextCharFormat.UnderlineStyle.SingleUnderline}
    assert {m.format.background().color().name() for m in marks} <= {theme.search_background,
                                                                     theme.selection_background}


def test_escape_returns_to_the_box_and_closes_the_panel(make_window, qtbot):
    window = make_window()
    panel = search_for(qtbot, window, "carers")
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Escape)
    assert panel.box.hasFocus()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Up)  # up from the first result: back in the box too
    assert panel.box.hasFocus()
    press(qtbot, Qt.Key.Key_Return)  # Enter in the box opens the first result
    qtbot.waitUntil(window.view.hasFocus)
    press(qtbot, Qt.Key.Key_Escape)  # from the text: back to the box, words selected for retyping
    qtbot.waitUntil(panel.box.hasFocus)
    assert panel.box.selectedText() == "carers"
    press(qtbot, Qt.Key.Key_Escape)  # from the box: the panel closes and the marks go
    qtbot.waitUntil(lambda: not window.search.dock.isVisible())
    assert window.view.hasFocus()
    assert window.view.extraSelections() == []


def test_f3_steps_through_the_matches_with_a_counter(make_window, qtbot):
    window = make_window()
    panel = search_for(qtbot, window, "co-production")
    target = next(hit(panel, r) for r in range(panel.results.count()) if hit(panel, r).section == "foreword")
    panel.passageChosen.emit(target.section, target.anchor)
    total = len(window.view.extraSelections())
    assert total > 3
    first = panel.matches.text()
    assert first.startswith("Match ") and first.endswith(f" of {total}")
    number = int(first.split()[1])
    starts = [m.cursor.selectionStart() for m in window.view.extraSelections()]
    assert window.view.textCursor().selectionStart() == starts[number - 1]

    press(qtbot, Qt.Key.Key_F3)
    assert panel.matches.text() == f"Match {number % total + 1} of {total}"
    assert window.view.textCursor().selectionStart() == starts[number % total]
    assert "production" in window.view.textCursor().selectedText().lower()
    press(qtbot, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert panel.matches.text() == f"Match {number} of {total}"
    for _ in range(number):
        press(qtbot, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert panel.matches.text() == f"Match {total} of {total}"  # wrapped round to the last
    assert f"Match {total} of {total}" in window.statusBar().currentMessage()


def test_filters_by_kind_and_tag(make_window, qtbot):
    window = make_window()
    panel = search_for(qtbot, window, "introduction")
    everything = panel.status.text()
    panel.kind.setCurrentIndex(panel.kind.findData("examples"))
    qtbot.waitUntil(lambda: panel.status.text() != everything, timeout=WAIT)
    kinds = {hit(panel, r).kind for r in range(panel.results.count())}
    assert kinds == {"examples"}
    before = panel.status.text()
    panel.tag.setCurrentIndex(panel.tag.findData("disability"))
    qtbot.waitUntil(lambda: panel.status.text() != before, timeout=WAIT)
    assert {hit(panel, r).section for r in range(panel.results.count())} == {"glasgow-disability-alliance"}


def test_misspelling_offers_did_you_mean_and_near_spellings(make_window, qtbot):
    window = make_window()
    panel = search_for(qtbot, window, "comissioning")
    assert panel.suggestion.isVisible()
    assert panel.suggestion.text() == "Did you mean “commissioning”?"
    assert "similar words" in panel.status.text() and panel.results.count() > 0
    before = panel.status.text()
    qtbot.mouseClick(panel.suggestion, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text() != before, timeout=WAIT)
    assert panel.box.text() == "commissioning"
    assert "passages found" in panel.status.text() or "1 passage found" in panel.status.text()
    assert not panel.suggestion.isVisible()


def test_nothing_found_is_said_and_focus_stays_in_the_box(make_window, qtbot):
    window = make_window()
    panel = search_for(qtbot, window, "xqzvwk")
    assert panel.status.text() == "No passages match “xqzvwk”."
    assert panel.results.count() == 0
    press(qtbot, Qt.Key.Key_Down)
    assert panel.box.hasFocus()


def test_results_speak_their_section_and_extract(make_window, qtbot):
    window = make_window()
    panel = search_for(qtbot, window, "disability")
    for widget in (panel.box, panel.kind, panel.tag, panel.results):
        assert QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
    assert "passages found" in QAccessible.queryAccessibleInterface(panel.results).text(
        QAccessible.Text.Description)
    first = hit(panel, 0)
    child = QAccessible.queryAccessibleInterface(panel.results).child(0)
    assert child.text(QAccessible.Text.Name) == f"{first.where}: {first.snippet_text}"


def test_a_result_shows_its_heading_and_where_else_it_appears(make_window, qtbot):
    window = make_window()
    panel = search_exactly(qtbot, window, '"the full page"')
    results = [hit(panel, r) for r in range(panel.results.count())]
    texts = [h.snippet_text for h in results]
    assert len(texts) == len(set(texts))  # each passage once
    folded = next(h for h in results if h.also)
    child = QAccessible.queryAccessibleInterface(panel.results).child(results.index(folded))
    assert child.text(QAccessible.Text.Name).endswith("Also in: " + ", ".join(folded.also_titles))
    panel = search_exactly(qtbot, window, "young scot")
    overview = next(hit(panel, r) for r in range(panel.results.count()) if hit(panel, r).section == "examples")
    assert overview.where == "Examples in this guide › Co-design"


def test_a_phrase_is_one_match_and_f3_counts_whole_phrases(make_window, qtbot):
    window = make_window()
    panel = search_exactly(qtbot, window, '"public services"')
    target = next(hit(panel, r) for r in range(panel.results.count()) if hit(panel, r).section == "foreword")
    panel.passageChosen.emit(target.section, target.anchor)
    occurrences = window.view.toPlainText().lower().count("public service")  # services, service: one stem
    marks = window.view.extraSelections()
    assert len(marks) == occurrences > 1  # one match per "public services", not one per word
    assert {m.cursor.selectedText().lower().rstrip("s") for m in marks} == {"public service"}
    assert panel.matches.text().endswith(f" of {occurrences}")
    press(qtbot, Qt.Key.Key_F3)
    assert window.view.textCursor().selectedText().lower().startswith("public service")
    assert window.search.highlights.counter_text() == panel.matches.text()
    # Words found side by side are one match too: "Young Scot" once per time it is written.
    panel = search_exactly(qtbot, window, "young scot")
    target = next(hit(panel, r) for r in range(panel.results.count()) if hit(panel, r).section == "introduction")
    panel.passageChosen.emit(target.section, target.anchor)
    occurrences = window.view.toPlainText().lower().count("young scot")
    assert panel.matches.text() == f"Match 1 of {occurrences}"
    assert window.view.textCursor().selectedText().lower() == "young scot"


def test_an_opened_match_sits_a_few_lines_below_the_top_with_its_paragraph(make_window, qtbot):
    from PySide6.QtGui import QTextCursor

    from reader.ui.match_highlights import CONTEXT_LINES

    window = make_window(900, 600)
    panel = search_exactly(qtbot, window, "permanent secretary")
    target = next(hit(panel, r) for r in range(panel.results.count()) if hit(panel, r).section == "foreword")
    panel.passageChosen.emit(target.section, target.anchor)
    view = window.view
    assert view.verticalScrollBar().value() > 0  # far enough down the page to need scrolling
    paragraph = view.cursorRect(QTextCursor(view.block_for_anchor(target.anchor))).top()
    line = view.cursorRect().height()  # a line as the page draws it
    assert (CONTEXT_LINES - 1) * line <= paragraph <= (CONTEXT_LINES + 1) * line  # lines above it to read
    assert view.viewport().rect().contains(view.cursorRect())  # the match itself in sight


def test_a_new_search_clears_the_old_search_marks_and_selection(make_window, qtbot):
    window = make_window()
    search_exactly(qtbot, window, "partnership")
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert window.view.textCursor().hasSelection()
    search_exactly(qtbot, window, "carers")
    qtbot.waitUntil(lambda: not any("partnership" in m.cursor.selectedText().lower()
                                    for m in window.view.extraSelections()), timeout=WAIT)
    assert not window.view.textCursor().hasSelection()


def test_an_answer_to_an_older_query_is_dropped(make_window, qtbot):
    window = make_window()
    panel = search_for(qtbot, window, "carers")
    shown = [hit(panel, r).section for r in range(panel.results.count())]
    from reader.search.results import Hit, SearchResults

    stale = SearchResults("old", 1, [Hit("words", "Words", "p1", 1.0, "old", "old", ())])
    window.search._found(window.search.worker.latest - 1, stale)
    assert [hit(panel, r).section for r in range(panel.results.count())] == shown


def test_worker_skips_requests_overtaken_before_they_run(qtbot, guide):
    from reader.ui.search_worker import SearchWorker

    worker = SearchWorker()
    worker.open(guide)
    answers = []
    worker.found.connect(lambda request, found: answers.append((request, found.query)))
    worker.latest = 3
    worker.search(2, "carers", "", "")
    worker.search(3, "disability", "", "")
    assert answers == [(3, "disability")]
    worker.close()


@pytest.mark.slow
def test_start_up_does_not_load_the_search_engine_until_after_the_first_paint(tmp_path):
    code = textwrap.dedent(f"""
        import os, sys, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["COPRODUCTION_READER_HOME"] = {str(tmp_path)!r}
        os.environ["COPRODUCTION_READER_INDEX"] = {str(tmp_path / "index")!r}
        sys.path.insert(0, {str(ROOT)!r})
        from reader.ui.app import application
        from reader.library import open_guide
        from reader.settings import Settings
        from reader import paths
        from reader.ui.main_window import MainWindow
        app = application()
        window = MainWindow(open_guide(), Settings(paths.settings_file()), remember=False)
        window.show()
        app.processEvents()
        print("after paint:", "whoosh" in sys.modules)
        deadline = time.time() + 15
        while not window.search.ready and time.time() < deadline:
            app.processEvents()
            time.sleep(0.01)
        print("later:", window.search.ready)
        window.close()
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "after paint: False" in out.stdout
    assert "later: True" in out.stdout


def test_every_control_of_the_open_panel_has_an_accessible_name(make_window, qtbot):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit

    window = make_window()
    panel = search_for(qtbot, window, "comissioning")  # shows the suggestion button too
    controls = [w for w in window.search.dock.findChildren(QWidget)
                if isinstance(w, QAbstractButton | QAbstractItemView | QComboBox | QLineEdit | QPlainTextEdit)
                and w.isVisible()]
    assert panel.suggestion in controls and panel.results in controls and panel.box in controls
    for widget in controls:
        name = QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
        assert name, f"{type(widget).__name__} {widget.objectName()!r} has no accessible name"


def test_tab_goes_from_the_text_through_the_open_panel(make_window, qtbot):
    window = make_window()
    search_for(qtbot, window, "carers")
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    reached = []
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget().objectName())
    assert reached == ["search_box", "search_kind", "search_tag", "search_results"]


def test_a_result_is_read_aloud_with_ctrl_enter_or_its_button(make_window, qtbot, monkeypatch):
    monkeypatch.setenv("COPRODUCTION_READER_SPEECH", "fake")
    monkeypatch.setenv("COPRODUCTION_READER_AUDIO", "null")
    window = make_window()
    qtbot.waitUntil(lambda: not window.speech.controller.loading, timeout=WAIT)
    panel = search_for(qtbot, window, "disabilities")
    press(qtbot, Qt.Key.Key_Down)
    wanted = hit(panel, panel.results.currentRow())
    assert panel.read_aloud.isEnabled()
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.current == wanted.section
    qtbot.waitUntil(lambda: window.speech.highlighter.current is not None, timeout=WAIT)
    assert window.speech.highlighter.current.anchor == wanted.anchor
    window.speech.stop()
    qtbot.waitUntil(lambda: window.speech.highlighter.current is None, timeout=WAIT)

    panel.results.setCurrentRow(1)
    second = hit(panel, 1)
    qtbot.mouseClick(panel.read_aloud, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.speech.highlighter.current is not None
                    and window.speech.highlighter.current.anchor == second.anchor, timeout=WAIT)
    assert window.current == second.section
    window.speech.stop()


def test_the_same_answer_again_keeps_the_readers_place(make_window, qtbot):
    """The index opened again (content changed outside the window, say) searches again: an unchanged
    answer must not move the reader back to the first result and the first match, or be said again."""
    window = make_window()
    panel = search_exactly(qtbot, window, '"public services"')
    panel.results.setCurrentRow(1)
    target = next(hit(panel, r) for r in range(panel.results.count()) if hit(panel, r).section == "foreword")
    panel.passageChosen.emit(target.section, target.anchor)
    press(qtbot, Qt.Key.Key_F3)
    counter = panel.matches.text()
    assert counter.startswith("Match 2 of ")
    answered = panel.show_results.answered
    answered.clear()
    answers = QSignalSpy(window.search.worker.worker.found)  # emitted in the worker's thread
    window.search._ready(window.search.report)
    qtbot.waitUntil(lambda: answers.count() == 1, timeout=WAIT)
    qtbot.wait(50)  # the answer reaches the window's thread
    assert answered == []  # the list was not filled again
    assert panel.results.currentRow() == 1
    assert panel.matches.text() == counter
    press(qtbot, Qt.Key.Key_F3)
    assert panel.matches.text().startswith("Match 3 of ")


def test_the_same_answer_after_search_was_unavailable_is_shown_again(make_window, qtbot):
    window = make_window()
    panel = search_exactly(qtbot, window, '"public services"')
    described = panel.status.text()
    window.search._unavailable("the disk is full")
    assert panel.status.text().startswith("Search is not available")
    answered = panel.show_results.answered
    answered.clear()
    answers = QSignalSpy(window.search.worker.worker.found)
    window.search._ready(window.search.report)
    qtbot.waitUntil(lambda: answers.count() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: answered == ['"public services"'], timeout=WAIT)
    assert panel.status.text() == described


def test_words_never_together_show_passages_with_some_of_them(make_window, qtbot):
    window = make_window()
    panel = search_for(qtbot, window, "lochside iriss")
    assert panel.status.text().startswith("No passage has all of “lochside iriss”")
    assert panel.results.count() > 0
    assert "No passage has all" in panel.results.accessibleDescription()  # said to screen readers too


def test_the_current_match_stays_current_when_the_text_size_changes(make_window, qtbot):
    window = make_window()
    panel = search_exactly(qtbot, window, '"public services"')
    target = next(hit(panel, r) for r in range(panel.results.count()) if hit(panel, r).section == "foreword")
    panel.passageChosen.emit(target.section, target.anchor)
    press(qtbot, Qt.Key.Key_F3)
    counter = panel.matches.text()
    assert counter.startswith("Match 2 of ")
    press(qtbot, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)  # the page is laid out again
    qtbot.waitUntil(lambda: window.text_size > 100)
    qtbot.wait(50)
    assert panel.matches.text() == counter
    assert window.view.textCursor().selectedText().lower().startswith("public service")
    press(qtbot, Qt.Key.Key_F3)
    assert panel.matches.text().startswith("Match 3 of ")


def test_a_new_text_size_keeps_the_selection_as_it_is(make_window, qtbot):
    """The page laid out again keeps its caret and selection at once; the match is not chosen again a
    moment later (Orca read it out as newly selected, even after the reader had moved on from it)."""
    window = make_window()
    panel = search_exactly(qtbot, window, "co-production")
    press(qtbot, Qt.Key.Key_Return)  # the first result, its match selected
    qtbot.waitUntil(window.view.hasFocus)
    view = window.view
    chosen = (view.textCursor().anchor(), view.textCursor().position())
    counter = panel.matches.text()
    assert view.textCursor().selectedText().lower() == "co-production" and counter.startswith("Match ")
    press(qtbot, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == 110
    assert (view.textCursor().anchor(), view.textCursor().position()) == chosen, "not kept while laid out"
    qtbot.wait(50)
    assert panel.matches.text() == counter, "the same match is still the current one"
    press(qtbot, Qt.Key.Key_Right)  # the reader moves on: nothing selected
    moved = view.textCursor().position()
    press(qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert not view.textCursor().hasSelection() and view.textCursor().position() == moved, \
        "the match the reader moved on from is not chosen again"
    assert panel.matches.text() == counter
    press(qtbot, Qt.Key.Key_F3)
    assert panel.matches.text() != counter and view.textCursor().selectedText().lower() == "co-production"


def test_what_was_found_is_tied_to_its_label_and_shown_as_written(make_window, qtbot):
    """Orca reads a panel's free-standing labels on the way in: the number found, also the box's
    description, has a relation so it is said once; an "&" in it stays an "&", not a shortcut."""
    window = make_window()
    panel = search_for(qtbot, window, "carers")
    status = QAccessible.queryAccessibleInterface(panel.status)
    assert status.relations(QAccessible.RelationFlag.Labelled), "a free-standing label"
    panel.show_message("No passages match “R&D”.", speak=False)
    assert status.text(QAccessible.Text.Name) == "No passages match “R&D”.", "the '&' kept (and shown)"
    assert panel.box.accessibleDescription() == "No passages match “R&D”."


def test_the_search_box_behaves_as_a_line_edit(qtbot):
    """A plain-text box (so Orca says a chosen search whole) with a line edit's signals and clear button."""
    from PySide6.QtWidgets import QToolButton

    from reader.ui.search_panel import SearchBox

    box = SearchBox()
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    edited, changed = [], []
    box.textEdited.connect(edited.append)
    box.textChanged.connect(changed.append)
    box.setText("carers")
    assert (box.text(), changed, edited) == ("carers", ["carers"], []), "setText is not the user's edit"
    assert box.textCursor().position() == len("carers")
    qtbot.keyClicks(box, " fund")
    assert edited[-1] == changed[-1] == "carers fund"
    with qtbot.waitSignal(box.returnPressed):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    with qtbot.waitSignal(box.downPressed):
        qtbot.keyClick(box, Qt.Key.Key_Down)
    with qtbot.waitSignal(box.escapePressed):
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "carers fund", "Enter does not start a second line"
    QApplication.clipboard().setText("young\nscot")
    box.selectAll()
    box.paste()
    assert box.text() == "young scot" and edited[-1] == "young scot", "a pasted line break becomes a space"
    assert box.selectedText() == ""
    box.selectAll()
    assert box.selectedText() == "young scot"
    clear = box.findChild(QToolButton, "search_clear")
    assert clear.accessibleName() == "Clear the search" and clear.isVisible()
    assert box.viewport().geometry().right() < clear.geometry().left(), "the text never runs under the button"
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert box.text() == "" and edited[-1] == "" and not clear.isVisible()


def test_a_result_opened_from_a_panel_over_the_page_keeps_its_marks(make_window, qtbot):
    """On a small screen at a large interface size the panel lies over the page and gives way once a
    result is opened: the match is still chosen and marked, and F3 still steps through the matches."""
    from reader import paths
    from reader.settings import Settings

    settings = Settings(paths.settings_file())
    settings.set("interface_size", 400)
    settings.set("text_size", 400)
    settings.save()
    window = make_window(1366, 768)
    panel = search_exactly(qtbot, window, '"young scot"')
    assert window.pane_fit.room.page_covered, "the panel lies over the page here"
    target = next(hit(panel, r) for r in range(panel.results.count()) if hit(panel, r).section == "examples")
    panel.passageChosen.emit(target.section, target.anchor)
    QApplication.processEvents()
    assert not window.search.dock.isVisible() and window.view.isVisible()
    qtbot.wait(300)  # the page laid out at its new width
    view = window.view
    assert view.viewport().rect().contains(view.cursorRect()), "the match in sight, not above the view"
    assert view.cursorRect().top() > 0
    top_line = view.cursorRect(view.cursorForPosition(QPoint(view.viewport().width() // 2, 0)))
    assert top_line.top() >= 0, "the line at the top of the view is whole, not cut at its edge"
    # The status line says the match alone: the location gives way to it, not drawn under it.
    assert window.statusBar().currentMessage().startswith("Match 1 of ")
    assert not window.location_label.isVisible()
    assert window.view.textCursor().selectedText().lower() == "young scot"
    occurrences = len(window.view.extraSelections())
    assert occurrences >= 1
    assert window.search.highlights.counter_text() == f"Match 1 of {occurrences}"
    press(qtbot, Qt.Key.Key_F3)
    assert window.search.highlights.counter_text() == f"Match {2 if occurrences > 1 else 1} of {occurrences}"


def test_a_status_message_is_never_drawn_over_the_location(make_window, qtbot):
    """QStatusBar hides the location under a message only for the while: laid out again (its height
    changes as the interface grows), it showed the location under the message, both drawn at once."""
    window = make_window(1366, 768)
    bar = window.statusBar()
    window.context.show_status("Match 1 of 3")
    QApplication.processEvents()
    assert not window.location_label.isVisible()
    font = bar.font()
    font.setPixelSize(font.pixelSize() * 3 if font.pixelSize() > 0 else 40)
    bar.setFont(font)  # as a larger interface size does: a taller status line
    window.location_label.setFont(font)
    qtbot.wait(50)
    assert bar.currentMessage() == "Match 1 of 3"
    assert not window.location_label.isVisible()
    bar.clearMessage()
    QApplication.processEvents()
    assert window.location_label.isVisible()
