"""Make a dialog wide enough for the words it shows, at any interface size, but never wider than the screen.

Qt sizes many dialogs from a default (the input dialog is about 200 pixels wide; the
progress dialog measures its first label only), so a longer suggested name, a larger
font or a longer title is cut ("Cance", "Saving as a… ion Reader"). These helpers measure
the words in the widget's own font.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QDialogButtonBox, QWidget

from reader import interface_size
from reader.ui import interface_scale

TITLE_BAR_EXTRA = 160  # the window's icon and its minimise, maximise and close buttons
SCREEN_SHARE = 0.95  # never wider than this much of the screen's free width


def text_width(widget: QWidget, text: str) -> int:
    return widget.fontMetrics().horizontalAdvance(text)


def wide_enough(widget: QWidget, *texts: str, padding: int = 48, title: str = "") -> int:
    """Give ``widget`` a minimum width that shows each of ``texts`` whole (plus ``padding`` for the
    frame and margins) and its ``title`` in the title bar; returns the width chosen."""
    wanted = max([text_width(widget, text) + padding for text in texts if text] or [0])
    if title:
        wanted = max(wanted, text_width(widget, title) + TITLE_BAR_EXTRA)
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        wanted = min(wanted, int(screen.availableGeometry().width() * SCREEN_SHARE))
    widget.setMinimumWidth(max(widget.minimumWidth(), wanted))
    return wanted


def resize_within_screen(widget: QWidget, width: int, height: int) -> tuple[int, int]:
    """Resize ``widget`` to ``width`` × ``height`` (sizes at the normal interface size, grown with it),
    but never beyond the free area of its screen: a dialog taller than a 600-pixel laptop screen hides
    its Close button."""
    percent = interface_scale.current()
    width, height = interface_size.scaled(width, percent), interface_size.scaled(height, percent)
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, int(free.width() * SCREEN_SHARE))
        height = min(height, int(free.height() * 0.9))  # room for the title bar
    widget.resize(width, height)
    return width, height


def free_width(widget: QWidget) -> int:
    """The width a dialog of ``widget``'s may take on its screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return int(screen.availableGeometry().width() * SCREEN_SHARE) if screen is not None else 10_000


def stack_if_wider(room: int, *rows: QBoxLayout | QDialogButtonBox) -> None:
    """Lay each row of controls (or button box) top to bottom when side by side it is wider than ``room``:
    at 400 % a row of three buttons is wider than an 800-pixel screen, and a dialog cannot be."""
    for row in rows:
        if row.sizeHint().width() <= room:
            continue
        if isinstance(row, QDialogButtonBox):
            row.setOrientation(Qt.Orientation.Vertical)
        else:
            row.setDirection(QBoxLayout.Direction.TopToBottom)
