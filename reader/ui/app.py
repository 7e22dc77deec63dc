"""Start the reader's window: the application object, the guide, the settings."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import APP_ID, APP_NAME, paths
from reader.library import Library, open_for_start, open_library
from reader.loader import ContentError
from reader.peak_memory import peak_rss_kb
from reader.settings import Settings
from reader.translatable import message_of
from reader.ui import interface_scale, translation
from reader.ui.first_paint import after_first_paint
from reader.ui.i18n import tr, translated
from reader.ui.main_window import MainWindow

STARTUP_PROBE_ENV = "COPRODUCTION_READER_STARTUP_PROBE"


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    return app


class _FirstPaintProbe(QObject):
    """For bench/startup.py: report when the text is first painted, then quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        # The CPU time to the paint too: a busy machine inflates it far less than the time on the clock.
        print(json.dumps({"painted_at": time.time(), "cpu_seconds": time.process_time(),
                          "max_rss_kb": peak_rss_kb()}), flush=True)
        QApplication.quit()


def check_after_first_paint(window: MainWindow, library: Library) -> None:
    """A library listed quickly (``open_library(quick=True)``) has its files checked one by one just
    after the first paint; an edit made in place since the last start then shows in the window."""
    after_first_paint(window.view.viewport(),
                      lambda: window.isVisible() and window.added_content.check_quick_listing(library))


def list_packs_after_first_paint(window: MainWindow) -> None:
    """For a window opened on the bundled guide alone (:func:`reader.library.open_for_start`): list the
    packs just after the first paint, before anything else waiting for it, and show their sections."""

    def list_packs() -> None:
        if not window.isVisible():
            return
        try:
            library = open_library(quick=True)
        except ContentError:  # the guide itself broke since the page was shown: keep what is shown
            return
        if library.guide != window.guide:  # the lines of the contents that are shown stay where they are
            window.context.change_sections(library.guide, outside=True)
        _after_listing(window, library)

    after_first_paint(window.view.viewport(), list_packs, first=True)


def _after_listing(window: MainWindow, library: Library) -> None:
    check_after_first_paint(window, library)
    if library.problems:
        QTimer.singleShot(0, lambda: window.messages.warning(tr("Some added content was left out"),
                                                             "\n\n".join(map(translated, library.problems))))


def run_app(language: str | None = None, on_first_paint: Callable[[], object] | None = None) -> int:
    """Open the window; ``language`` chooses the translation (see :mod:`reader.ui.translation`);
    ``on_first_paint`` runs once the page is on screen, before anything else waiting for it."""
    app = application()
    translation_problems = translation.install(language)
    settings = Settings(paths.settings_file())
    try:
        # Folders listed from the cache after checking only their manifests and folders: their files
        # are checked one by one just after the first paint; often the packs are listed only then.
        library, packs_later = open_for_start(settings.get("last_section"))
    except ContentError as error:
        QMessageBox.critical(None, tr("The guide could not be opened"),
                             tr("A content file has a problem, so the reader cannot open:\n\n{error}")
                             .format(error=translated(message_of(error))))
        return 1
    # Before any widget exists: a few (the panels' title bars) take their font only when made.
    interface_scale.apply(app, settings.get("interface_size"))
    window = MainWindow(library.guide, settings)
    probe = None
    if os.environ.get(STARTUP_PROBE_ENV):
        window.remember = False
        probe = _FirstPaintProbe()
        window.view.viewport().installEventFilter(probe)
    # However the application ends (the session logging out, say), the window saves the reader's
    # place and stops its worker threads.
    app.aboutToQuit.connect(window.close)
    window.show()
    for problem in translation_problems:
        QTimer.singleShot(0, lambda problem=problem: window.messages.warning(tr("Translation not loaded"), problem))
    if settings.problem:
        QTimer.singleShot(0, lambda: window.messages.warning(tr("Settings reset"), translated(settings.problem or "")))
    if packs_later:
        list_packs_after_first_paint(window)
    else:
        _after_listing(window, library)
    if on_first_paint is not None:
        after_first_paint(window.view.viewport(), on_first_paint, first=True)
    # The bookmarks are read once the page is on screen, with the rest of reading comfort.
    after_first_paint(window.view.viewport(), lambda: _warn_bookmarks_reset(window))
    return app.exec()


def _warn_bookmarks_reset(window: MainWindow) -> None:
    for problem in window.comfort.startup_problems():
        QTimer.singleShot(0, lambda problem=problem: window.messages.warning(tr("Bookmarks reset"),
                                                                             translated(problem)))
