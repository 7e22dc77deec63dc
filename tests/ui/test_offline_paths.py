"""The reader's main paths, one after another in one window, with the network forbidden.

Every test runs under the guard (``tests/conftest.py``); this one walks the paths a user takes
— start, open, search, add a document, save it as speech — with the real search index and
the real eSpeak NG voice, so the proof does not depend on which other tests happen to exist.
"""

from __future__ import annotations

from pathlib import Path

from tests import netguard
from tests.ui.test_search_panel import search_for


class _SaveTo:
    def __init__(self, target: Path) -> None:
        self.target = target

    def save_file(self, suggested: str) -> Path:
        return self.target

    def save_folder(self) -> Path:
        return self.target.parent


def test_start_open_search_import_and_speak_without_the_network(make_window, qtbot, monkeypatch,
                                                                 tmp_path: Path) -> None:
    assert netguard.installed()
    monkeypatch.setenv("COPRODUCTION_READER_SPEECH", "espeak")  # the real voice, not a test double
    monkeypatch.setenv("COPRODUCTION_READER_AUDIO", "null")
    window = make_window()  # start
    assert window.open_section("introduction")  # open a section
    assert "When we set out to develop a new resource" in window.view.toPlainText()

    panel = search_for(qtbot, window, "co-design")  # search (the index is built in this test's folder)
    assert panel.results.count() > 0

    page = tmp_path / "walks.html"  # add a document, with a link and a picture from the web in it
    page.write_text('<h1>Walking group</h1><p>We walk on Tuesdays. See <a href="https://example.org">our '
                    'site</a>.</p><img src="https://example.org/tracker.gif" alt="A map">')
    window.added_content.choose_file = lambda: str(page)
    window.actions["add_content"].trigger()
    assert window.current == "walking-group"
    assert "[Picture: A map]" in window.view.toPlainText()

    qtbot.waitUntil(lambda: not window.speech.controller.loading, timeout=10_000)
    assert window.speech.controller.engine.name == "eSpeak NG"
    audio = tmp_path / "walking-group.wav"  # speak to a file
    window.speech.chooser = _SaveTo(audio)
    window.speech.actions["speech_save_section"].trigger()
    qtbot.waitUntil(lambda: window.speech.export_dialog is None, timeout=30_000)
    assert audio.read_bytes()[:4] == b"RIFF" and audio.stat().st_size > 20_000
    assert netguard.attempts == []
    window.close()
