"""The one toolbar: icons and words, a search box, Play/Pause in one place, nothing hidden in "»"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from reader import interface_size
from reader.speech.narrator import State
from reader.ui import interface_scale, look
from reader.ui.search_panel import SearchBox
from tests.ui import layout_check


@pytest.fixture(autouse=True)
def light_and_normal_after(qapp, monkeypatch):
    monkeypatch.setattr(look, "system_theme", lambda app=None: "light")
    yield
    interface_scale.apply(qapp, interface_size.NORMAL)


def _window(make_window, width: int, height: int, percent: int = 100):
    from reader import paths
    from reader.settings import Settings

    settings = Settings(paths.settings_file())
    settings.set("interface_size", percent)
    settings.save()
    window = make_window(width, height)
    QApplication.processEvents()
    QApplication.processEvents()
    return window


def _shown(window) -> list[str]:
    return [a.objectName() for a in window.toolbar.actions()
            if a.objectName() and window.toolbar.widgetForAction(a) is not None]


def test_a_wide_window_shows_every_command_with_words_and_icons(make_window) -> None:
    window = _window(make_window, 1366, 768)
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert _shown(window) == ["show_contents", "back", "previous_section", "next_section", "speech_play",
                              "speech_stop", "smaller_text", "larger_text", "reading_settings"]
    button = window.toolbar.widgetForAction(window.actions["next_section"])
    assert not button.icon().isNull() and button.text() == "Next"
    assert button.accessibleName() == "Next section"
    assert not window.findChild(QToolButton, "toolbar_more").isVisible()


@pytest.mark.parametrize(("width", "percent"), [(1024, 100), (800, 100), (800, 200), (1024, 300), (800, 300)])
def test_nothing_hides_in_the_overflow_and_what_moves_is_in_a_labelled_more_menu(make_window, width, percent) -> None:
    window = _window(make_window, width, 600, percent)
    assert layout_check.overflowing_toolbar_commands(window.toolbar) == []
    assert not window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button").isVisible()
    more = window.findChild(QToolButton, "toolbar_more")
    moved = [a.objectName() for a in more.menu().actions()]
    assert set(moved) == set(window.toolbar_room.in_more)
    if moved:
        assert more.isVisible() and more.text() == "More" and more.accessibleName() == "More commands"
    every = {"show_contents", "back", "previous_section", "next_section", "speech_play", "speech_stop",
             "smaller_text", "larger_text", "reading_settings"}
    assert set(_shown(window)) | set(moved) == every, "every toolbar command is on it or in More"
    area = QRect(window.mapToGlobal(window.rect().topLeft()), window.size())
    for action in window.toolbar.actions():
        widget = window.toolbar.widgetForAction(action)
        if widget is not None and widget.isVisible():
            assert layout_check.off_screen(widget, area) is None


def test_short_of_room_the_buttons_keep_their_names_as_tooltips_and_for_screen_readers(make_window) -> None:
    window = _window(make_window, 800, 600, 200)
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    button = window.toolbar.widgetForAction(window.actions["next_section"])
    assert button.accessibleName() == "Next section" and "section after this one" in button.toolTip()


def test_play_pause_keeps_its_place_and_stop_never_moves(make_window, monkeypatch) -> None:
    window = _window(make_window, 1366, 768)
    now = {"state": State.STOPPED}
    monkeypatch.setattr(type(window.speech.controller), "state", property(lambda _self: now["state"]))
    play = window.toolbar.widgetForAction(window.actions["speech_play"])
    stop = window.toolbar.widgetForAction(window.actions["speech_stop"])
    places, texts = set(), set()
    for state in (State.STOPPED, State.PLAYING, State.PAUSED, State.STOPPED):
        now["state"] = state
        window.speech._update()
        QApplication.processEvents()
        places.add((play.x(), play.width(), stop.x()))
        assert play.width() >= play.sizeHint().width() - 2, play.text()
        texts.add(play.text())
    assert len(places) == 1 and texts == {"Read aloud", "Pause", "Carry on"}


def test_typing_in_the_toolbar_search_box_searches_and_opens_the_panel(make_window, qtbot) -> None:
    window = _window(make_window, 1366, 768)
    box = window.findChild(SearchBox, "toolbar_search")
    assert box.accessibleName() == "Search the guide" and box.isVisible()
    box.setFocus()
    qtbot.keyClicks(box, "Lochside")
    assert window.search.dock.isVisible() and box.hasFocus(), "the panel opens; the typing stays in the box"
    qtbot.waitUntil(lambda: window.search.panel.results.count() > 0, timeout=20000)
    assert window.search.panel.box.text() == "Lochside"
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert window.search.panel.results.hasFocus()


@pytest.mark.parametrize("percent", [100, 200])
def test_the_search_boxes_are_as_high_as_a_line_edit_in_every_theme(make_window, percent) -> None:
    """They are one-line plain-text boxes (Orca says their selection whole), shaped as line edits."""
    from PySide6.QtWidgets import QLineEdit

    from reader import themes

    window = _window(make_window, 1366, 768, percent)
    window.search.dock.show()
    for theme in themes.THEMES.values():
        look.apply_theme(theme, window)
        QApplication.processEvents()
        for box in (window.findChild(SearchBox, "toolbar_search"), window.search.panel.box):
            probe = QLineEdit(box.parentWidget())  # styled as the box is
            probe.setPlaceholderText(box.placeholderText())
            probe.show()
            QApplication.processEvents()
            assert box.height() == probe.sizeHint().height(), (theme.name, box.objectName())
            assert box.viewport().height() >= box.fontMetrics().lineSpacing(), "the line shows whole"
            probe.deleteLater()


def test_tab_goes_through_the_toolbar_in_order(make_window, qtbot) -> None:
    window = _window(make_window, 1366, 768)
    first = window.toolbar.widgetForAction(window.actions["show_contents"])
    first.setFocus(Qt.FocusReason.TabFocusReason)
    reached = []
    for _ in range(6):
        reached.append(QApplication.focusWidget().objectName())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert reached[:5] == ["toolbar_show_contents", "toolbar_back", "toolbar_previous_section",
                           "toolbar_next_section", "toolbar_search"] or "toolbar_search" in reached
