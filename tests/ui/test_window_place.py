"""The window opens within the screen: maximised the first time on a small screen, brought back if saved off it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from reader import paths
from reader.settings import Settings
from reader.ui import window_place
from reader.ui.main_window import MainWindow


def test_first_start_on_the_small_test_screen_is_maximised(guide, messages, qtbot) -> None:
    window = MainWindow(guide, Settings(paths.settings_file()), messages=messages)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    free = window.screen().availableGeometry()
    assert free.width() < 1400  # the offscreen screen is 800 pixels wide
    assert window.isMaximized()
    assert window.width() <= free.width() and window.height() <= free.height()


def test_a_window_saved_off_screen_comes_back(qtbot) -> None:
    probe = QWidget()
    qtbot.addWidget(probe)
    free = QApplication.primaryScreen().availableGeometry()
    probe.setGeometry(free.right() + 500, free.bottom() + 500, 400, 300)  # a monitor no longer attached
    placement = window_place.fit(probe, restored=True)
    assert placement is not None and not placement.maximise
    assert free.contains(QRect(probe.geometry()))
    assert (probe.width(), probe.height()) == (400, 300)


def test_a_saved_place_on_screen_is_kept_after_a_restart(guide, messages, qtbot) -> None:
    settings = Settings(paths.settings_file())
    first = MainWindow(guide, settings, messages=messages, remember=False)
    qtbot.addWidget(first)
    first.setWindowState(Qt.WindowState.WindowNoState)
    first.setGeometry(40, 60, 640, 480)
    settings.set("window_geometry", bytes(first.saveGeometry().toBase64()).decode("ascii"))
    settings.save()
    again = MainWindow(guide, Settings(paths.settings_file()), messages=messages)
    qtbot.addWidget(again)
    assert not again.isMaximized()
    assert (again.width(), again.height()) == (640, 480)
