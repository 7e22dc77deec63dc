"""Widget tests: a real main window over the bundled guide, with message boxes recorded instead of shown."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader import paths
from reader.settings import Settings
from reader.ui.messages import LinkChoice


class RecordedMessages:
    """Stands in for the message service: remembers what the user would have been asked."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.link_choice = LinkChoice.CANCEL
        self.confirm_answer = True

    def web_link(self, url: str) -> LinkChoice:
        self.shown.append(("web_link", url, ""))
        return self.link_choice

    def warning(self, title: str, text: str) -> None:
        self.shown.append(("warning", title, text))

    def error(self, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def information(self, title: str, text: str) -> None:
        self.shown.append(("information", title, text))

    def confirm(self, title: str, text: str, accept: str) -> bool:
        self.shown.append(("confirm", title, text))
        return self.confirm_answer


@pytest.fixture
def messages() -> RecordedMessages:
    return RecordedMessages()


@pytest.fixture
def make_window(qtbot, guide, messages) -> Callable[..., object]:
    """Open a main window as the app does, reading settings from the test's own user folder."""
    from reader.ui import first_paint
    from reader.ui.main_window import LATER_FEATURES, MainWindow

    def make(width: int | None = None, height: int | None = None):
        window = MainWindow(guide, Settings(paths.settings_file()), messages=messages)
        qtbot.addWidget(window)
        if width and height:
            window.setWindowState(Qt.WindowState.WindowNoState)  # the first start maximises on a small screen
            window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        # As a user meets it: with the features built just after the first paint in place.
        qtbot.waitUntil(lambda: all(window.is_built(name) for name in LATER_FEATURES)
                        and not first_paint.waiting(window.view.viewport()), timeout=10000)
        QApplication.processEvents()
        return window

    return make


@pytest.fixture(scope="session", autouse=True)
def english(qapp):
    """The window in English, as the app starts it (plural forms included), whatever this computer's language."""
    from reader.ui import translation

    translation.install("en")


@pytest.fixture(autouse=True)
def collect_windows_while_qt_lives(qapp):
    """Free each test's widgets while the application still exists, not at interpreter exit."""
    yield
    import gc

    qapp.processEvents()
    gc.collect()
    qapp.processEvents()
