"""The reader's icons, drawn in the colours of the theme in use.

The drawings are one-colour SVG files in ``reader/icons`` (see its README): each is drawn
in ``#000000``, which is replaced here by the theme's text colour for the normal state and
its disabled colour for the disabled one, so an icon is as readable as the words beside it
in every theme, both high-contrast ones included. Number boxes get their arrows the same
way: Qt's stylesheets take arrows only as files, so those are written to the cache folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from reader import atomic, paths, themes
from reader.themes import Theme

ICON_DIR = Path(__file__).resolve().parent.parent / "icons"
INK = "#000000"  # the one colour every drawing uses
# Command (action name) → drawing.
COMMANDS: dict[str, str] = {
    "back": "back", "forward": "forward", "previous_section": "previous-section",
    "next_section": "next-section", "focus_contents": "contents", "search": "search",
    "speech_play": "play", "speech_stop": "stop", "larger_text": "larger-text",
    "smaller_text": "smaller-text", "reading_settings": "settings", "preferences": "settings",
    "show_bookmarks": "bookmarks", "show_contents": "contents", "add_bookmark": "bookmarks",
    "speech_save_section": "save-audio",
}
DRAWING_PROPERTY = "reader_icon"  # set on a command whose drawing changes (Play becomes Pause)
THEME_PROPERTY = "reader_icon_theme"
LATER = "reader_icons_later"  # a window's property: draw its icons later (see decorate)
_SIZES = (16, 24, 32, 48, 64, 96)  # what menus and toolbars ask for, at every interface size


def names() -> list[str]:
    """Every drawing shipped."""
    return sorted(path.stem for path in ICON_DIR.glob("*.svg"))


def svg(name: str, colour: str) -> str:
    """The drawing ``name`` in ``colour``."""
    return _drawing(name).replace(INK, colour)


@cache
def _drawing(name: str) -> str:
    return (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")


def pixmap(name: str, colour: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg(name, colour).encode("utf-8")))
    image = QPixmap(size, size)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def icon(name: str, theme: Theme) -> QIcon:
    """The drawing ``name`` in ``theme``'s text colour, and its disabled colour when disabled."""
    return QIcon(_ThemedDrawing(name, theme))


class _ThemedDrawing(QIconEngine):
    """Draws an icon at the size and in the state asked for, when first asked for.

    Drawing every command's icon at every size and state up front cost about 100 ms of the start,
    before the first paint, for pixmaps mostly never shown."""

    def __init__(self, name: str, theme: Theme) -> None:
        super().__init__()
        self.name = name
        self.theme = theme
        self._drawn: dict[tuple[int, str], QPixmap] = {}

    def _colour(self, mode: QIcon.Mode, state: QIcon.State) -> str:
        if mode == QIcon.Mode.Disabled:
            return self.theme.disabled_text
        # a checked button (Contents shown) takes the selection's colours: its icon must too
        if mode == QIcon.Mode.Selected or state == QIcon.State.On:
            return self.theme.selection_text
        return self.theme.button_text

    def _pixmap(self, side: int, colour: str) -> QPixmap:
        key = (side, colour)
        if key not in self._drawn:
            self._drawn[key] = pixmap(self.name, colour, side)
        return self._drawn[key]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self._pixmap(max(1, min(size.width(), size.height())), self._colour(mode, state))

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        side = max(1, round(min(size.width(), size.height()) * scale))
        drawn = self._pixmap(side, self._colour(mode, state))
        if scale == 1:
            return drawn
        image = QPixmap(drawn)  # a copy: the ratio is its own
        image.setDevicePixelRatio(scale)
        return image

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(side, side) for side in _SIZES]

    def clone(self) -> QIconEngine:
        return _ThemedDrawing(self.name, self.theme)


def decorate(window: QWidget, theme: Theme) -> int:
    """Give every command of ``window`` that has a drawing its icon in ``theme``; returns how many.

    Nothing, while the window's property :data:`LATER` is true: it is starting, shows no icon yet
    (toolbars show words) and draws them once its text is on screen."""
    if window.property(LATER):
        return 0
    done = 0
    window.setProperty(THEME_PROPERTY, theme.name)
    for action in window.findChildren(QAction):
        drawing = action.property(DRAWING_PROPERTY) or COMMANDS.get(action.objectName())
        if drawing is not None:
            action.setIcon(icon(drawing, theme))
            done += 1
    return done


def redraw(action: QAction, drawing: str) -> None:
    """Give ``action`` another drawing (Play to Pause), in the theme its window was last decorated with."""
    if action.property(DRAWING_PROPERTY) == drawing:
        return
    action.setProperty(DRAWING_PROPERTY, drawing)
    window = action.parent()
    name = window.property(THEME_PROPERTY) if isinstance(window, QWidget) else None
    if isinstance(name, str):
        action.setIcon(icon(drawing, themes.get(name)))


def file_for(name: str, colour: str) -> Path:
    """The drawing ``name`` in ``colour`` as a file, for stylesheets (written once, then reused)."""
    path = paths.cache_dir() / "icons" / f"{name}-{colour.lstrip('#')}.svg"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(path, svg(name, colour).encode("utf-8"))
    return path
