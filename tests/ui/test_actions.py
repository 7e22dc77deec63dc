"""The window's one command registry: every command in a menu, no key twice, the help showing the keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from reader.action_specs import ACTIONS


@pytest.fixture
def window(make_window):
    return make_window()


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found += _menu_actions(action.menu())
    return found


def test_every_command_has_a_menu_entry_and_a_handler(window) -> None:
    in_menus = {a.objectName() for m in window.menuBar().findChildren(QMenu) for a in _menu_actions(m)}
    assert set(ACTIONS) <= in_menus
    assert set(window.commands.actions) == set(ACTIONS)
    window.build_features()  # the features built after the first paint bind the rest
    assert window.commands.unbound() == []


def test_no_two_commands_share_a_key_in_the_window(window) -> None:
    owners: dict[str, str] = {}
    for name, action in window.commands.actions.items():
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in owners, f"{key} is both {owners[key]} and {name}"
            owners[key] = name


def test_menus_follow_the_declared_order(window) -> None:
    file_menu = [a.objectName() for a in window.menus["file"].actions() if not a.isSeparator()]
    assert file_menu == ["add_content", "manage_content", "print_large", "export_pdf", "save_talking_book",
                         "preferences", "quit"]
    bookmarks = [a.objectName() for a in window.menus["bookmarks"].actions()][:2]
    assert bookmarks == ["add_bookmark", "show_bookmarks"]


def test_the_help_page_shows_the_keys_in_use(window, qtbot) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    assert window.current == "using-this-reader"
    assert "Reading ruler: Ctrl+Shift+L\n" in window.view.toPlainText()  # a line of the list of keys
    window.commands.set_keys("reading_ruler", [QKeySequence("Ctrl+Alt+R")])
    assert "Reading ruler: Ctrl+Alt+R\n" in window.view.toPlainText()  # the page is shown again at once


def test_the_texts_context_menu_offers_copy_and_the_reading_commands(window) -> None:
    menu = window.text_menu(QPoint(10, 10))
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names[-4:] == ["speech_from_here", "speech_selection", "add_bookmark", "search"]
    assert any(a.text().replace("&", "").startswith("Copy") for a in menu.actions())  # the view's own entries
    assert window.view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    menu.close()


def _entry_names(menu: QMenu) -> dict[str, str]:
    """What screen readers are told each entry of ``menu`` is called, by command."""
    from PySide6.QtGui import QAccessible

    menu_iface = QAccessible.queryAccessibleInterface(menu)
    names = {}
    for index, action in enumerate(menu.actions()):
        entry = menu_iface.child(index)
        if entry is not None and action.objectName():
            names[action.objectName()] = entry.text(QAccessible.Text.Name)
    return names


POPUP = pytest.mark.qt_log_ignore("^This plugin does not support grabbing the keyboard$")


@POPUP
def test_open_menus_tell_screen_readers_each_entrys_keys_and_look_the_same(window, qtbot) -> None:
    """Orca 43 never said a menu entry's shortcut (it ignores the key binding Qt gives): the keys
    are in the entry's name while the menu is open, drawn where Qt draws the shortcut anyway."""
    menu = window.commands.menus["bookmarks"]
    keyed = {name: action for name, action in window.commands.actions.items()
             if action in menu.actions() and not action.shortcut().isEmpty()}
    assert keyed, "the test needs an entry with keys"
    own_texts = {name: action.text() for name, action in keyed.items()}
    menu.popup(window.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible)
    names = _entry_names(menu)
    for name, action in keyed.items():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert names[name] == f"{own_texts[name].replace('&', '')}\t{keys}", names[name]
    drawn, size = menu.grab().toImage(), menu.sizeHint()
    # The same menu with the entries' own texts (as Qt draws an entry and its shortcut by itself)
    # looks exactly the same.
    window.commands.menu_voice._closing(menu)
    assert {name: action.text() for name, action in keyed.items()} == own_texts
    qtbot.wait(50)
    assert menu.sizeHint() == size and menu.grab().toImage() == drawn
    menu.hide()
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert {name: action.text() for name, action in keyed.items()} == own_texts


@POPUP
def test_a_toolbar_button_keeps_its_words_while_a_menu_names_its_keys(window, qtbot) -> None:
    from PySide6.QtWidgets import QToolButton

    action = window.commands.actions["next_section"]
    button = window.toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton)
    words = button.text()
    menu = window.commands.menus["go"]
    menu.popup(window.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible)
    assert "\t" in action.text() and button.text() == words
    menu.hide()
    qtbot.waitUntil(lambda: "\t" not in action.text())
    assert button.text() == words and button.accessibleName() == action.text().replace("&", "")
