"""Users change keys in Preferences ▸ Keys; the change applies at once, is kept, and the key card shows it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QKeySequenceEdit, QPushButton, QTabWidget

from reader import paths
from reader.settings import Settings
from reader.ui.keys_page import KeysPage


@pytest.fixture
def window(make_window):
    return make_window()


def _keys_page(window, qtbot) -> KeysPage:
    dialog = window.comfort.show_preferences()
    qtbot.waitExposed(dialog)
    pages = dialog.findChild(QTabWidget, "preferences_pages")
    pages.setCurrentIndex(1)
    page = dialog.findChild(KeysPage, "keys_page")
    assert page.isVisible() and pages.currentWidget().isAncestorOf(page)  # in a scroll area, for large sizes
    return page


def _record(qtbot, page: KeysPage, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    editor = page.findChild(QKeySequenceEdit, "keys_editor")
    editor.clear()
    editor.setFocus()
    qtbot.keyClick(editor, key, modifiers)


def test_a_new_key_works_at_once_and_is_kept_for_next_time(window, qtbot, make_window) -> None:
    page = _keys_page(window, qtbot)
    page.choose("reading_ruler")
    _record(qtbot, page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    qtbot.mouseClick(page.findChild(QPushButton, "keys_use"), Qt.MouseButton.LeftButton)
    assert page._items["reading_ruler"].text(1) == "Ctrl+Alt+R"

    window.view.setFocus()
    ruler = window.comfort.actions["reading_ruler"]
    assert not ruler.isChecked()
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert ruler.isChecked()  # the new key works, in the open window
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ruler.isChecked()  # the old key no longer does

    qtbot.waitUntil(lambda: Settings(paths.settings_file()).get("keys") == {"reading_ruler": ["Ctrl+Alt+R"]},
                    timeout=3000)
    again = make_window()
    assert again.commands.keys_text("reading_ruler") == ["Ctrl+Alt+R"]


def test_a_key_in_use_is_refused_with_the_other_commands_name(window, qtbot, messages) -> None:
    page = _keys_page(window, qtbot)
    page.choose("reading_ruler")
    _record(qtbot, page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert not page.use_key()
    assert messages.shown[-1][:2] == ("warning", "Key not changed")
    assert "Search the guide" in messages.shown[-1][2]
    assert window.commands.keys_text("reading_ruler") == ["Ctrl+Shift+L"]
    assert window.commands.keys_text("search")[0] == "Ctrl+F"


def test_reset_gives_the_usual_keys_back(window, qtbot) -> None:
    page = _keys_page(window, qtbot)
    page.choose("speech_play")
    _record(qtbot, page, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    assert page.use_key()
    assert window.speech.play_action.shortcuts()[0].toString() == "F2"
    qtbot.mouseClick(page.findChild(QPushButton, "keys_reset"), Qt.MouseButton.LeftButton)
    assert window.speech.play_action.shortcuts()[0].toString() == "F8"
    assert window.settings.get("keys") == {}


def test_the_key_card_lists_a_readers_own_keys(user_home: Path) -> None:
    from tests.clirun import run_cli

    settings = Settings(paths.settings_file())
    settings.set("keys", {"speech_play": ["F2"]})
    settings.save()
    result = run_cli("keys", "--json", home=user_home)
    assert result.returncode == 0, result.stderr
    card = {row["name"]: row for row in json.loads(result.stdout)["actions"]}
    assert card["speech_play"]["keys"] == ["F2"] and card["speech_play"]["path"] == "Listen ▸ Read aloud"
    assert card["search"]["keys"] == ["Ctrl+F"]
    plain = run_cli("keys", home=user_home)
    assert plain.returncode == 0, plain.stderr
    listen = plain.stdout.split("\nListen\n", 1)[1]
    assert "Read aloud" in listen and "F2  (your choice)" in listen
    assert "Ctrl+Page Down" in plain.stdout  # written for people, not Qt


def test_changing_a_key_by_keyboard_alone_is_announced(window, qtbot) -> None:
    page = _keys_page(window, qtbot)
    page.choose("focus_contents")
    page.list.setFocus()
    qtbot.waitUntil(page.list.hasFocus)
    editor = page.findChild(QKeySequenceEdit, "keys_editor")
    qtbot.keyClick(page.list, Qt.Key.Key_Tab)
    assert editor.hasFocus()
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # Tab leaves the box; it is not recorded
    use = page.findChild(QPushButton, "keys_use")
    assert use.hasFocus() and editor.keySequence().toString() == "Ctrl+J"
    qtbot.keyClick(use, Qt.Key.Key_Space)
    assert window.commands.keys_text("focus_contents") == ["Ctrl+J"]
    assert page.status.text() == "“Go to the contents” now has: Ctrl+J."
