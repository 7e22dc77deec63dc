"""The bookmarks panel: the reader's bookmarks and recently read sections, all usable by keyboard.

Enter opens the chosen place, Delete removes a bookmark, F2 renames it. The panel only
shows and asks; the window's controller changes the bookmarks file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.bookmarks import Places
from reader.model import Guide
from reader.ui.i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole
PLACE_ROLE = Qt.ItemDataRole.UserRole + 1


class _PlaceList(QListWidget):
    """A list whose Enter opens, Delete removes and F2 renames the current item."""

    activatedByKey = Signal(str)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Entering the list chooses an item, so screen readers say it and Down goes to the second.

        Qt makes the first item current without selecting it: Orca then says only "list", and the
        first Down moves to item 2, so item 1 is never heard.
        """
        super().focusInEvent(event)
        if self.count() and (self.currentItem() is None or not self.currentItem().isSelected()):
            self.setCurrentRow(max(0, self.currentRow()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        commands: dict[int, str] = {Qt.Key.Key_Return: "open", Qt.Key.Key_Enter: "open",
                                    Qt.Key.Key_Delete: "remove", Qt.Key.Key_F2: "rename"}
        if key in commands and self.currentItem() is not None:
            self.activatedByKey.emit(commands[key])
            event.accept()
            return
        super().keyPressEvent(event)


class BookmarksPanel(QWidget):
    openPlace = Signal(str, str)  # section id, anchor
    addRequested = Signal()
    renameRequested = Signal(str)  # bookmark id
    removeRequested = Signal(str)
    closeRequested = Signal()  # Escape in the panel: back to the text, as from a dialog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarks_panel")
        self.setAccessibleName(tr("Bookmarks and recently read"))
        layout = QVBoxLayout(self)

        heading = QLabel(tr("&Bookmarks"))
        self.list = _PlaceList()
        self.list.setObjectName("bookmark_list")
        self.list.setAccessibleName(tr("Bookmarks"))
        self.list.setAccessibleDescription(tr("Enter opens a bookmark, F2 renames it, Delete removes it."))
        self.list.setWordWrap(True)
        heading.setBuddy(self.list)
        self.empty = QLabel(tr("No bookmarks yet. Press Ctrl+D to add one where you are reading."))
        self.empty.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.empty)

        buttons = QGridLayout()  # two by two: the panel stays narrow enough to leave the page its column
        self.add_button = self._button(tr("&Add here"), "add_bookmark_button",
                                       tr("Add a bookmark at the paragraph you are reading."))
        self.open_button = self._button(tr("&Go to"), "open_bookmark_button", tr("Open the chosen bookmark."))
        self.rename_button = self._button(tr("Re&name…"), "rename_bookmark_button",
                                          tr("Give the chosen bookmark a new name."))
        self.remove_button = self._button(tr("Re&move"), "remove_bookmark_button",
                                          tr("Remove the chosen bookmark."))
        for index, button in enumerate((self.add_button, self.open_button, self.rename_button, self.remove_button)):
            buttons.addWidget(button, index // 2, index % 2)
        layout.addLayout(buttons)

        recent_heading = QLabel(tr("Recently &read"))
        self.recent = _PlaceList()
        self.recent.setObjectName("recent_list")
        self.recent.setAccessibleName(tr("Recently read"))
        self.recent.setAccessibleDescription(tr("Sections you read lately, the latest first. Enter opens one."))
        self.recent.setWordWrap(True)
        recent_heading.setBuddy(self.recent)
        layout.addWidget(recent_heading)
        layout.addWidget(self.recent, 1)

        self.add_button.clicked.connect(self.addRequested.emit)
        self.open_button.clicked.connect(lambda: self._command(self.list, "open"))
        self.rename_button.clicked.connect(lambda: self._command(self.list, "rename"))
        self.remove_button.clicked.connect(lambda: self._command(self.list, "remove"))
        self.list.activatedByKey.connect(lambda command: self._command(self.list, command))
        self.list.itemActivated.connect(lambda _item: self._command(self.list, "open"))
        self.recent.activatedByKey.connect(lambda command: self._command(self.recent, command))
        self.recent.itemActivated.connect(lambda _item: self._command(self.recent, "open"))
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.closeRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _button(text: str, name: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").replace("…", ""))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        return button

    def _command(self, source: QListWidget, command: str) -> None:
        item = source.currentItem()
        if item is None:
            return
        if command == "open":
            section_id, anchor = item.data(PLACE_ROLE)
            self.openPlace.emit(section_id, anchor)
        elif source is self.list and command == "rename":
            self.renameRequested.emit(item.data(ID_ROLE))
        elif source is self.list and command == "remove":
            self.removeRequested.emit(item.data(ID_ROLE))

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        for button in (self.open_button, self.rename_button, self.remove_button):
            button.setEnabled(chosen)

    def show_places(self, places: Places, guide: Guide, current_section: str | None = None) -> None:
        """Fill both lists; the chosen bookmark stays chosen when it still exists."""
        chosen = self.list.currentItem().data(ID_ROLE) if self.list.currentItem() else None
        self.list.clear()
        for bookmark in places.bookmarks:
            section = guide.get(bookmark.section_id)
            where = section.title if section else tr("a section that is no longer in the guide")
            item = QListWidgetItem(f"{bookmark.label}\n{where}")
            item.setData(ID_ROLE, bookmark.id)
            item.setData(PLACE_ROLE, (bookmark.section_id, bookmark.anchor))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{bookmark.label}, {where}")
            self.list.addItem(item)
            if bookmark.id == chosen:
                self.list.setCurrentItem(item)
        self.empty.setVisible(not places.bookmarks)
        self.recent.clear()
        for visit in places.recent:
            section = guide.get(visit.section_id)
            if section is None or visit.section_id == current_section:
                continue
            item = QListWidgetItem(section.title)
            item.setData(PLACE_ROLE, (visit.section_id, visit.anchor))
            self.recent.addItem(item)
        self._update_buttons()
