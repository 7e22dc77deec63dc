"""Put a theme on the whole application: palette, focus outlines, bundled fonts, system preference.

The colours come from :mod:`reader.themes`; this module only copies them into Qt. The
palette goes on the application; the stylesheet goes on the main window, so that it
replaces the window's untinted focus rules (:func:`reader.ui.style.focus_stylesheet`,
which it builds on) and reaches every dialog the window opens. It draws a thick focus
outline in the theme's focus colour (WCAG 2.4.7/2.4.13) and a visible edge on controls
(1.4.11); everything else is the palette.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from reader import interface_size, themes, typography
from reader.contrast import blend
from reader.themes import Theme
from reader.ui import icons, interface_scale
from reader.ui.style import focus_stylesheet

FOCUS_WIDTH = 3  # pixels; the edge of a control without focus is 1 pixel
_registered: dict[str, list[str]] = {}


def register_fonts() -> dict[str, list[str]]:
    """Make the bundled fonts known to Qt (once per process); returns file name → families loaded."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("fonts can be registered only once the application object exists")
    if not _registered:
        for path in typography.bundled_font_files():
            font_id = QFontDatabase.addApplicationFont(str(path))
            _registered[path.name] = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return _registered


def system_theme(app: QGuiApplication | None = None) -> str:
    """The theme the operating system asks for: high contrast if it says so, else dark or light."""
    if app is None:
        instance = QGuiApplication.instance()
        app = instance if isinstance(instance, QGuiApplication) else None
    if app is None:
        return themes.DEFAULT
    hints = app.styleHints()
    high = hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    scheme = hints.colorScheme()
    dark = None if scheme == Qt.ColorScheme.Unknown else scheme == Qt.ColorScheme.Dark
    return themes.for_system(dark, high)


def palette(theme: Theme) -> QPalette:
    """A full palette, including the shades Qt's Fusion style derives its bevels from."""
    c = {name: QColor(value) for name, value in theme.colours().items()}
    result = QPalette()
    roles = QPalette.ColorRole
    pairs = {
        roles.Window: c["window"], roles.WindowText: c["window_text"], roles.Base: c["base"],
        roles.AlternateBase: c["alternate_base"], roles.Text: c["text"], roles.Button: c["button"],
        roles.ButtonText: c["button_text"], roles.BrightText: c["text"], roles.Highlight: c["selection_background"],
        roles.HighlightedText: c["selection_text"], roles.Link: c["link"], roles.LinkVisited: c["visited_link"],
        roles.ToolTipBase: c["tooltip_background"], roles.ToolTipText: c["tooltip_text"],
        roles.PlaceholderText: c["placeholder_text"], roles.Accent: c["focus"],
        roles.Light: QColor(blend("#ffffff", theme.button, 0.5)), roles.Midlight: QColor(theme.button),
        roles.Mid: QColor(theme.border), roles.Dark: QColor(theme.border), roles.Shadow: QColor(theme.border),
    }
    for role, colour in pairs.items():
        result.setColor(role, colour)
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, c["disabled_text"])
    return result


def stylesheet(theme: Theme, percent: int = interface_size.NORMAL) -> str:
    """Focus outlines and control edges; widths stay constant so nothing moves when focus moves.

    Paddings, arrows and scroll bars grow with the interface size (``percent``); the outline
    stays 3 pixels so it never crowds the text. Disabled controls keep a dashed edge and a
    quieter colour in every theme, so they never look like the brightest thing on screen.
    ``outline: none`` stops Qt drawing its dotted focus rectangle across the label.
    """
    t = theme

    def px(value: float) -> int:
        return interface_size.scaled(value, percent)

    wide, thin = FOCUS_WIDTH, 1
    pad = wide - thin
    hover = blend(t.selection_background, t.button, 0.15)
    arrow, arrow_box = px(10), px(20)
    # Scroll bars stop growing at twice normal: wider, they would take the narrow panes' text room.
    bar = interface_size.scaled(16, min(percent, 200))
    up, down = (icons.file_for(name, t.button_text).as_posix() for name in ("arrow-up", "arrow-down"))
    up_off, down_off = (icons.file_for(name, t.disabled_text).as_posix() for name in ("arrow-up", "arrow-down"))
    tick, tick_off = icons.file_for("check", t.text).as_posix(), icons.file_for("check", t.disabled_text).as_posix()
    # a menu's tick and its arrow to a smaller menu, as large as its words
    right, right_selected = (icons.file_for("arrow-right", colour).as_posix()
                             for colour in (t.window_text, t.selection_text))
    return focus_stylesheet(t.focus, wide) + f"""
QPushButton, QToolButton {{ background-color: {t.button}; color: {t.button_text};
    border: {thin}px solid {t.border}; border-radius: 4px; padding: {px(3) + pad}px {px(8) + pad}px; }}
QPushButton, QToolButton, QCheckBox, QRadioButton {{ outline: none; }}
QPushButton:hover, QToolButton:hover {{ background-color: {hover}; }}
QPushButton:pressed, QToolButton:pressed, QToolButton:checked, QPushButton:checked {{
    background-color: {t.selection_background}; color: {t.selection_text}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {t.disabled_text}; background-color: {t.window};
    border: {thin}px dashed {t.disabled_text}; }}
QPushButton:focus, QToolButton:focus {{ border: {wide}px solid {t.focus}; padding: {px(3)}px {px(8)}px;
    outline: none; }}
QComboBox, QSpinBox, QDoubleSpinBox, QLineEdit, QPlainTextEdit {{ border: {thin}px solid {t.border}; border-radius: 3px;
    padding: {px(2) + pad}px; background-color: {t.base}; color: {t.text}; }}
QComboBox:focus, QSpinBox:focus, QDoubleSpinBox:focus, QLineEdit:focus,
QPlainTextEdit:focus {{ border: {wide}px solid {t.focus};
    padding: {px(2)}px; }}
QComboBox:disabled, QSpinBox:disabled, QDoubleSpinBox:disabled, QLineEdit:disabled,
QPlainTextEdit:disabled {{ color: {t.disabled_text};
    background-color: {t.window}; border: {thin}px dashed {t.disabled_text}; }}
QCheckBox:disabled, QRadioButton:disabled, QLabel:disabled {{ color: {t.disabled_text}; }}
QSpinBox, QDoubleSpinBox {{ padding-right: {arrow_box + px(2)}px; }}
QSpinBox::up-button, QDoubleSpinBox::up-button, QSpinBox::down-button, QDoubleSpinBox::down-button {{
    subcontrol-origin: border; width: {arrow_box}px; background-color: {t.button};
    border-left: {thin}px solid {t.border}; }}
QSpinBox::up-button, QDoubleSpinBox::up-button {{ subcontrol-position: top right; }}
QSpinBox::down-button, QDoubleSpinBox::down-button {{ subcontrol-position: bottom right; }}
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow {{ image: url({up}); width: {arrow}px; height: {arrow}px; }}
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow {{ image: url({down}); width: {arrow}px; height: {arrow}px; }}
QSpinBox::up-arrow:disabled, QDoubleSpinBox::up-arrow:disabled, QSpinBox::up-arrow:off,
QDoubleSpinBox::up-arrow:off {{ image: url({up_off}); }}
QSpinBox::down-arrow:disabled, QDoubleSpinBox::down-arrow:disabled, QSpinBox::down-arrow:off,
QDoubleSpinBox::down-arrow:off {{ image: url({down_off}); }}
QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: top right; width: {arrow_box}px;
    background-color: {t.button}; border-left: {thin}px solid {t.border}; }}
QComboBox::down-arrow {{ image: url({down}); width: {arrow}px; height: {arrow}px; }}
QComboBox::down-arrow:disabled {{ image: url({down_off}); }}
QComboBox QAbstractItemView {{ background-color: {t.base}; color: {t.text};
    selection-background-color: {t.selection_background}; selection-color: {t.selection_text}; }}
QCheckBox, QRadioButton {{ border: {wide}px solid transparent; padding: 1px; }}
QCheckBox:focus, QRadioButton:focus {{ border: {wide}px solid {t.focus}; outline: none; }}
QCheckBox::indicator {{ width: {px(16)}px; height: {px(16)}px; border: 2px solid {t.border};
    background-color: {t.base}; border-radius: 2px; }}
QCheckBox::indicator:checked {{ image: url({tick}); }}
QCheckBox::indicator:disabled {{ border: 2px dashed {t.disabled_text}; }}
QCheckBox::indicator:checked:disabled {{ image: url({tick_off}); }}
QTreeView, QListView, QTextBrowser, QTextEdit {{ border: {wide}px solid {t.base}; }}
QTreeView:focus, QListView:focus, QTextBrowser:focus, QTextEdit:focus {{ border: {wide}px solid {t.focus}; }}
QMenu {{ background-color: {t.window}; color: {t.window_text}; border: {max(thin, px(1))}px solid {t.border}; }}
{menu_spacing(percent)}
QMenu::item:disabled {{ color: {t.disabled_text}; }}
QMenu::separator {{ background-color: {t.border}; }}
QMenu::indicator {{ width: {px(16)}px; height: {px(16)}px; }}
QMenu::indicator:checked {{ image: url({tick}); }}
QMenu::right-arrow {{ image: url({right}); width: {px(12)}px; height: {px(12)}px; }}
QMenu::right-arrow:selected {{ image: url({right_selected}); }}
QMenu::item:selected, QMenuBar::item:selected {{ background-color: {t.selection_background};
    color: {t.selection_text}; }}
QScrollBar:vertical {{ background-color: {t.window}; width: {bar}px; margin: 0px; }}
QScrollBar:horizontal {{ background-color: {t.window}; height: {bar}px; margin: 0px; }}
QScrollBar::handle {{ background-color: {t.border}; border-radius: 4px; min-height: {px(32)}px;
    min-width: {px(32)}px; margin: 2px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QToolTip {{ background-color: {t.tooltip_background}; color: {t.tooltip_text}; border: 1px solid {t.border}; }}
QStatusBar QLabel {{ padding-left: {px(10)}px; }}
QStatusBar QLabel#location {{ padding-left: 0px; }}
"""


def menu_spacing(percent: int) -> str:
    """A menu's paddings at interface size ``percent``: they stop growing at :data:`~reader.interface_size.
    PADDING_LIMIT`, so a large menu keeps its words at full size and still fits a small screen."""

    def px(value: float) -> int:
        return interface_size.padding(value, percent)

    return (f"QMenu {{ padding: {px(2)}px; }} "
            f"QMenu::item {{ padding: {px(4)}px {px(24)}px {px(4)}px {px(12)}px; }} "
            f"QMenu::separator {{ height: 1px; margin: {px(3)}px {px(6)}px; }}")


def apply_theme(theme: Theme, window: QWidget, app: QApplication | None = None) -> None:
    """Colour the application with ``theme``: palette for all, stylesheet on ``window`` and its dialogs."""
    if app is None:
        instance = QApplication.instance()
        app = instance if isinstance(instance, QApplication) else None
    if app is None:
        return
    percent = interface_scale.current(app)
    if not isinstance(app.style(), interface_scale.ReaderStyle):
        app.setStyle(interface_scale.style(percent))  # Fusion: it draws from the palette alone everywhere
    # Each of these restyles every widget there is: skipped when nothing changes (the window sets its
    # theme before it has children, then Comfort applies the same one).
    colours = palette(theme)
    if app.palette() != colours:
        app.setPalette(colours)
    sheet = stylesheet(theme, percent)
    if window.styleSheet() != sheet:
        window.setStyleSheet(sheet)
    window.setProperty("reader_theme", theme.name)
    icons.decorate(window, theme)
