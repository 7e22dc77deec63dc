"""File › Save as a talking book…: where to, progress with Cancel, and a plain message at the end.

The book is made by :func:`reader.book.build.build_book` on a QThread; this module only asks
where to save, shows progress and says how it went. It adds its one command to the File menu
through the window context, so the window needs a single line to have it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.book.build import BookResult, build_book, file_size, listening_time
from reader.speech.engine import SpeechEngine
from reader.speech.export import ExportCancelled
from reader.translatable import message_of
from reader.ui import save_places
from reader.ui.context import WindowContext
from reader.ui.i18n import tr, translated

if TYPE_CHECKING:
    from reader.model import Guide
    from reader.speech.pronounce import Lexicon


class BookChooser:
    """Asks where to save the book (Documents, then wherever the last one went); tests replace it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def save_file(self, suggested: str) -> Path | None:
        return save_places.ask_save_path(self.parent, "book", tr("Save as a talking book"), suggested,
                                         tr("EPUB talking book (*.epub)"), (".epub",))


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
            self.failed.emit(translated(message_of(error)) or error.__class__.__name__)
        else:
            self.succeeded.emit(result)


def describe(result: BookResult) -> str:
    return tr("Saved {path}\n\n{size}, {time} of listening, %n sections. Copy it to a phone or "
              "talking-book player and open it in an app that plays EPUB 3 read-aloud books.", None,
              result.sections).format(path=result.path, size=translated(file_size(result.size)),
                                      time=translated(listening_time(result.duration_ms)))


class TalkingBookUi(QObject):
    """File › Save as a talking book…, on the window context."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.host)
        self.context = context
        self.chooser = BookChooser(context.host)
        self.worker: BookWorker | None = None
        self.dialog: QProgressDialog | None = None
        self.actions = context.commands.bind({"save_talking_book": self.save})
        context.host.installEventFilter(self)

    def save(self) -> None:
        if self.worker is not None or self.context.listening is None:
            return
        voice = self.context.listening.voice_for_saving()
        if voice is None:  # the listener has been told why, as reading aloud tells them
            return
        guide = self.context.guide
        target = self.chooser.save_file(f"{guide.title}.epub".replace("/", "-"))
        if target is None:
            return
        narrator = f"{voice.voice_name} ({voice.engine.name}, a synthetic voice)"
        self.worker = BookWorker(guide, target, voice.engine, voice=voice.voice, rate=voice.rate,
                                 lexicon=voice.lexicon, narrator=narrator, parent=self)
        self.dialog = self._progress_dialog(self.worker)
        messages = self.context.messages
        self.worker.succeeded.connect(lambda result: messages.information(
            tr("Saved as a talking book"), describe(result)))
        self.worker.failed.connect(lambda message: messages.warning(
            tr("Could not save the talking book"),
            tr("The talking book could not be saved: {error}").format(error=message)))
        self.worker.cancelled.connect(lambda: self.context.show_status(
            tr("Saving the talking book was cancelled; no unfinished file was left behind."), 10000))
        self.worker.finished.connect(self._done)
        self.actions["save_talking_book"].setEnabled(False)
        self.worker.start()

    def _progress_dialog(self, worker: BookWorker) -> QProgressDialog:
        dialog = QProgressDialog(tr("Preparing the talking book…"), tr("Cancel"), 0, 1, self.context.host)
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
        if watched is self.context.host and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    def shutdown(self) -> None:
        """Stop a build in progress (the window is closing); nothing is left under the target name."""
        if self.worker is not None:
            self.worker.cancel.set()
            self.worker.wait(5000)
