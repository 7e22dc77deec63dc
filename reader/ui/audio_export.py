"""Saving a section, or the whole guide, as audio: where to, progress with Cancel, and the outcome.

The saving runs on a QThread; the window only shows its progress. A cancelled save leaves
no half-written file (files already finished when saving the whole guide are kept, and the
message says so).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QWidget

from reader.speech.engine import SpeechEngine
from reader.speech.export import ExportCancelled, ExportResult, export_script, export_scripts
from reader.speech.prepare import Script
from reader.ui import fit_text, save_places
from reader.ui.i18n import tr


class FileChooser:
    """Asks where to save; tests replace it so no native dialog opens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    @property
    def folder(self) -> str:
        return str(save_places.start("audio"))

    def save_file(self, suggested: str) -> Path | None:
        return save_places.ask_save_path(self.parent, "audio", tr("Save section as audio"), suggested,
                                         tr("MP3 audio, small for phones (*.mp3);;WAV audio (*.wav)"),
                                         (".mp3", ".wav"))

    def save_folder(self) -> Path | None:
        path = QFileDialog.getExistingDirectory(self.parent, tr("Choose a folder for the guide's audio files"),
                                                self.folder)
        if not path:
            return None
        save_places.remember("audio", Path(path))
        return Path(path)


class ExportWorker(QThread):
    progressed = Signal(int, int, str)
    succeeded = Signal(list)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, engine: SpeechEngine, scripts: Sequence[Script], target: Path, *, whole_guide: bool,
                 voice: str, rate: int, album: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine, self.scripts, self.target = engine, list(scripts), target
        self.whole_guide, self.voice, self.rate, self.album = whole_guide, voice, rate, album
        self.cancel = threading.Event()

    def run(self) -> None:
        def progress(done: int, total: int, title: str) -> None:
            self.progressed.emit(done, total, title)

        try:
            if self.whole_guide:
                results = export_scripts(self.engine, self.scripts, self.target, "mp3", voice=self.voice,
                                         rate=self.rate, progress=progress, cancel=self.cancel, album=self.album)
            else:
                results = [export_script(self.engine, self.scripts[0], self.target, voice=self.voice,
                                         rate=self.rate, progress=progress, cancel=self.cancel, album=self.album)]
        except ExportCancelled:
            self.cancelled.emit()
        except Exception as error:  # a full disk, a bad voice: all reach the listener
            self.failed.emit(str(error) or error.__class__.__name__)
        else:
            self.succeeded.emit(results)


class ExportProgress(QProgressDialog):
    """Progress of one save, with a Cancel button that stops it within a sentence."""

    def __init__(self, worker: ExportWorker, parent: QWidget | None = None) -> None:
        total = sum(len(script) for script in worker.scripts)
        super().__init__(tr("Preparing the audio…"), tr("Cancel"), 0, max(1, total), parent)
        self.setObjectName("audio_export_progress")
        self.setWindowTitle(tr("Saving as audio"))
        self.setAccessibleName(tr("Saving as audio"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        fit_text.wide_enough(self, tr("Reading “{title}” into the file… ({percent}%)").format(
            title=max((script.title for script in worker.scripts), key=len, default=""), percent=100),
            title=self.windowTitle() + " — " + (QApplication.applicationDisplayName() or ""))
        self.worker = worker
        worker.progressed.connect(self._progressed)
        self.canceled.connect(worker.cancel.set)
        for signal in (worker.succeeded, worker.failed, worker.cancelled):
            signal.connect(self.close)

    def _progressed(self, done: int, total: int, title: str) -> None:
        self.setMaximum(max(1, total))
        self.setValue(done)
        self.setLabelText(tr("Reading “{title}” into the file… ({percent}%)").format(
            title=title, percent=done * 100 // max(1, total)))


def describe(results: list[ExportResult]) -> str:
    seconds = round(sum(r.duration_ms for r in results) / 1000)
    size = sum(r.size for r in results) / 1e6
    length = tr("{minutes} min {seconds} s").format(minutes=seconds // 60, seconds=seconds % 60)
    if len(results) == 1:
        return tr("Saved {path}\n\n{length} of audio, {size:.1f} MB.").format(path=results[0].path, length=length,
                                                                            size=size)
    return tr("Saved %n files in {folder}\n\n{length} of audio in all, {size:.1f} MB.", None, len(results)).format(
        folder=results[0].path.parent if results else "", length=length, size=size)
