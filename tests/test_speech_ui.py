"""Listening in the window, driven as a listener would: keys, highlight, scrolling, saving, no engine."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPushButton, QTextEdit

from reader import paths
from reader.action_specs import ACTIONS
from reader.settings import Settings
from reader.speech.espeak import espeak_available
from reader.speech.fake import FakeEngine
from reader.ui.main_window import MainWindow
from reader.ui.speech_highlight import Highlight

from .ui.conftest import RecordedMessages

ROOT = Path(__file__).resolve().parent.parent


class FakeChooser:
    def __init__(self, target: Path) -> None:
        self.target = target
        self.asked: list[str] = []

    def save_file(self, suggested: str) -> Path | None:
        self.asked.append(suggested)
        return self.target

    def save_folder(self) -> Path | None:
        return self.target


def _make_window(qtbot, guide, monkeypatch, engine: str = "fake", audio: str = "null",
                 fake: FakeEngine | None = None) -> MainWindow:
    monkeypatch.setenv("COPRODUCTION_READER_SPEECH", engine)
    monkeypatch.setenv("COPRODUCTION_READER_AUDIO", audio)
    window = MainWindow(guide, Settings(paths.settings_file()), messages=RecordedMessages(), remember=False)
    if fake is not None:
        window.speech.controller.engine_factory = lambda: fake
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.speech.controller.loading, timeout=10000)
    return window


@pytest.fixture
def window(qtbot, guide, monkeypatch):
    window = _make_window(qtbot, guide, monkeypatch, fake=FakeEngine(word_ms=40))
    yield window
    window.close()


def _sentence_text(window: MainWindow) -> str:
    selections = window.speech.highlighter.selections()
    return selections[0].cursor.selectedText() if selections else ""


def _word_text(window: MainWindow) -> str:
    selections = window.speech.highlighter.selections()
    return selections[1].cursor.selectedText() if len(selections) > 1 else ""


def _press(qtbot, window: MainWindow, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, key, modifier)


def test_f8_reads_pauses_carries_on_and_shift_f8_stops(qtbot, window: MainWindow) -> None:
    play = window.speech.play_action
    assert play.text() == "&Read aloud" and play.isEnabled()
    assert not window.speech.actions["speech_stop"].isEnabled()
    _press(qtbot, window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: _sentence_text(window) == "Foreword", timeout=5000)
    assert play.text() == "&Pause" and window.speech.actions["speech_stop"].isEnabled()
    assert "Reading aloud" in window.speech.status.text()
    qtbot.waitUntil(lambda: "Sharing our strengths" in _sentence_text(window), timeout=5000)
    _press(qtbot, window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: play.text() == "&Carry on reading")
    held = _sentence_text(window)
    qtbot.wait(300)
    assert _sentence_text(window) == held and window.speech.status.text().startswith("Paused")
    _press(qtbot, window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: play.text() == "&Pause")
    _press(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: play.text() == "&Read aloud")
    assert window.speech.highlighter.selections() == [] and window.speech.status.text() == ""
    assert window.view.document().toPlainText().startswith("Foreword")  # the page itself is untouched


def test_highlight_moves_word_by_word_and_sentence_by_sentence(qtbot, window: MainWindow) -> None:
    window.speech.read_from_anchor("p2")
    qtbot.waitUntil(lambda: _sentence_text(window).startswith("This was the theme"), timeout=5000)
    sentence = set(re.findall(r"[\w’'-]+", _sentence_text(window)))
    words: set[str] = set()
    # The word mark moves on within the sentence (polled, so a busy machine may skip a word or two).
    qtbot.waitUntil(lambda: words.add(_word_text(window)) or len(words - {""}) >= 4, timeout=5000)
    assert words - {""} <= sentence
    _press(qtbot, window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: _sentence_text(window).startswith("Co-production is not about"), timeout=5000)
    _press(qtbot, window, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _sentence_text(window).startswith("We know from our work"), timeout=5000)
    _press(qtbot, window, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)  # at a paragraph's start: the one before
    qtbot.waitUntil(lambda: _sentence_text(window).startswith("This was the theme"), timeout=5000)
    _press(qtbot, window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: "Sharing our strengths" in _sentence_text(window), timeout=5000)


def test_the_view_scrolls_to_keep_the_sentence_in_sight(qtbot, window: MainWindow) -> None:
    window.set_text_size(250)
    window.view.set_scroll_fraction(0.0)
    window.speech.read_from_anchor("p6")
    qtbot.waitUntil(lambda: _sentence_text(window).startswith("The Permanent Secretary"), timeout=5000)
    height = window.view.viewport().height()

    def on_screen(selection_index: int) -> bool:
        selection = window.speech.highlighter.selections()[selection_index]
        start = QTextCursor(selection.cursor)
        start.setPosition(selection.cursor.selectionStart())
        return 0 <= window.view.cursorRect(start).top() <= height

    assert window.view.verticalScrollBar().value() > 0 and on_screen(0)
    # at 250% this sentence is taller than the view: the word being read stays in sight
    qtbot.waitUntil(lambda: _word_text(window) == "approach", timeout=10000)
    assert on_screen(1)


def test_highlight_survives_a_text_size_change(qtbot, window: MainWindow) -> None:
    window.speech.read_from_anchor("p3")
    qtbot.waitUntil(lambda: _sentence_text(window).startswith("We know"), timeout=5000)
    window.set_text_size(150)
    qtbot.waitUntil(lambda: _sentence_text(window).startswith("We know"), timeout=2000)


def test_read_from_here_starts_at_the_paragraph_with_the_cursor(qtbot, window: MainWindow) -> None:
    block = window.view.block_for_anchor("p4")
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, 5)
    window.view.setTextCursor(cursor)
    _press(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _sentence_text(window).startswith("The launch of the new integrated"), timeout=5000)


def test_read_the_selection_reads_just_that_and_stops(qtbot, window: MainWindow) -> None:
    block = window.view.block_for_anchor("p9")  # “Co-Chair, Scottish Co-production Network”
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    window.speech.actions["speech_continue"].setChecked(True)
    _press(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _sentence_text(window) == "Co-Chair, Scottish Co-production Network", timeout=5000)
    qtbot.waitUntil(lambda: window.speech.play_action.text() == "&Read aloud", timeout=10000)
    assert window.current == "foreword"  # a selection never carries on into the next section


def test_nothing_selected_says_what_to_do(qtbot, window: MainWindow) -> None:
    window.speech.read_selection()
    assert "Select some text first" in window.statusBar().currentMessage()


def test_end_of_section_stops_or_carries_on_as_chosen(qtbot, window: MainWindow) -> None:
    window.open_section("iriss")
    window.speech.read_from_anchor("p5")  # the last paragraph
    qtbot.waitUntil(lambda: window.speech.play_action.text() == "&Read aloud", timeout=10000)
    assert window.current == "iriss" and "Finished reading “IRISS”" in window.statusBar().currentMessage()
    window.speech.actions["speech_continue"].trigger()
    assert window.settings.get("speech_end_of_section") == "continue"
    window.speech.read_from_anchor("p5")
    qtbot.waitUntil(lambda: window.current == "project-99", timeout=10000)
    qtbot.waitUntil(lambda: _sentence_text(window) == "Project 99", timeout=5000)
    assert window.speech.play_action.text() == "&Pause"


def test_going_to_another_section_stops_reading(qtbot, window: MainWindow) -> None:
    window.speech.read_from_anchor("p2")
    qtbot.waitUntil(lambda: bool(_sentence_text(window)), timeout=5000)
    window.open_section("introduction")
    qtbot.waitUntil(lambda: window.speech.play_action.text() == "&Read aloud")
    assert window.speech.highlighter.selections() == []


def test_slower_and_faster_keys_change_and_remember_the_speed(qtbot, window: MainWindow) -> None:
    label = window.speech.rate_label
    assert label.text() == "175 words a minute"
    _press(qtbot, window, Qt.Key.Key_F9, Qt.KeyboardModifier.ControlModifier)
    assert label.text() == "200 words a minute" and window.settings.get("speech_rate") == 200
    for _ in range(3):
        _press(qtbot, window, Qt.Key.Key_F7, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.get("speech_rate") == 125
    window.speech.controller.set_rate(450)
    assert not window.speech.actions["speech_faster"].isEnabled()


def test_save_section_as_audio_with_progress(qtbot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "foreword.mp3"
    window.speech.chooser = FakeChooser(target)
    window.speech.actions["speech_save_section"].trigger()
    assert window.speech.chooser.asked == ["01 Foreword.mp3"]
    qtbot.waitUntil(lambda: window.speech.export_dialog is None, timeout=10000)
    assert target.read_bytes()[:3] == b"ID3"
    kind, title, text = window.messages.shown[-1]
    assert (kind, title) == ("information", "Saved as audio") and str(target) in text and "MB" in text


def test_cancel_stops_saving_and_leaves_no_file(qtbot, guide, monkeypatch, tmp_path: Path) -> None:
    window = _make_window(qtbot, guide, monkeypatch, fake=FakeEngine(delay=0.05))
    window.speech.chooser = FakeChooser(tmp_path / "guide")
    window.speech.save_guide()
    dialog = window.speech.export_dialog
    assert dialog is not None and not window.speech.actions["speech_save_section"].isEnabled()
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() >= 2, timeout=10000)
    assert "Foreword" in dialog.labelText()
    dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: window.speech.export_dialog is None, timeout=10000)
    assert "cancelled" in window.statusBar().currentMessage()
    assert not list((tmp_path / "guide").iterdir())
    assert window.speech.actions["speech_save_section"].isEnabled()
    window.close()


def test_without_an_engine_the_reader_works_and_says_how_to_enable_speech(qtbot, guide, monkeypatch) -> None:
    window = _make_window(qtbot, guide, monkeypatch, engine="none")
    for name in ("speech_play", "speech_from_here", "speech_save_section", "speech_save_guide"):
        action = window.speech.actions[name]
        assert not action.isEnabled() and "libespeak-ng1" in action.statusTip()
    why = window.speech.actions["speech_why"]
    assert why.isVisible() and why.isEnabled()
    why.trigger()
    assert window.messages.shown[-1][0] == "information" and "sudo apt-get install" in window.messages.shown[-1][2]
    assert "libespeak-ng1" in window.statusBar().currentMessage()
    assert window.open_section("introduction") and window.current == "introduction"  # reading still works
    _press(qtbot, window, Qt.Key.Key_F8)  # a disabled action does nothing, and nothing breaks
    assert window.speech.controller.state.value == "stopped"
    window.close()


def test_no_sound_device_is_reported(qtbot, guide, monkeypatch) -> None:
    window = _make_window(qtbot, guide, monkeypatch, audio="nonsense", fake=FakeEngine())
    _press(qtbot, window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: bool(window.messages.shown), timeout=5000)
    kind, _title, text = window.messages.shown[-1]
    assert kind == "warning" and "No sound output" in text and "save sections as audio" in text
    assert window.speech.play_action.text() == "&Read aloud"
    window.close()


def _listen_entries(menu) -> list:
    """The Listen menu's commands, those in its submenus too."""
    entries = []
    for action in menu.actions():
        entries += _listen_entries(action.menu()) if action.menu() is not None else [action]
    return entries


def test_speech_menu_has_every_command_with_keys_and_descriptions(window: MainWindow) -> None:
    menu = window.menus["listen"]
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles.index("&Listen") == titles.index("&Help") - 1
    keys = {a.objectName(): a.shortcut().toString() for a in _listen_entries(menu) if a.objectName()}
    assert keys["speech_play"] == "F8" and keys["speech_stop"] == "Shift+F8"
    assert keys["speech_next_sentence"] == "F9" and keys["speech_previous_paragraph"] == "Shift+F7"
    assert keys["speech_from_here"] == "Ctrl+F8" and keys["speech_faster"] == "Ctrl+F9"
    assert {name for name, spec in ACTIONS.items() if spec.menu == "listen"} <= set(keys), "every command is there"
    for action in _listen_entries(menu):
        if action.objectName():
            assert action.statusTip(), action.objectName()
    toolbar = window.speech.toolbar
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if action.text():
            assert button.accessibleName() and button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_start_up_does_not_load_speech_until_after_the_first_paint() -> None:
    script = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from reader.library import open_guide
        from reader.settings import Settings
        from reader.ui.main_window import MainWindow
        window = MainWindow(open_guide(), Settings(__import__("pathlib").Path(sys.argv[1])), remember=False)
        app.processEvents()
        before = sorted(m for m in ("pyttsx3", "miniaudio", "pysbd", "lameenc") if m in sys.modules)
        window.show()
        import time
        deadline = time.monotonic() + 20
        while window.speech.controller.loading and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        print(before, window.speech.controller.available, "pyttsx3" in sys.modules)
        window.close()
    """)
    result = subprocess.run([sys.executable, "-c", script, "/nonexistent/settings.json"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    loaded_after = "True True" if espeak_available() else "False False"
    assert result.stdout.split("\n")[0] == f"[] {loaded_after}"


@pytest.mark.skipif(not espeak_available(), reason="libespeak-ng is not installed")
def test_real_voice_highlights_words_in_the_window(qtbot, guide, monkeypatch, tmp_path: Path) -> None:
    window = _make_window(qtbot, guide, monkeypatch, engine="espeak")
    assert window.speech.controller.engine.name == "eSpeak NG"
    window.speech.read_from_anchor("p3")
    qtbot.waitUntil(lambda: _word_text(window) not in ("", "We"), timeout=10000)
    assert _sentence_text(window).startswith("We know from our work across Scotland")
    image = window.view.viewport().grab().toImage()
    sentence_colour = QColor(window.view.theme().spoken_background)
    def near(colour: QColor) -> bool:
        return all(abs(a - b) <= 3 for a, b in zip(colour.getRgb()[:3], sentence_colour.getRgb()[:3], strict=True))

    marked = sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
                 if near(image.pixelColor(x, y)))
    assert marked > 50  # the sentence is visibly marked on screen
    window.speech.stop()
    window.close()


def test_voice_dialog_changes_voice_speed_and_pronunciations(qtbot, window: MainWindow) -> None:
    from reader.speech.pronounce import load_user
    from reader.ui.voice_dialog import VoiceDialog

    window.speech.actions["speech_voice"].trigger()
    dialog = window.findChild(VoiceDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.voice.currentData() == "test/low" and dialog.rate.value() == 175
    dialog.voice.setCurrentIndex(dialog.voice.findData("test/high"))
    dialog.rate.setValue(250)
    dialog.end.setCurrentIndex(1)
    dialog.add_row("Glasgow", "Glazgo")
    dialog.accept()
    assert not dialog.isVisible()
    settings = window.settings
    assert (settings.get("speech_voice"), settings.get("speech_rate"), settings.get("speech_end_of_section")) == \
        ("test/high", 250, "continue")
    assert window.speech.actions["speech_continue"].isChecked()
    assert window.speech.rate_label.text() == "250 words a minute"
    assert [(e.word, e.say) for e in load_user()] == [("Glasgow", "Glazgo")]
    window.open_section("glasgow-disability-alliance")
    spoken = " ".join(u.text for u in window.speech.section_script("glasgow-disability-alliance"))
    assert "Glazgo Disability Alliance" in spoken and "Glasgow" not in spoken


def test_voice_dialog_refuses_an_unusable_pronunciation(qtbot, window: MainWindow) -> None:
    from reader.speech.pronounce import user_file
    from reader.ui.voice_dialog import VoiceDialog

    dialog = window.speech.voice_settings()
    dialog.add_row("EVOC", "")
    dialog.accept()
    assert dialog.isVisible() and "Row 1" in dialog.problem.text() and "nothing to say" in dialog.problem.text()
    assert not user_file().exists()
    dialog.reject()
    assert window.findChild(VoiceDialog) is None or not window.findChild(VoiceDialog).isVisible()


def test_trying_a_voice_reads_a_sample_without_touching_the_page(qtbot, guide, monkeypatch) -> None:
    engine = FakeEngine(word_ms=20)
    window = _make_window(qtbot, guide, monkeypatch, fake=engine)
    dialog = window.speech.voice_settings()
    dialog.voice.setCurrentIndex(dialog.voice.findData("test/high"))
    dialog.findChild(QPushButton, "voice_try").click()
    qtbot.waitUntil(lambda: any(call[1] == "test/high" and "how the guide will sound" in call[0]
                                for call in engine.calls), timeout=5000)
    assert window.speech.highlighter.selections() == []
    dialog.reject()
    assert window.settings.get("speech_voice") == ""  # trying is not choosing
    window.close()


def test_the_help_page_names_every_listening_key(window: MainWindow) -> None:
    help_text = (ROOT / "content" / "using-this-reader.md").read_text(encoding="utf-8")
    listening = help_text.split("## Listening", 1)[1].split("## ", 1)[0]
    for action in _listen_entries(window.menus["listen"]):
        key = action.shortcut().toString()
        if key:
            assert f"**{key}**" in listening, (action.objectName(), key)


def test_closing_windows_leaves_no_reading_threads_behind(qtbot, guide, monkeypatch) -> None:
    import threading

    def narrators() -> int:
        return sum(1 for thread in threading.enumerate() if thread.name == "narrator" and thread.is_alive())

    before = narrators()
    for _ in range(3):
        window = _make_window(qtbot, guide, monkeypatch, fake=FakeEngine(word_ms=20))
        window.speech.read_from_anchor("p2")
        qtbot.waitUntil(lambda w=window: bool(_sentence_text(w)), timeout=5000)
        window.close()
    quick = MainWindow(guide, Settings(paths.settings_file()), messages=RecordedMessages(), remember=False)
    quick.show()
    quick.close()  # closed before the voice finished loading
    qtbot.wait(200)
    assert narrators() == before


def test_a_place_elsewhere_can_be_read_aloud_directly(qtbot, window: MainWindow) -> None:
    """What a search result's "read aloud" does: open the section there and read from it."""
    window.speech.read_section("introduction", "p3")
    assert window.current == "introduction"
    qtbot.waitUntil(lambda: _sentence_text(window).startswith("In order for people and communities"),
                    timeout=5000)


def test_the_marks_take_the_theme_colours_and_stay_over_search_marks(qtbot, window: MainWindow) -> None:
    """Sentence and word are painted in the theme's spoken and selection colours (their contrast is
    tested for every theme in tests/test_themes.py), on top of any search marks."""
    from reader import themes

    for name in themes.THEMES:
        window.settings.set("theme", name)
        window.refresh_page()
        theme = window.view.theme()
        assert theme.name == name
        window.speech.highlighter.show(Highlight("foreword", "p2", 0, 20, (0, 4)))
        sentence, word = window.speech.highlighter.selections()
        assert sentence.format.background().color().name() == theme.spoken_background
        assert sentence.format.foreground().color().name() == theme.spoken_text
        assert word.format.background().color().name() == theme.selection_background
        assert word.format.fontUnderline()
        assert sentence.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
        window.speech.highlighter.clear()
        assert window.speech.highlighter.selections() == []
    search_mark = QTextEdit.ExtraSelection()
    search_mark.cursor = window.view.textCursor()
    window.view.set_marks("search", [search_mark])
    window.speech.highlighter.show(Highlight("foreword", "p2", 0, 20))
    assert len(window.view.extraSelections()) == 2
    window.view.set_marks("search", [])
    painted = window.view.extraSelections()
    assert len(painted) == 1 and painted[0].format.background().color().name() == theme.spoken_background


def test_preferences_lead_to_the_voice_and_pronunciation_list(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton

    from reader.ui.voice_dialog import VoiceDialog

    preferences = window.comfort.show_preferences()
    button = preferences.findChild(QAbstractButton, "preferences_voice")
    assert button is not None and button.isVisible() and button.accessibleDescription()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(VoiceDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    preferences.close()


def test_pronunciation_cell_editors_are_named_by_column_and_row(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QLineEdit

    from reader.ui.voice_dialog import VoiceDialog

    window.speech.actions["speech_voice"].trigger()
    dialog = window.findChild(VoiceDialog)
    dialog.add_row("Glasgow", "Glazgo")
    dialog.add_row("", "", edit=True)

    def editor_names() -> list[str]:
        return [e.accessibleName() for e in dialog.table.findChildren(QLineEdit) if e.isVisible()]

    qtbot.waitUntil(lambda: editor_names() == ["Written, row 2"])
    editor = next(e for e in dialog.table.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, "Lanark")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: editor_names() == ["Said as, row 2"])
    assert dialog.table.item(1, 0).text() == "Lanark"
    dialog.reject()


def _heard(qtbot, window: MainWindow, words: str) -> None:
    qtbot.waitUntil(lambda: any(words in message for message in window.context.teller.said), timeout=5000)


def test_reading_aloud_says_each_change_of_state_speed_and_place(qtbot, window: MainWindow) -> None:
    """Screen readers do not present a button's new label: every change is said."""
    _press(qtbot, window, Qt.Key.Key_F8)
    _heard(qtbot, window, "Reading aloud. F8 pauses.")
    qtbot.waitUntil(lambda: _sentence_text(window) == "Foreword", timeout=5000)
    _press(qtbot, window, Qt.Key.Key_F9)
    _heard(qtbot, window, "Next sentence")
    _press(qtbot, window, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    _heard(qtbot, window, "Previous paragraph")
    rate = window.speech.controller.rate
    _press(qtbot, window, Qt.Key.Key_F9, Qt.KeyboardModifier.ControlModifier)
    _heard(qtbot, window, f"Faster: {rate + 25} words a minute")
    _press(qtbot, window, Qt.Key.Key_F7, Qt.KeyboardModifier.ControlModifier)
    _heard(qtbot, window, f"Slower: {rate} words a minute")
    _press(qtbot, window, Qt.Key.Key_F8)
    _heard(qtbot, window, "Paused")
    _press(qtbot, window, Qt.Key.Key_F8)
    _heard(qtbot, window, "Carrying on reading")
    _press(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    _heard(qtbot, window, "Stopped reading")


def test_other_keys_pause_the_voice_so_the_screen_reader_can_speak(qtbot, window: MainWindow) -> None:
    play = window.speech.play_action
    _press(qtbot, window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: play.text() == "&Pause", timeout=5000)
    qtbot.waitUntil(lambda: _sentence_text(window) != "", timeout=5000)
    _press(qtbot, window, Qt.Key.Key_Control)  # a modifier alone (it silences screen readers): reading goes on
    _press(qtbot, window, Qt.Key.Key_F9)  # a reading-aloud key: reading goes on
    assert play.text() == "&Pause"
    _press(qtbot, window, Qt.Key.Key_Down)  # the listener reads on by line with the screen reader
    qtbot.waitUntil(lambda: play.text() == "&Carry on reading", timeout=5000)
    _heard(qtbot, window, "Paused")
    window.speech.actions["speech_pause_on_keys"].trigger()  # off, from the Listen menu
    assert window.settings.get("speech_pause_on_keys") is False
    _press(qtbot, window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: play.text() == "&Pause", timeout=5000)
    _press(qtbot, window, Qt.Key.Key_Down)
    qtbot.wait(300)
    assert play.text() == "&Pause"
    _press(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
