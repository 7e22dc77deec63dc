"""File › Save as a talking book…: where to, progress with Cancel, and a plain message at the end.

The book is made by :func:`reader.book.build.build_book` on a QThread; this module only asks
where to save, shows progress and says how it went. It adds its one command to the File menu
itself, so the window needs a single line to have it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStandardPaths, Qt, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from reader.book.build import BookResult, build_book, file_size, listening_time
from reader.speech.engine import SpeechEngine
from reader.speech.export import ExportCancelled
from reader.ui import actions as action_registry
from reader.ui.actions import ActionSpec

if TYPE_CHECKING:
    from reader.model import Guide
    from reader.speech.pronounce import Lexicon
    from reader.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("TalkingBook", text)


SPECS: list[ActionSpec] = [
    ActionSpec("save_talking_book", "Save as a &talking book…", "file", None,
               "Save the whole guide as an EPUB 3 book for phones and talking-book players: the text, "
               "highlighted sentence by sentence as the voice reads it"),
]


class BookChooser:
    """Asks where to save the book; tests replace it so no native dialog opens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.folder = (QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                       or str(Path.home()))

    def save_file(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, tr("Save as a talking book"),
                                              str(Path(self.folder) / suggested),
                                              tr("EPUB talking book (*.epub)"))
        if not path:
            return None
        chosen = Path(path)
        if chosen.suffix.lower() != ".epub":
            chosen = chosen.with_suffix(".epub")
        self.folder = str(chosen.parent)
        return chosen


class BookWorker(QThread):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)  # BookResult
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, guide: Guide, target: Path, engine: SpeechEngine, *, voice: str, rate: int,
                 lexicon: Lexicon | None, narrator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.guide, self.target, self.engine = guide, target, engine
        self.voice, self.rate, self.lexicon, self.narrator = voice, rate, lexicon, narrator
        self.cancel = threading.Event()

    def run(self) -> None:
        try:
            result = build_book(self.guide, self.target, engine=self.engine, voice=self.voice, rate=self.rate,
                                lexicon=self.lexicon, progress=self.progressed.emit, cancel=self.cancel,
                                narrator=self.narrator)
        except ExportCancelled:
            self.cancelled.emit()
        except Exception as error:  # a full disk, a bad voice: all reach the listener
            self.failed.emit(str(error) or error.__class__.__name__)
        else:
            self.succeeded.emit(result)


def describe(result: BookResult) -> str:
    return tr("Saved {path}\n\n{size}, {time} of listening, {count} sections. Copy it to a phone or "
              "talking-book player and open it in an app that plays EPUB 3 read-aloud books.").format(
        path=result.path, size=file_size(result.size), time=listening_time(result.duration_ms),
        count=result.sections)


class TalkingBookUi(QObject):
    """Adds File › Save as a talking book… to a :class:`MainWindow`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.chooser = BookChooser(window)
        self.worker: BookWorker | None = None
        self.dialog: QProgressDialog | None = None
        self.actions = action_registry.create_actions(window, SPECS, {"save_talking_book": self.save})
        file_menu = window.menus["file"]
        quit_action = window.actions["quit"]
        file_menu.insertAction(quit_action, self.actions["save_talking_book"])
        file_menu.insertSeparator(quit_action)
        window.installEventFilter(self)

    def save(self) -> None:
        if self.worker is not None:
            return
        speech = self.window.speech
        engine = speech.controller.engine
        if engine is None:  # the same message reading aloud gives
            speech.explain_unavailable()
            return
        target = self.chooser.save_file(f"{self.window.guide.title}.epub".replace("/", "-"))
        if target is None:
            return
        settings = self.window.settings
        voice = settings.get("speech_voice") or engine.default_voice(self.window.guide.language)
        names = {v.id: v.name for v in engine.voices()}
        narrator = f"{names.get(voice, voice)} ({engine.name}, a synthetic voice)"
        self.worker = BookWorker(self.window.guide, target, engine, voice=voice, rate=speech.controller.rate,
                                 lexicon=speech.lexicon(), narrator=narrator, parent=self)
        self.dialog = self._progress_dialog(self.worker)
        self.worker.succeeded.connect(lambda result: self.window.messages.information(
            tr("Saved as a talking book"), describe(result)))
        self.worker.failed.connect(lambda message: self.window.messages.warning(
            tr("Could not save the talking book"),
            tr("The talking book could not be saved: {error}").format(error=message)))
        self.worker.cancelled.connect(lambda: self.window.statusBar().showMessage(
            tr("Saving the talking book was cancelled; no unfinished file was left behind."), 10000))
        self.worker.finished.connect(self._done)
        self.actions["save_talking_book"].setEnabled(False)
        self.worker.start()

    def _progress_dialog(self, worker: BookWorker) -> QProgressDialog:
        dialog = QProgressDialog(tr("Preparing the talking book…"), tr("Cancel"), 0, 1, self.window)
        dialog.setObjectName("talking_book_progress")
        dialog.setWindowTitle(tr("Saving as a talking book"))
        dialog.setAccessibleName(tr("Saving as a talking book"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(worker.cancel.set)

        def progressed(done: int, total: int, title: str) -> None:
            dialog.setMaximum(max(1, total))
            dialog.setValue(done)
            dialog.setLabelText(tr("Reading “{title}” into the book… ({percent}%)").format(
                title=title, percent=done * 100 // max(1, total)))

        worker.progressed.connect(progressed)
        for signal in (worker.succeeded, worker.failed, worker.cancelled):
            signal.connect(dialog.close)
        return dialog

    def _done(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
            self.worker = None
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.actions["save_talking_book"].setEnabled(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    def shutdown(self) -> None:
        """Stop a build in progress (the window is closing); nothing is left under the target name."""
        if self.worker is not None:
            self.worker.cancel.set()
            self.worker.wait(5000)
