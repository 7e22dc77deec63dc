"""Escape closes Qt's own file dialog wherever its focus is.

Where the computer offers no file dialog of its own (many Linux desktops), Qt shows its own; with
the focus on one of its tool buttons ("Detail View", "List View", "Back"…) Escape did nothing, so a
keyboard user could not leave it without finding Cancel. On Windows and macOS the system's dialog
is used and this never applies.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QToolButton


class _EscapeLeavesFileDialogs(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape and isinstance(watched, QToolButton)):
            dialog = watched.window()
            if isinstance(dialog, QFileDialog):
                dialog.reject()
                return True
        return False


def install(owner: QObject) -> None:
    """Watch every key pressed in the application for as long as ``owner`` lives."""
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(_EscapeLeavesFileDialogs(owner))
