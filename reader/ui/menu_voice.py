"""Menus that screen readers read whole: each entry's keys, and the entry chosen in a menu just opened.

What Qt 6.11 gives Orca 43 about a menu, and what is done about it while a menu is open:
- An entry's keys: Qt's AT-SPI bridge answers an entry's key binding with the shortcut alone
  ("Ctrl+D"); Orca expects "mnemonic;sequence;shortcut", takes a lone field for the sequence,
  which it says only when the user has asked for access keys, and says the shortcut field, which
  Qt leaves out; so no shortcut was ever said. Qt names an entry by its action's
  whole text and draws what follows a tab in that text in the keys column, where it draws the
  shortcut anyway; so each entry with keys has them after a tab in its text. The menu looks the
  same, and Orca says "Add a bookmark Ctrl+D".
- Submenus: Qt gives an entry that opens one the role of any entry and no state saying so, and
  Orca 43 never says the name of the menu it is in, so only the arrow drawn beside the entry tells
  (nothing here changes that: it would take words in the menu that sighted readers see too).
- A menu reached with Left or Right from another: Qt chooses its first entry as the menu opens, and
  Orca said nothing of it (or named the window behind). The chosen entry is given the focus again
  once the menu is on screen.
The actions' own texts come back when the menu closes, so toolbars, the key list and settings
never see the tab.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

_WATCHED = "menu_voice_watched"


class MenuVoice(QObject):
    """Watches menus (and, as they open, their submenus) so that screen readers read them whole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # action id → the action, its own text, the text given, whether its icon text was kept
        self._texts: dict[int, tuple[QAction, str, str, bool]] = {}

    def watch(self, menu: QMenu) -> None:
        if menu.property(_WATCHED):
            return
        menu.setProperty(_WATCHED, True)
        menu.aboutToShow.connect(lambda m=menu: self._opening(m))
        menu.aboutToHide.connect(lambda m=menu: self._closing(m))

    def _opening(self, menu: QMenu) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                self.watch(submenu)
                continue
            keys = action.shortcut()
            if keys.isEmpty() or "\t" in action.text() or action.isSeparator():
                continue
            own, icon_text = action.text(), action.iconText()
            given = f"{own}\t{keys.toString(QKeySequence.SequenceFormat.NativeText)}"
            action.setText(given)
            kept_icon_text = action.iconText() != icon_text  # a toolbar button showing the text keeps it
            if kept_icon_text:
                action.setIconText(icon_text)
            self._texts[id(action)] = (action, own, given, kept_icon_text)
        QTimer.singleShot(0, menu, lambda: self._refocus(menu))  # not run if the menu has gone

    def _closing(self, menu: QMenu) -> None:
        for action in menu.actions():
            kept = self._texts.pop(id(action), None)
            if kept is None or not shiboken6.isValid(action) or action.text() != kept[2]:
                continue  # gone, or given a new text while the menu was open
            action.setText(kept[1])
            if kept[3]:
                action.setIconText("")  # follows the text again

    @staticmethod
    def _refocus(menu: QMenu) -> None:
        if not menu.isVisible() or menu.activeAction() is None:
            return
        from PySide6.QtGui import QAccessible, QAccessibleEvent  # when a menu opens, not at start (5 ms)

        event = QAccessibleEvent(menu, QAccessible.Event.Focus)
        event.setChild(menu.actions().index(menu.activeAction()))
        QAccessible.updateAccessibility(event)
