"""Put the main window where :mod:`reader.window_fit` says: on the screen, whole, the first time and after."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from reader import window_fit
from reader.window_fit import Placement, Rect


def _rect(qrect: QRect) -> Rect:
    return Rect(qrect.x(), qrect.y(), qrect.width(), qrect.height())


def _screens() -> list[QScreen]:
    return list(QGuiApplication.screens())


def fit(window: QWidget, restored: bool) -> Placement | None:
    """After ``restoreGeometry`` (``restored``: it found a saved place), keep the window on a screen.

    Returns what was done, or None when the saved place was kept as it is.
    """
    primary = QGuiApplication.primaryScreen()
    if primary is None:
        return None
    home = _rect(primary.availableGeometry())
    if not restored:
        screen = window.screen() or primary
        placement: Placement | None = window_fit.first_start(_rect(screen.availableGeometry()))
    elif window.isMaximized() or window.isFullScreen():
        return None  # Qt puts a maximised window back on a screen by itself
    else:
        placement = window_fit.restored(_rect(window.geometry()),
                                        [_rect(screen.availableGeometry()) for screen in _screens()], home)
    if placement is None:
        return None
    g = placement.geometry
    window.setGeometry(g.x, g.y, g.width, g.height)
    if placement.maximise:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    return placement
