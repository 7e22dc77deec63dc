"""A panel's contents that scroll up and down, never sideways, when the window is shorter than the panel.

At 400 % the search and bookmarks panels are taller than a 600-pixel screen; without a scroll
area Qt would make the whole window taller than the screen, its bottom out of reach.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

WINDOW_EDGE = 12  # pixels: the panel's own frame and the window's edges beside it


class DownOnlyScroll(QScrollArea):
    """Asks for the width of its contents, so the panel never scrolls sideways; only a window narrower than
    the contents themselves (400 % controls on an 800-pixel screen) leaves sideways scrolling as the last resort."""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the contents grew (a larger interface): so does the panel
            self.updateGeometry()
        return super().viewportEvent(event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        least = max(inner.minimumSizeHint().width(), inner.minimumWidth())  # a width set on it counts too
        width = least + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        window = self.window()  # never wider than the window it is in (or, alone, its screen)
        alone = window is self or not window.isVisible()
        room = self.screen().availableGeometry().width() if alone else window.width()
        width = min(width, room - 2 * self.frameWidth() - WINDOW_EDGE)
        return QSize(max(hint.width(), width), hint.height())


def scrolling(widget: QWidget, name: str = "") -> DownOnlyScroll:
    """``widget`` in a frameless :class:`DownOnlyScroll` that the keyboard passes through to its controls."""
    scroll = DownOnlyScroll()
    scroll.setObjectName(name or f"{widget.objectName()}_scroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(widget)
    return scroll
