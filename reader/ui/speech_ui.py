"""The Listen menu, the toolbar's Play/Pause and Stop, and everything they do in the main window.

Keys follow the media keys of many keyboards: F7 back a sentence, F8 read/pause, F9 on a
sentence; Shift moves by paragraph (Shift+F8 stops); Ctrl changes the speed (Ctrl+F7 slower,
Ctrl+F9 faster) or reads from the cursor (Ctrl+F8). Media keys work too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QToolBar

from reader.action_specs import WHILE_READING
from reader.render import Block
from reader.speech.engine import MAX_RATE, MIN_RATE
from reader.speech.export import file_name
from reader.speech.narrator import State
from reader.speech.prepare import Script, prepare_blocks
from reader.speech.pronounce import PronunciationError, shipped
from reader.speech.scripts import SpeechScripts, start_index
from reader.ui import icons
from reader.ui.audio_export import ExportProgress, ExportWorker, FileChooser, describe
from reader.ui.context import SavingVoice, WindowContext
from reader.ui.first_paint import after_first_paint
from reader.ui.i18n import tr
from reader.ui.speech_controller import SpeechController
from reader.ui.speech_highlight import Highlight, SpeechHighlighter
from reader.ui.voice_dialog import VoiceChoice, VoiceDialog

PLAYBACK = ("speech_play", "speech_stop", "speech_previous_sentence", "speech_next_sentence",
            "speech_previous_paragraph", "speech_next_paragraph", "speech_from_here", "speech_selection")
NEEDS_ENGINE = (*PLAYBACK, "speech_save_section", "speech_save_guide", "speech_voice")
# Keys that do nothing on their own (Ctrl alone also silences a screen reader): they never pause the voice.
_MODIFIER_KEYS = {Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr,
                  Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R}


class SpeechUi(QObject):
    """Adds reading aloud to the main window, through its context; the window needs to know nothing of it."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.host)
        self.context = context
        self.host = context.host
        self.reading = context.reading
        self.view = context.view
        self.settings = context.settings
        self.controller = SpeechController(context.settings, parent=self)
        self.highlighter = SpeechHighlighter(context.view)
        self.chooser = FileChooser(context.host)
        self.scripts = SpeechScripts(
            report=lambda problem: self.context.messages.warning(tr("Pronunciation list not used"), problem))
        context.sectionsChanged.connect(lambda _change: self.scripts.forget())
        self._whole_section = False
        self._continuing = False
        self._export: tuple[ExportWorker, ExportProgress] | None = None

        self.actions = context.commands.bind(self._handlers())
        self.actions["speech_continue"].setChecked(self.settings.get("speech_end_of_section") == "continue")
        self.actions["speech_pause_on_keys"].setChecked(bool(self.settings.get("speech_pause_on_keys")))
        self.menu = context.commands.menus["listen"]
        self.toolbar = self._build_toolbar()
        self.status = QLabel()
        self.status.setObjectName("speech_status")
        self.host.statusBar().addPermanentWidget(self.status)

        self.controller.availabilityChanged.connect(self._availability_changed)
        self.controller.stateChanged.connect(lambda _state: self._update())
        self._said_state = self.controller.state
        self.controller.stateChanged.connect(lambda _state: self._say_state())
        self.controller.highlightChanged.connect(self._show_highlight)
        self.controller.errorOccurred.connect(self._error)
        self.controller.finished.connect(self._finished)
        self.controller.rateChanged.connect(self._rate_changed)
        context.sectionShown.connect(self._section_shown)
        self.host.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # every key pressed in the reader, to pause the voice
        after_first_paint(context.view.viewport(), self.controller.start)  # start-up never waits for speech
        self._update()
        self._rate_changed(self.controller.rate)

    # Building -------------------------------------------------------------------------------

    def _handlers(self) -> dict[str, Callable[[], object]]:
        c = self.controller
        return {
            "speech_play": self.play_pause,
            "speech_stop": self.stop,
            "speech_previous_sentence": lambda: self._skip(c.skip, -1, tr("Previous sentence")),
            "speech_next_sentence": lambda: self._skip(c.skip, 1, tr("Next sentence")),
            "speech_previous_paragraph": lambda: self._skip(c.skip_block, -1, tr("Previous paragraph")),
            "speech_next_paragraph": lambda: self._skip(c.skip_block, 1, tr("Next paragraph")),
            "speech_from_here": self.read_from_cursor,
            "speech_selection": self.read_selection,
            "speech_slower": lambda: self._change_rate(-1),
            "speech_faster": lambda: self._change_rate(1),
            "speech_continue": self._continue_toggled,
            "speech_pause_on_keys": self._pause_on_keys_toggled,
            "speech_voice": self.voice_settings,
            "speech_save_section": self.save_section,
            "speech_save_guide": self.save_guide,
            "speech_why": self.explain_unavailable,
        }

    def _build_toolbar(self) -> QToolBar:
        """Play/Pause and Stop are on the window's one toolbar; the speed shows in the status line while reading."""
        self.rate_label = QLabel()
        self.rate_label.setObjectName("speech_rate_label")
        self.rate_label.hide()
        self.host.statusBar().addPermanentWidget(self.rate_label)
        return self.context.commands.toolbars["main"]

    # Commands -------------------------------------------------------------------------------

    def section_script(self, section_id: str) -> Script:
        rendered = self.reading.rendered if section_id == self.reading.current else None
        return self.scripts.section(self.reading.guide, section_id, rendered)

    def play_pause(self) -> None:
        """Pause or carry on when reading this section; otherwise read it from the top of the view."""
        state = self.controller.state
        script = self.controller.script
        if state is not State.STOPPED and script is not None and script.section_id == self.reading.current:
            self.controller.toggle()
            return
        self.read_from_anchor(self.view.top_anchor())

    def read_from_anchor(self, anchor: str, offset: int = 0) -> None:
        current = self.reading.current
        if current is None:
            return
        script = self.section_script(current)
        blocks = [b.anchor for b in self.reading.rendered.blocks] if self.reading.rendered else []
        index = start_index(script, anchor, offset, blocks)
        self._whole_section = True
        self.controller.read(script, index)

    def read_section(self, section_id: str, anchor: str = "") -> None:
        """Open a section (say, a search result) and read it aloud from ``anchor``."""
        if self.reading.current != section_id and not self.reading.open_section(section_id, anchor):
            return
        self.read_from_anchor(anchor)

    def read_from_cursor(self) -> None:
        view = self.view
        cursor = view.textCursor()
        anchor, offset = self._place(cursor.position())
        self.read_from_anchor(anchor, offset)

    def read_selection(self) -> None:
        cursor = self.view.textCursor()
        current = self.reading.current
        if not cursor.hasSelection() or current is None or self.reading.rendered is None:
            self.context.show_status(tr("Select some text first, then choose Read the selection."), 8000)
            return
        start = self._place(cursor.selectionStart())
        end = self._place(cursor.selectionEnd())
        script = self.scripts.selection(self.reading.guide, current, self.reading.rendered, start, end)
        if not script.utterances:
            self.context.show_status(tr("The selection has no words to read."), 8000)
            return
        self._whole_section = False
        self.controller.read(script, 0)

    def _place(self, position: int) -> tuple[str, int]:
        """(anchor, offset in its block's text) for a position in the reading view's document."""
        view = self.view
        cursor = QTextCursor(view.document())
        cursor.setPosition(position)
        anchor = view.anchor_at(cursor)
        block = view.block_for_anchor(anchor) if anchor else None
        if block is None:
            return anchor, 0
        if block.blockNumber() == cursor.block().blockNumber():
            return anchor, position - block.position()
        return anchor, len(block.text())  # past the anchored block (a table cell): its end

    def stop(self) -> None:
        reading = self.controller.state is not State.STOPPED
        self.controller.stop()
        self.highlighter.clear()
        if reading:
            self._said_state = State.STOPPED
            self.context.say(tr("Stopped reading"))

    def _skip(self, move: Callable[[int], None], step: int, message: str) -> None:
        if self.controller.state is not State.STOPPED:
            move(step)
            self.context.say(message)

    def _change_rate(self, steps: int) -> None:
        before = self.controller.rate
        self.controller.change_rate(steps)
        if self.controller.rate != before:
            self.context.say((tr("Faster: {rate} words a minute") if steps > 0
                              else tr("Slower: {rate} words a minute")).format(rate=self.controller.rate))

    def _say_state(self) -> None:
        """Say that reading aloud started, paused or carried on: the buttons' new labels are not spoken."""
        state, before = self.controller.state, self._said_state
        self._said_state = state
        playing = (State.STARTING, State.PLAYING)
        if state in playing and before is State.PAUSED:
            self.context.say(tr("Carrying on reading"))
        elif state in playing and before is State.STOPPED:
            self.context.say(tr("Reading aloud. {key} pauses.").format(
                key=" / ".join(self.context.commands.keys_text("speech_play")[:1]) or tr("Read aloud")))
        elif state is State.PAUSED and before in playing:
            self.context.say(tr("Paused"))

    def _pause_on_keys_toggled(self) -> None:
        self.settings.set("speech_pause_on_keys", self.actions["speech_pause_on_keys"].isChecked())

    def _key_pressed(self, event: QKeyEvent) -> None:
        """While the voice reads, a key that is not a reading-aloud key pauses it, so that the screen
        reader, which speaks what that key does, is not talked over (a setting turns this off)."""
        if (self.controller.state not in (State.STARTING, State.PLAYING)
                or not self.settings.get("speech_pause_on_keys") or event.key() in _MODIFIER_KEYS):
            return
        pressed = QKeySequence(event.keyCombination())
        listen = (name for name in self.actions if name.startswith("speech_"))
        if any(pressed in self.context.commands.sequences(name) for name in listen):
            return
        self.controller.toggle()

    def _continue_toggled(self) -> None:
        on = self.actions["speech_continue"].isChecked()
        self.settings.set("speech_end_of_section", "continue" if on else "stop")

    # Voice and pronunciation ----------------------------------------------------------------

    def voice_settings(self) -> VoiceDialog | None:
        """Open the dialog (window-modal, not blocking); its choice applies when OK is pressed."""
        engine = self.controller.engine
        if engine is None:
            self.explain_unavailable()
            return None
        settings = self.settings
        mine, problem = self.scripts.user_entries()
        if problem:
            self.context.messages.warning(tr("Your pronunciation list could not be read"),
                                          tr("{error}\n\nIf you save new entries, the old file is kept beside "
                                             "them with “corrupt” in its name.").format(error=problem))
        language = self.reading.guide.language
        choice = VoiceChoice(settings.get("speech_voice") or engine.default_voice(language),
                             settings.get("speech_rate"), settings.get("speech_volume"),
                             self.actions["speech_continue"].isChecked(), tuple(mine))
        dialog = VoiceDialog(engine.voices(), choice, shipped(), self.hear, language.split("-")[0], self.host)
        dialog.accepted.connect(lambda: self.apply_voice_choice(dialog.choice()))
        dialog.rejected.connect(self._restore_voice)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def hear(self, text: str, voice: str, rate: int, volume: int) -> None:
        """Say ``text`` with these settings (trying a voice or a pronunciation), nothing highlighted."""
        narrator = self.controller.narrator
        if narrator is None:
            return
        narrator.configure(voice=voice, rate=rate, volume=volume)
        self._whole_section = False
        self.controller.read(Script("", "", tuple(prepare_blocks("", [Block("sample", "paragraph", text)]))))

    def _restore_voice(self) -> None:
        settings = self.settings
        if self.controller.narrator is not None:
            self.controller.narrator.configure(voice=settings.get("speech_voice"), rate=settings.get("speech_rate"),
                                               volume=settings.get("speech_volume"))

    def apply_voice_choice(self, choice: VoiceChoice) -> None:
        settings = self.settings
        try:
            self.scripts.save_user_entries(list(choice.pronunciations))
        except (PronunciationError, OSError) as error:
            self.context.messages.warning(tr("Pronunciations not saved"), str(error))
        settings.set("speech_voice", choice.voice)
        settings.set("speech_volume", choice.volume)
        settings.set("speech_end_of_section", "continue" if choice.carry_on else "stop")
        self.actions["speech_continue"].setChecked(choice.carry_on)
        self.controller.set_voice(choice.voice, choice.volume)
        self.controller.set_rate(choice.rate)
        reading = self.controller.script
        was_section = self._whole_section and reading is not None and reading.section_id in self.reading.guide
        self.scripts.forget_pronunciations()
        if was_section and reading is not None and self.controller.state is not State.STOPPED:
            index = self.controller.narrator.snapshot().index if self.controller.narrator else 0
            self.controller.read(self.section_script(reading.section_id), index or 0)
        elif self.controller.state is not State.STOPPED and not self._whole_section:
            self.controller.stop()  # a sample was playing
        try:
            settings.save()
        except OSError as error:
            self.context.messages.warning(tr("Settings not saved"), str(error))

    # Saving as audio ------------------------------------------------------------------------

    def save_section(self) -> None:
        current = self.reading.current
        if current is None or not self._engine_ready():
            return
        section = self.reading.guide.get(current)
        assert section is not None
        path = self.chooser.save_file(file_name(self.reading.guide.position(current) + 1, section.title, "mp3"))
        if path is not None:
            self._start_export([self.section_script(current)], path, whole_guide=False)

    def save_guide(self) -> None:
        if not self._engine_ready():
            return
        folder = self.chooser.save_folder()
        if folder is not None:
            scripts = [self.section_script(section.id) for section in self.reading.guide]
            self._start_export(scripts, folder, whole_guide=True)

    def voice_for_saving(self) -> SavingVoice | None:
        engine = self.controller.engine
        if engine is None:
            self.explain_unavailable()
            return None
        voice = self.settings.get("speech_voice") or engine.default_voice(self.reading.guide.language)
        names = {v.id: v.name for v in engine.voices()}
        return SavingVoice(engine, voice, names.get(voice, voice), self.controller.rate, self.scripts.lexicon())

    def _engine_ready(self) -> bool:
        if self.controller.engine is None:
            self.explain_unavailable()
            return False
        return self._export is None

    def _start_export(self, scripts: list[Script], target: Path, whole_guide: bool) -> None:
        engine = self.controller.engine
        assert engine is not None
        voice = self.settings.get("speech_voice") or engine.default_voice(self.reading.guide.language)
        worker = ExportWorker(engine, scripts, target, whole_guide=whole_guide, voice=voice,
                              rate=self.controller.rate, album=self.reading.guide.title, parent=self)
        dialog = ExportProgress(worker, self.host)
        worker.succeeded.connect(lambda results: self.context.messages.information(tr("Saved as audio"),
                                                                                 describe(results)))
        worker.failed.connect(lambda message: self.context.messages.warning(
            tr("Could not save the audio"), tr("The audio could not be saved: {error}").format(error=message)))
        worker.cancelled.connect(lambda: self.context.show_status(
            tr("Saving cancelled; no unfinished file was left behind.") if not whole_guide else
            tr("Saving cancelled; the sections already finished were kept."), 10000))
        worker.finished.connect(self._export_done)
        self._export = (worker, dialog)
        self._update()
        worker.start()

    def _export_done(self) -> None:
        if self._export is not None:
            worker, dialog = self._export
            self._export = None
            dialog.deleteLater()
            worker.deleteLater()
        self._update()

    @property
    def export_dialog(self) -> ExportProgress | None:
        return self._export[1] if self._export else None

    # Following what is heard ----------------------------------------------------------------

    def _show_highlight(self, highlight: Highlight | None) -> None:
        if highlight is not None and highlight.section_id == self.reading.current:
            self.highlighter.show(highlight)
        else:
            self.highlighter.clear()
        self._update_status()

    def _section_shown(self, section_id: str) -> None:
        script = self.controller.script
        if (not self._continuing and self.controller.state is not State.STOPPED and script is not None
                and script.section_id != section_id):
            self.stop()  # the listener went elsewhere: reading follows them, it does not run on unseen
        elif script is None or script.section_id != section_id:
            self.highlighter.clear()

    def _finished(self, section_id: str) -> None:
        self.highlighter.clear()
        following = self.reading.guide.neighbour(section_id, 1)
        if self._whole_section and self.actions["speech_continue"].isChecked() and following is not None:
            self._continuing = True
            try:
                self.reading.open_section(following.id, say=False)  # the voice reads its title
            finally:
                self._continuing = False
            self._whole_section = True
            self.controller.read(self.section_script(following.id), 0)
            return
        section = self.reading.guide.get(section_id)
        title = section.title if section is not None else section_id
        self.context.show_status(tr("Finished reading “{title}”.").format(title=title), 10000)

    def _error(self, message: str) -> None:
        self.highlighter.clear()
        self.context.messages.warning(tr("Reading aloud stopped"), message)

    def _rate_changed(self, rate: int) -> None:
        self.rate_label.setText(tr("{rate} words a minute").format(rate=rate))
        keys = self.context.commands
        self.rate_label.setToolTip(tr("Reading speed: {slower} slower, {faster} faster").format(
            slower=" / ".join(keys.keys_text("speech_slower")) or tr("no key"),
            faster=" / ".join(keys.keys_text("speech_faster")) or tr("no key")))
        self.actions["speech_slower"].setEnabled(self.controller.available and rate > MIN_RATE)
        self.actions["speech_faster"].setEnabled(self.controller.available and rate < MAX_RATE)

    # State shown ----------------------------------------------------------------------------

    def _availability_changed(self) -> None:
        if self.controller.problem:
            self.context.show_status(self.controller.problem, 20000)
        self._update()

    def _update(self) -> None:
        available = self.controller.available
        loading = self.controller.loading
        state = self.controller.state
        play = self.actions["speech_play"]
        texts = {State.STOPPED: (tr("&Read aloud"), tr("Read this section aloud from the top of the page you see")),
                 State.STARTING: (tr("&Pause"), tr("Pause reading aloud")),
                 State.PLAYING: (tr("&Pause"), tr("Pause reading aloud")),
                 State.PAUSED: (tr("&Carry on reading"), tr("Carry on reading aloud from where it paused"))}
        text, tip = texts[state]
        for name in NEEDS_ENGINE:
            self.actions[name].setEnabled(available or (loading and name in PLAYBACK))
        for name in WHILE_READING:
            self.actions[name].setEnabled(available and state is not State.STOPPED)
        for name in ("speech_save_section", "speech_save_guide"):
            self.actions[name].setEnabled(available and self._export is None)
        problem = self.controller.problem
        if problem:
            tip = problem
            for name in NEEDS_ENGINE:
                self.actions[name].setStatusTip(problem)
                self.actions[name].setToolTip(problem)
        play.setText(text)
        play.setIconText({State.PAUSED: tr("Carry on")}.get(state, text.replace("&", "")))
        icons.redraw(play, "pause" if state in (State.STARTING, State.PLAYING) else "play")
        play.setStatusTip(tip)
        keys = play.shortcut().toString()
        if not problem:
            play.setToolTip(tr("{tip} ({keys})", "a command's tip and its key").format(tip=tip, keys=keys))
        self.actions["speech_why"].setVisible(bool(problem))
        self._rate_changed(self.controller.rate)
        self._update_status()

    def _update_status(self) -> None:
        state = self.controller.state
        script = self.controller.script
        highlight = self.highlighter.current
        if self.controller.problem:
            text = tr("Reading aloud unavailable")
        elif state is State.STOPPED or script is None:
            text = ""
        else:
            index = next((i for i, u in enumerate(script) if highlight and u.anchor == highlight.anchor
                          and u.start == highlight.start), None)
            where = tr(" – sentence {n} of {count}").format(n=index + 1, count=len(script)) if index is not None else ""
            text = (tr("Paused") if state is State.PAUSED else tr("Reading aloud")) + where
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.rate_label.setVisible(state is not State.STOPPED and not self.controller.problem)

    def explain_unavailable(self) -> None:
        if self.controller.problem:
            self.context.messages.information(tr("Reading aloud is not available"), self.controller.problem)
        elif self.controller.loading:
            self.context.show_status(tr("The voice is still starting; try again in a moment."), 5000)

    # Start-up and shutdown ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Close:
            self.shutdown()
        elif (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
              and watched is QApplication.focusWidget()):  # once per key: not again on its way to the parents
            self._key_pressed(event)
        return False

    def shutdown(self) -> None:
        if self._export is not None:
            self._export[0].cancel.set()
            self._export[0].wait(5000)
        self.controller.shutdown()
        self.highlighter.clear()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @property
    def play_action(self) -> QAction:
        return self.actions["speech_play"]
