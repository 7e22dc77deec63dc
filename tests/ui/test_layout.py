"""Every window, panel, dialog and menu on the laptops readers have, at normal and the largest interface size.

The screens: 1366×768, 1024×600, and 800×600 (a 1600×1200 screen at 200 % system scaling, as
the program sees it). Uses :mod:`tests.ui.layout_check`. The toolbar drops its words and then
moves commands into "More" rather than hide them; the side panes give way so the page keeps 45
characters; menus that cannot fit at 400 % are drawn at the largest size that does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QDockWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
)

from reader import interface_size
from reader.speech.fake import FakeEngine
from reader.speech.prepare import prepare_section
from reader.ui import interface_scale, look
from reader.ui.audio_export import ExportProgress, ExportWorker
from reader.ui.comfort import Prompts
from tests.ui import layout_check

SMALL = QRect(0, 0, 1024, 600)
SCREENS = {"1366x768": QRect(0, 0, 1366, 768), "1024x600": SMALL, "800x600": QRect(0, 0, 800, 600)}
SIZES = [interface_size.NORMAL, interface_size.MAXIMUM]
# The smallest size a menu is drawn at, at 400 %, when it is too wide or tall for the screen at full size.
# 45 characters of a 400 % menu entry and its key need more than 1,100 pixels; nine entries need 750.
LEAST_MENU_SIZE = {"1366x768": 400, "1024x600": 275, "800x600": 175}


@pytest.fixture(autouse=True)
def light_and_normal_after(qapp, monkeypatch):
    monkeypatch.setattr(look, "system_theme", lambda app=None: "light")
    yield
    interface_scale.apply(qapp, interface_size.NORMAL)


@pytest.fixture
def small_window(make_window):
    def make(percent: int, screen: str = "1024x600"):
        from reader import paths
        from reader.settings import Settings

        settings = Settings(paths.settings_file())
        settings.set("interface_size", percent)
        settings.save()
        area = SCREENS[screen]
        window = make_window(area.width(), area.height())
        window.move(0, 0)
        QApplication.processEvents()
        return window
    return make


def _area(window) -> QRect:
    return QRect(window.mapToGlobal(window.rect().topLeft()), window.size())


def _screen(window, screen: str) -> QRect:
    """The laptop's screen, where the window stands: the window must not grow past it."""
    return QRect(window.mapToGlobal(window.rect().topLeft()), SCREENS[screen].size())


def test_the_checker_finds_a_cut_button_and_a_narrow_column(small_window, qtbot) -> None:
    window = small_window(100)
    button = window.comfort.settings_form.reset_button
    window.comfort.toggle_settings_panel()
    button.setFixedWidth(40)
    QApplication.processEvents()
    found = layout_check.problems(window, _area(window))
    assert any("Reset to defaults" in problem and "text cut" in problem for problem in found)
    window.view.setFixedWidth(200)  # the window itself never squeezes the page so: force it
    QApplication.processEvents()
    assert any("reading column" in problem for problem in layout_check.problems(window, _area(window)))


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("percent", SIZES)
def test_main_window_shows_everything_whole(small_window, percent, screen) -> None:
    window = small_window(percent, screen)
    assert layout_check.problems(window, _screen(window, screen)) == []


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("percent", SIZES)
def test_menus_fit_the_screen_at_the_largest_size_they_can(small_window, percent, screen) -> None:
    window = small_window(percent, screen)
    area = SCREENS[screen]
    window.menu_fit.room = lambda: QSize(area.width(), area.height())  # the screen the test stands for
    window.menu_fit.fit_all()
    drawn = {}
    for menu in window.menuBar().findChildren(QMenu):
        window.menu_fit.fit(menu)  # as when it opens
        assert layout_check.menu_problems(menu, area) == []
        drawn[menu.title()] = round(percent * menu.font().pointSizeF() / QApplication.font().pointSizeF())
    least = LEAST_MENU_SIZE[screen] if percent == interface_size.MAXIMUM else percent
    assert min(drawn.values()) >= least - 1, drawn
    assert layout_check.problems(window.menuBar(), area) == [], "every menu's title shows, none behind a »"


def _open(window, panel: str) -> None:
    {"search": window.search.show_and_focus, "settings": window.comfort.toggle_settings_panel,
     "bookmarks": window.comfort.toggle_bookmarks_panel}[panel]()
    QApplication.processEvents()


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("percent", [*SIZES, 300])
@pytest.mark.parametrize("panel", ["search", "settings", "bookmarks"])
def test_panels_show_their_controls_whole(small_window, panel, percent, screen) -> None:
    window = small_window(percent, screen)
    _open(window, panel)
    assert window.size() == SCREENS[screen].size(), "opening a panel never makes the window outgrow the screen"
    assert layout_check.problems(window, _screen(window, screen), check_column=False) == []
    dock = next(d for d in window.findChildren(QDockWidget) if d.isVisible())
    close = dock.findChild(QAbstractButton, "qt_dockwidget_closebutton")
    title_room = dock.width() - close.width() - 16
    assert dock.fontMetrics().horizontalAdvance(dock.windowTitle()) <= title_room, "the panel's title is whole"


# Where a panel cannot lie beside a page of 45 characters, it opens over the page (measured: the
# page needs about 520 pixels at 300 %; at 400 % every panel needs more than 500). The settings,
# whose names wrap, lie beside the page at 400 % on 1366.
# At 300 % on 1024 pixels every panel is taller than the window, so it scrolls: with the scroll bar
# search and bookmarks need 495 pixels beside the page's 514, three more than the window has; the
# settings need 533, 41 more (their widest row is the font list, whose arrow grows as a number box's does).
COVERED = {
    ("search", 300, "1024x600"), ("bookmarks", 300, "1024x600"), ("settings", 300, "1024x600"),
    ("search", 300, "800x600"), ("bookmarks", 300, "800x600"), ("settings", 300, "800x600"),
    ("search", 400, "1024x600"), ("bookmarks", 400, "1024x600"), ("settings", 400, "1024x600"),
    ("search", 400, "800x600"), ("bookmarks", 400, "800x600"), ("settings", 400, "800x600"),
}


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("percent", [*SIZES, 300])
@pytest.mark.parametrize("panel", ["search", "settings", "bookmarks"])
def test_with_a_panel_open_the_page_keeps_45_characters(small_window, panel, percent, screen) -> None:
    window = small_window(percent, screen)
    _open(window, panel)
    if (panel, percent, screen) not in COVERED:
        assert not window.pane_fit.room.page_covered
        assert layout_check.column_characters(window.view) >= layout_check.MIN_COLUMN_CHARACTERS
        if panel == "settings":
            assert window.comfort.settings_dock.widget().horizontalScrollBar().maximum() == 0, "nor sideways"
        return
    # No room for both: the panel lies over the page, whole, until it is closed; then the page is back, whole.
    assert window.pane_fit.room.page_covered and not window.view.isVisible()
    if panel == "settings":
        scroll = window.comfort.settings_dock.widget()
        assert scroll.horizontalScrollBar().maximum() == 0, "the settings never scroll sideways"
    next(d for d in window.findChildren(QDockWidget) if d.isVisible()).hide()
    QApplication.processEvents()
    assert window.view.isVisible()
    assert layout_check.column_characters(window.view) >= layout_check.MIN_COLUMN_CHARACTERS


@pytest.mark.parametrize("text_size", [100, 200])
def test_without_panels_the_page_keeps_45_characters_at_any_text_size(small_window, text_size) -> None:
    window = small_window(100)
    window.set_text_size(text_size)
    QApplication.processEvents()
    assert layout_check.column_characters(window.view) >= layout_check.MIN_COLUMN_CHARACTERS


def test_at_400_percent_text_the_page_takes_the_whole_width(small_window) -> None:
    """45 characters of 72-pixel text need about 1,600 pixels: on 1024 no column can hold them. The best
    possible instead: the contents give way, the page takes the whole width, nothing scrolls sideways."""
    window = small_window(100)
    window.set_text_size(400)
    QApplication.processEvents()
    assert not window.contents.isVisible()
    assert window.view.width() >= window.width() - 4
    assert window.view.horizontalScrollBar().maximum() == 0
    _open(window, "search")
    assert window.view.width() >= window.width() - 4 or not window.view.isVisible(), "the panel covers the page"
    window.search.open_passage("foreword", "")  # done: the panel closes and the page is back, whole
    QApplication.processEvents()
    assert window.view.isVisible() and not window.search.dock.isVisible()
    assert window.view.width() >= window.width() - 4


@pytest.mark.parametrize("width", [560, 720])
def test_headings_break_only_between_words_and_shrink_to_fit(qtbot, width) -> None:
    from reader import paths, reading_style
    from reader.settings import Settings
    from reader.ui.reading_view import ReadingView

    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(width, 600)
    view.show()
    style = reading_style.from_settings(Settings(paths.settings_file()), text_size=400)
    view.show_html('<p class="h1">Foreword</p><p>We do more as one.</p>', style)
    QApplication.processEvents()
    heading = view.document().begin()
    line = heading.layout().lineAt(0)
    assert heading.text()[line.textStart():line.textStart() + line.textLength()].strip() == "Foreword"
    assert view.horizontalScrollBar().maximum() == 0
    assert view.style_shown.heading_size(1) >= style.size, "never smaller than the body text"


@pytest.mark.parametrize("percent", SIZES)
def test_settings_panel_labels_and_lists_are_whole(small_window, percent) -> None:
    window = small_window(percent)
    window.comfort.toggle_settings_panel()
    window.comfort.settings_form.controls["font_family"].setCurrentIndex(
        window.comfort.settings_form.controls["font_family"].findText("OpenDyslexic"))
    QApplication.processEvents()
    form = window.comfort.settings_form
    assert layout_check.problems(form, _area(window), check_position=False) == []


@pytest.mark.parametrize("percent", SIZES)
def test_preferences_dialog_fits_and_shows_everything_whole(small_window, percent) -> None:
    window = small_window(percent)
    dialog = window.comfort.show_preferences()
    QApplication.processEvents()
    free = dialog.screen().availableGeometry()  # the test screen, 800×800; screenshots check 800×600
    assert dialog.width() <= free.width() and dialog.height() <= free.height() * 0.9
    assert dialog.minimumSizeHint().height() <= 600 * 0.95, "it could be made to fit a 600-pixel screen"
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert layout_check.off_screen(close, free) is None
    assert layout_check.problems(dialog, SMALL, check_position=False) == []
    pages = dialog.findChild(QTabWidget)
    assert pages.currentWidget().horizontalScrollBar().maximum() == 0, "the settings never scroll sideways"
    pages.setCurrentIndex(1)  # the keys: their buttons stack rather than widen the dialog past the screen
    QApplication.processEvents()
    assert layout_check.problems(dialog, SMALL, check_position=False) == []
    assert pages.currentWidget().horizontalScrollBar().maximum() == 0, "nor do the keys"
    dialog.close()


@pytest.mark.parametrize("percent", SIZES)
def test_bookmark_dialog_shows_the_whole_suggested_name(small_window, percent) -> None:
    window = small_window(percent)
    name = "Lochside Neighbourhood Group: How the group began"
    dialog = Prompts(window).text_dialog("Add bookmark", "Name of the bookmark:", name)
    dialog.show()
    QApplication.processEvents()
    box = dialog.findChild(QPlainTextEdit)  # one line (see reader/ui/one_line.py)
    need = box.fontMetrics().horizontalAdvance(name)
    assert box.contentsRect().width() >= min(need, 600), "the box is as wide as the name, or the screen allows"
    assert layout_check.problems(dialog, SMALL, check_position=False) == []
    dialog.close()


@pytest.mark.parametrize("percent", SIZES)
def test_export_progress_shows_cancel_and_its_title_whole(small_window, guide, percent) -> None:
    window = small_window(percent)
    script = prepare_section(guide.get("permanent-secretary-interview"))
    worker = ExportWorker(FakeEngine(), [script], Path("never-written.wav"), whole_guide=False, voice="",
                          rate=175, album="")
    progress = ExportProgress(worker, window)
    progress.show()
    QApplication.processEvents()
    assert layout_check.problems(progress, SMALL, check_position=False) == []
    title = progress.windowTitle() + " — " + QApplication.applicationDisplayName()
    system_font = QFont(progress.font())  # the title bar is the system's, in its own font, at 100 %
    system_font.setPointSizeF(system_font.pointSizeF() * 100 / percent)
    assert progress.width() >= QFontMetrics(system_font).horizontalAdvance(title)
    assert progress.width() <= progress.screen().availableGeometry().width()
    progress.close()


@pytest.mark.parametrize("percent", SIZES)
def test_message_boxes_grow_and_fit(small_window, percent) -> None:
    window = small_window(percent)
    box = QMessageBox(QMessageBox.Icon.Warning, "No sound", "No sound output could be opened, so the reader "
                      "cannot read aloud here.", QMessageBox.StandardButton.Ok, window)
    QTimer.singleShot(0, box.close)
    box.show()
    QApplication.processEvents()
    assert box.width() <= SMALL.width()
    assert layout_check.problems(box, SMALL, check_position=False) == []
    box.close()


def test_panel_title_bars_grow_with_the_interface_at_once(small_window) -> None:
    window = small_window(100)
    window.search.show_and_focus()
    QApplication.processEvents()
    dock = window.search.dock
    before = dock.widget().geometry().top()  # the title bar's height
    window.comfort.choose("interface_size", 300)
    for _ in range(3):
        QApplication.processEvents()
    assert dock.widget().geometry().top() >= 2 * before


@pytest.mark.parametrize("text_size", [100, 200, 300])
def test_the_contents_never_cut_a_word(small_window, text_size) -> None:
    window = small_window(100)
    window.set_text_size(text_size)
    QApplication.processEvents()
    if not window.contents.isVisible():
        return  # gave way to the page
    metrics = window.contents.fontMetrics()
    widest = max(metrics.horizontalAdvance(word) for word in ["North", "Lanarkshire", "Neighbourhood"])
    assert window.contents.viewport().width() >= widest + 2 * window.contents.indentation()
