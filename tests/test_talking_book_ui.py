"""File › Save as a talking book…, used as a listener would: where to, progress, Cancel, the message at the end."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from reader import paths
from reader.settings import Settings
from reader.speech.fake import FakeEngine
from reader.ui.main_window import MainWindow

from .ui.conftest import RecordedMessages


class FakeChooser:
    def __init__(self, target: Path | None) -> None:
        self.target = target
        self.asked: list[str] = []

    def save_file(self, suggested: str) -> Path | None:
        self.asked.append(suggested)
        return self.target


def _window(qtbot, guide, monkeypatch, engine: str = "fake", fake: FakeEngine | None = None) -> MainWindow:
    monkeypatch.setenv("COPRODUCTION_READER_SPEECH", engine)
    monkeypatch.setenv("COPRODUCTION_READER_AUDIO", "null")
    window = MainWindow(guide, Settings(paths.settings_file()), messages=RecordedMessages(), remember=False)
    if fake is not None:
        window.speech.controller.engine_factory = lambda: fake
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.speech.controller.loading, timeout=10000)
    return window


def test_the_file_menu_offers_it_with_its_own_access_key(qtbot, guide, monkeypatch) -> None:
    window = _window(qtbot, guide, monkeypatch, fake=FakeEngine(word_ms=5))
    texts = [action.text() for action in window.menus["file"].actions() if action.text()]
    assert "Save as a &talking book…" in texts
    keys = [re.search(r"&(\w)", text).group(1).lower() for text in texts if re.search(r"&(\w)", text)]
    assert len(keys) == len(set(keys))  # Alt+F, T reaches it, and T is no other entry's key
    assert "EPUB 3" in window.talking_book.actions["save_talking_book"].statusTip()
    window.close()


def test_saving_shows_progress_and_says_where_how_big_and_how_long(qtbot, guide, monkeypatch,
                                                                   tmp_path: Path) -> None:
    window = _window(qtbot, guide, monkeypatch, fake=FakeEngine(word_ms=5))
    target = tmp_path / "guide.epub"
    window.talking_book.chooser = FakeChooser(target)
    window.talking_book.actions["save_talking_book"].trigger()
    assert window.talking_book.chooser.asked == [f"{guide.title}.epub"]
    qtbot.waitUntil(lambda: window.talking_book.worker is None, timeout=20000)
    kind, title, text = window.messages.shown[-1]
    assert (kind, title) == ("information", "Saved as a talking book")
    assert str(target) in text and re.search(r"\n\n\d+(\.\d)? [KM]B, \d+ min \d+ s of listening, 18 sections", text)
    with zipfile.ZipFile(target) as book:
        assert "EPUB/foreword.smil" in book.namelist()
    assert window.talking_book.actions["save_talking_book"].isEnabled()
    window.close()


def test_cancel_stops_within_a_sentence_and_leaves_no_file(qtbot, guide, monkeypatch, tmp_path: Path) -> None:
    window = _window(qtbot, guide, monkeypatch, fake=FakeEngine(delay=0.03))
    target = tmp_path / "guide.epub"
    window.talking_book.chooser = FakeChooser(target)
    window.talking_book.save()
    dialog = window.talking_book.dialog
    assert dialog is not None and not window.talking_book.actions["save_talking_book"].isEnabled()
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() >= 2, timeout=10000)
    assert "Foreword" in dialog.labelText()
    dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: window.talking_book.worker is None, timeout=10000)
    assert "cancelled" in window.statusBar().currentMessage()
    assert not list(tmp_path.iterdir())
    window.close()


def test_without_a_voice_it_says_what_read_aloud_says(qtbot, guide, monkeypatch, tmp_path: Path) -> None:
    window = _window(qtbot, guide, monkeypatch, engine="none")
    window.talking_book.chooser = FakeChooser(tmp_path / "guide.epub")
    window.talking_book.actions["save_talking_book"].trigger()
    window.speech.actions["speech_why"].trigger()  # Listen › Reading aloud is not available…
    assert window.talking_book.chooser.asked == []
    book_message, speech_message = window.messages.shown[-2:]
    assert book_message == speech_message and book_message[1] == "Reading aloud is not available"
    window.close()
