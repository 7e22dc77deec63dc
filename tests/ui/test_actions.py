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
