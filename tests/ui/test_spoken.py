"""What screen readers are told after each action, in-process: the window's one voice (its Teller).

The Orca tests (tests/e2e) hear the same through the real screen reader; these are the fast checks
that every way of changing section, the text size, search navigation, the bookmarks and the menus
say something, and say it once.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QToolButton

from .test_places import Answers
from .test_search_panel import search_exactly


def said(window) -> list[str]:
    return window.context.teller.said


def wait_to_hear(qtbot, window, words: str) -> str:
    """The newest announcement containing ``words`` (waits for it)."""
    qtbot.waitUntil(lambda: any(words in message for message in said(window)), timeout=5000)
    return next(message for message in reversed(said(window)) if words in message)


def position(window, section_id: str) -> str:
    section = window.guide.get(section_id)
    return f"{section.title}: section {window.guide.position(section_id) + 1} of {len(window.guide)}"


def test_enter_in_the_contents_says_the_section_and_moves_to_its_text(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    second = window.guide.neighbour(window.guide.first().id, 1).id
    window.contents.setFocus()
    window.contents.setCurrentItem(window.contents._items[second])
    qtbot.keyClick(window.contents, Qt.Key.Key_Return)
    assert wait_to_hear(qtbot, window, position(window, second)) == position(window, second) + "."
    assert window.view.hasFocus()


def test_toolbar_section_buttons_by_space_or_enter_say_the_section(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    first = window.guide.first().id
    second = window.guide.neighbour(first, 1).id
    window.open_section(second)
    back = window.toolbar.widgetForAction(window.actions["previous_section"])
    assert isinstance(back, QToolButton)
    back.setFocus()
    said(window).clear()
    qtbot.keyClick(back, Qt.Key.Key_Space)
    assert window.current == first
    wait_to_hear(qtbot, window, position(window, first))
    forward = window.toolbar.widgetForAction(window.actions["next_section"])
    forward.setFocus()
    qtbot.keyClick(forward, Qt.Key.Key_Return)  # Enter presses a toolbar button too
    assert window.current == second
    wait_to_hear(qtbot, window, position(window, second))


def test_every_way_of_changing_section_is_said_once(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    window.view.setFocus()
    first = window.guide.first().id
    second = window.guide.neighbour(first, 1).id
    said(window).clear()
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    wait_to_hear(qtbot, window, position(window, second))
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    wait_to_hear(qtbot, window, position(window, first))
    assert said(window) == [position(window, second) + ".", position(window, first) + "."]


def test_the_window_title_names_the_open_section(make_window) -> None:
    window = make_window(1280, 720)
    first = window.guide.first()
    assert window.windowTitle() == f"{first.title} — Co-production Reader"
    window.open_section("introduction")
    assert window.windowTitle().startswith(window.guide.get("introduction").title + " — ")
    assert window.accessibleName() == window.windowTitle()


def test_text_size_changes_are_said(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    wait_to_hear(qtbot, window, "Text size 110%")
    qtbot.keyClick(window.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    wait_to_hear(qtbot, window, "Text size 100%")


def test_opening_a_result_says_the_section_and_the_match_and_f3_the_next_with_its_words(
        make_window, qtbot) -> None:
    window = make_window(1280, 720)
    panel = search_exactly(qtbot, window, "Young Scot")
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    qtbot.waitUntil(panel.results.hasFocus)
    said(window).clear()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    opened = wait_to_hear(qtbot, window, "Match 1 of")
    assert opened.startswith(position(window, window.current) + ". Match 1 of"), opened
    assert opened.endswith(": Young Scot."), opened  # the phrase, whole: it is one match
    panel = search_exactly(qtbot, window, "co-production")
    said(window).clear()
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)  # the first result
    qtbot.waitUntil(window.view.hasFocus)
    wait_to_hear(qtbot, window, "Match")
    total = len(window.search.highlights.spans)
    assert total >= 2
    expected = f"Match {(window.search.highlights.current + 1) % total + 1} of {total}: "
    said(window).clear()
    qtbot.keyClick(window.view, Qt.Key.Key_F3)
    following = wait_to_hear(qtbot, window, expected)
    assert following.startswith(expected), following
    assert "production" in following.lower(), following
    said(window).clear()
    window.set_text_size(150)  # the page is drawn again, the match with it: nothing new to say about it
    wait_to_hear(qtbot, window, "Text size 150%")
    assert said(window) == ["Text size 150%."]


def test_the_results_list_entered_by_tab_says_its_first_item_and_down_goes_to_the_second(
        make_window, qtbot) -> None:
    window = make_window(1280, 720)
    panel = search_exactly(qtbot, window, "Young Scot")
    panel.results.setCurrentRow(-1)
    panel.results.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.results.hasFocus)
    assert panel.results.currentRow() == 0 and panel.results.currentItem().isSelected()
    qtbot.keyClick(panel.results, Qt.Key.Key_Down)
    assert panel.results.currentRow() == 1


def test_the_first_bookmark_added_is_said(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    window.comfort.prompts = Answers()
    window.comfort.prompts.labels = ["My first"]
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    wait_to_hear(qtbot, window, "Bookmark added: My first")


def test_escape_in_the_bookmarks_panel_goes_back_to_the_text(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dock = window.comfort.bookmarks_dock
    qtbot.waitUntil(lambda: dock.isVisible() and dock.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert window.view.hasFocus()


# A popup (a menu, a list's choices) grabs the keyboard; the headless test screen has none to grab.
POPUP = pytest.mark.qt_log_ignore("^This plugin does not support grabbing the keyboard$")


@POPUP
def test_f10_opens_the_first_menu(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F10)
    menu = window.menus["file"]
    qtbot.waitUntil(menu.isVisible)
    assert menu.activeAction() is window.actions["add_content"]
    menu.close()


@POPUP
def test_escape_from_the_font_list_leaves_the_value_the_box_shows(make_window, qtbot) -> None:
    """Screen readers read a list box's value from its popup's chosen line: Escape must not leave
    the line the arrows reached there."""
    window = make_window(1280, 720)
    window.comfort.toggle_settings_panel()
    combo = window.comfort.settings_form.controls["font_family"]
    combo.setFocus()
    shown = combo.currentText()
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    assert combo.view().currentIndex().row() != combo.currentIndex()
    qtbot.keyClick(combo.view(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    assert combo.currentText() == shown
    qtbot.waitUntil(lambda: combo.view().currentIndex().row() == combo.currentIndex())


def test_escape_on_a_button_of_qts_file_dialog_closes_it(make_window, qtbot) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = make_window(1280, 720)
    dialog = QFileDialog(window, "Save section as audio")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.show()
    qtbot.waitExposed(dialog)
    detail = dialog.findChild(QToolButton, "detailModeButton")
    assert detail is not None and detail.accessibleName() == "Detail View"
    detail.setFocus()
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QFileDialog.DialogCode.Rejected


def _focused_item_description(view) -> str:
    """What a screen reader reads as the description of the item it follows in ``view``."""
    cell = QAccessible.queryAccessibleInterface(view).focusChild()
    return cell.text(QAccessible.Text.Description) if cell is not None else ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the description is Orca 43's way")
def test_said_while_a_contents_line_has_the_focus_reaches_that_line_and_leaves_it(make_window, qtbot) -> None:
    """Orca follows the current line, not the list: a message put on the list alone went unheard."""
    window = make_window(1280, 720)
    window.contents.setFocus()
    qtbot.waitUntil(window.contents.hasFocus)
    qtbot.keyClick(window.contents, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    second = window.guide.neighbour(window.guide.first().id, 1).id
    wait_to_hear(qtbot, window, position(window, second))
    assert window.contents.current_section() == second
    assert _focused_item_description(window.contents) == position(window, second) + "."
    # An example keeps its own description ("In …") once the focus moves on, and the line the
    # focus moves to does not say the old message.
    example = next(section for section in window.guide if section.parent)
    qtbot.keyClick(window.contents, Qt.Key.Key_Down)
    assert "section" not in _focused_item_description(window.contents)
    window.contents.setCurrentItem(window.contents._items[example.id])
    own = _focused_item_description(window.contents)
    assert own.startswith("In “")
    qtbot.keyClick(window.contents, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    wait_to_hear(qtbot, window, "Text size")
    qtbot.waitUntil(lambda: "Text size" in _focused_item_description(window.contents))
    qtbot.keyClick(window.contents, Qt.Key.Key_Up)
    qtbot.keyClick(window.contents, Qt.Key.Key_Down)
    assert _focused_item_description(window.contents) == own


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the description is Orca 43's way")
def test_a_contents_line_laid_out_again_after_a_message_is_given_the_focus_again(
        make_window, qtbot, monkeypatch) -> None:
    """Orca drops events from an item that has gone by the time it reads them. On a busy computer
    the contents were laid out again (for the wider pane a new text size needs) just after "Text
    size 110%" was put on the current line, so Orca said nothing: the new line must get the focus."""
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)  # Qt rebuilds a view's accessible items only while it is active
    try:
        window = make_window(1280, 720)
        window.contents.setFocus()
        qtbot.waitUntil(window.contents.hasFocus)
        qtbot.keyClick(window.contents, Qt.Key.Key_Down)
        qtbot.wait(400)  # a line Orca has presented already, as after Ctrl+PgDn was heard
        focused: list[int] = []
        send = QAccessible.updateAccessibility

        def record(event) -> None:
            if event.type() == QAccessible.Event.Focus and event.accessibleInterface() is not None:
                focused.append(QAccessible.uniqueId(event.accessibleInterface()))
            send(event)

        monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
        qtbot.keyClick(window.contents, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        wait_to_hear(qtbot, window, "Text size 110%")

        def line() -> int:
            return QAccessible.uniqueId(QAccessible.queryAccessibleInterface(window.contents).focusChild())

        told = line()
        window.contents.doItemsLayout()  # what the pane's widening does a moment later on a slow machine
        qtbot.waitUntil(lambda: line() != told)
        qtbot.waitUntil(lambda: focused[-1] == line(), timeout=3000)
        assert _focused_item_description(window.contents) == "Text size 110%."
    finally:
        QAccessible.setActive(was_active)
