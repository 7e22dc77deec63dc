"""Lists entered from the keyboard say their current item, and the first Down goes to the second."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from reader.ui.bookmarks_panel import BookmarksPanel


def test_tab_into_a_list_chooses_its_first_item_and_down_goes_to_the_second(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    before = QLineEdit()
    panel = BookmarksPanel()
    layout.addWidget(before)
    layout.addWidget(panel)
    for text in ("First place", "Second place", "Third place"):
        panel.recent.addItem(text)
    window.show()
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    panel.recent.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.recent.hasFocus)
    current = panel.recent.currentItem()
    assert current is not None and current.text() == "First place" and current.isSelected()
    qtbot.keyClick(panel.recent, Qt.Key.Key_Down)
    assert panel.recent.currentItem().text() == "Second place"
