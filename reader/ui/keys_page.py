"""The Keys page of Preferences: every command with its keys, and a way to change or reset them.

Changes apply at once (the registry gives the command its new keys and stores them in the
settings); a key another command already uses is refused with a message naming that command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.action_specs import ACTIONS, MENUS
from reader.ui.actions import ActionRegistry, KeyConflict
from reader.ui.i18n import tr
from reader.ui.messages import Messages

NAME_ROLE = Qt.ItemDataRole.UserRole


class KeysPage(QWidget):
    """Commands grouped by menu, their keys, a key recorder and Reset."""

    changed = Signal()  # keys were changed: the settings need saving

    def __init__(self, commands: ActionRegistry, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keys_page")
        self.commands = commands
        self.messages = messages
        intro = QLabel(tr("Choose a command, press the new key in the box below it, then Use this key. "
                          "A key can start only one command."))
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("keys_list")
        self.list.setColumnCount(2)
        self.list.setHeaderLabels([tr("Command"), tr("Keys")])
        self.list.setAccessibleName(tr("Commands and their keys"))
        self.list.setAccessibleDescription(tr("Each line is a command of a menu and the keys that start it."))
        self.list.setRootIsDecorated(True)
        intro.setBuddy(self.list)
        self.editor = QKeySequenceEdit()
        self.editor.setObjectName("keys_editor")
        self.editor.setMaximumSequenceLength(1)
        self.editor.setAccessibleName(tr("New key"))
        self.editor.setAccessibleDescription(tr("Press the key, with Ctrl, Alt or Shift if you like"))
        editor_label = QLabel(tr("&New key:"))
        editor_label.setBuddy(self.editor)
        self.use_button = QPushButton(tr("&Use this key"))
        self.use_button.setObjectName("keys_use")
        self.use_button.setAccessibleDescription(tr("Give the chosen command the key in the box, instead of its keys"))
        self.reset_button = QPushButton(tr("Reset this co&mmand"))
        self.reset_button.setObjectName("keys_reset")
        self.reset_button.setAccessibleDescription(tr("Give the chosen command its usual keys again"))
        self.reset_all_button = QPushButton(tr("Reset a&ll keys"))
        self.reset_all_button.setObjectName("keys_reset_all")
        self.reset_all_button.setAccessibleDescription(tr("Give every command its usual keys again"))

        row = QHBoxLayout()
        row.addWidget(editor_label)
        row.addWidget(self.editor, 1)
        row.addWidget(self.use_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.reset_all_button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("keys_status")
        self.status.setWordWrap(True)
        self.rows = (row, buttons)  # stacked one above the other when a large interface leaves no room
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self._items: dict[str, QTreeWidgetItem] = {}
        self._fill()
        self.list.currentItemChanged.connect(lambda *_: self._chosen())
        self.use_button.clicked.connect(self.use_key)
        self.reset_button.clicked.connect(self.reset_command)
        self.reset_all_button.clicked.connect(self.reset_all)
        commands.keysChanged.connect(self._show_keys)
        self._chosen()

    def _fill(self) -> None:
        for menu, title in MENUS.items():
            group = QTreeWidgetItem(self.list, [tr(title).replace("&", "")])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for spec in ACTIONS.values():
                if spec.menu == menu:
                    item = QTreeWidgetItem(group, [self.commands.actions[spec.name].text().replace("&", ""), ""])
                    item.setData(0, NAME_ROLE, spec.name)
                    self._items[spec.name] = item
                    self._show_keys(spec.name)
        self.list.expandAll()
        self.list.resizeColumnToContents(0)
        first = next(iter(self._items.values()))
        self.list.setCurrentItem(first)

    def _show_keys(self, name: str) -> None:
        item = self._items.get(name)
        if item is not None:
            keys = self.commands.keys_text(name)
            item.setText(1, ", ".join(keys) if keys else tr("(none)"))

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, NAME_ROLE) if item is not None else None

    def choose(self, name: str) -> None:
        self.list.setCurrentItem(self._items[name])

    def _chosen(self) -> None:
        name = self.chosen()
        for button in (self.use_button, self.reset_button):
            button.setEnabled(name is not None)
        self.editor.setEnabled(name is not None)
        sequences = self.commands.sequences(name) if name else []
        self.editor.setKeySequence(sequences[0] if sequences else QKeySequence())

    def use_key(self) -> bool:
        """Give the chosen command the recorded key; a key already in use is refused, nothing changes."""
        name = self.chosen()
        sequence = self.editor.keySequence()
        if name is None:
            return False
        try:
            self.commands.set_keys(name, [sequence] if not sequence.isEmpty() else [])
        except KeyConflict as conflict:
            self.messages.warning(tr("Key not changed"), str(conflict))
            self._chosen()
            return False
        keys = ", ".join(self.commands.keys_text(name)) or tr("no key")
        self._say(tr("“{command}” now has: {keys}.").format(command=self._label(name), keys=keys))
        self.changed.emit()
        return True

    def _label(self, name: str) -> str:
        return self.commands.actions[name].text().replace("&", "")

    def _say(self, text: str) -> None:
        """Show what changed under the buttons and have the screen reader say it."""
        self.status.setText(text)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def reset_command(self) -> bool:
        name = self.chosen()
        return name is not None and self._reset(name)

    def reset_all(self) -> bool:
        return self._reset(None)

    def _reset(self, name: str | None) -> bool:
        try:
            self.commands.reset_keys(name)
        except KeyConflict as conflict:
            self.messages.warning(tr("Keys not reset"), str(conflict))
            return False
        self._chosen()
        self._say(tr("Every command has its usual keys again.") if name is None else
                  tr("“{command}” has its usual keys again.").format(command=self._label(name)))
        self.changed.emit()
        return True
