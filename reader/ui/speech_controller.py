"""Reading aloud for the window: the engine loaded off the UI thread, the narrator, what is heard now.

The engine is opened by a QThread after the window has painted, so start-up never waits for
speech. The narrator synthesises and plays on its own threads; its "something changed"
callback arrives here as a queued signal, and a timer asks it what is heard a few times a
second while reading, turning that into a :class:`Highlight`. Nothing here ever blocks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal

from reader.settings import Settings
from reader.speech.engine import RATE_STEP, EngineUnavailable, SpeechEngine, clamp_rate, how_to_enable, open_engine
from reader.speech.narrator import Narrator, Snapshot, State
from reader.speech.player import Player
from reader.speech.prepare import Script
from reader.translatable import message_of
from reader.ui.i18n import translated
from reader.ui.speech_highlight import Highlight

POLL_MS = 40


class EngineLoader(QThread):
    """Opens the speech engine (and reads its voices) away from the UI thread."""

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, factory: Callable[[], SpeechEngine], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.factory = factory

    def run(self) -> None:
        try:
            engine = self.factory()
            engine.voices()
        except EngineUnavailable as error:
            self.failed.emit(translated(message_of(error)))
        except Exception:  # an engine that fails in any way is reported, never silent
            self.failed.emit(translated(how_to_enable()))  # plain words; the cause is no help to the reader
        else:
            self.loaded.emit(engine)


_RUNNING: set[EngineLoader] = set()  # loaders outlive a window closed while they work, rather than crash


class SpeechController(QObject):
    availabilityChanged = Signal()
    stateChanged = Signal(str)  # a State value
    highlightChanged = Signal(object)  # Highlight or None
    errorOccurred = Signal(str)
    finished = Signal(str)  # the id of the section read to its end
    rateChanged = Signal(int)
    _narratorChanged = Signal()

    def __init__(self, settings: Settings, engine_factory: Callable[[], SpeechEngine] = open_engine,
                 player_factory: Callable[[int], Player] = Player, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.engine_factory = engine_factory
        self.player_factory = player_factory
        self.engine: SpeechEngine | None = None
        self.problem = ""  # why speech is unavailable, once known
        self.narrator: Narrator | None = None
        self._loader: EngineLoader | None = None
        self._pending: list[Callable[[], None]] = []
        self._closed = False
        self._last_state = State.STOPPED.value
        self._last_highlight: Highlight | None = None
        self._finished_seen = 0
        self._errors_seen = 0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._narratorChanged.connect(self.poll, Qt.ConnectionType.QueuedConnection)

    # The engine -----------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self.engine is None and not self.problem

    @property
    def available(self) -> bool:
        return self.engine is not None

    def start(self) -> None:
        """Begin opening the engine (once); call after the window is on screen."""
        if self._closed or self._loader is not None or self.engine is not None or self.problem:
            return
        loader = EngineLoader(self.engine_factory)
        _RUNNING.add(loader)
        loader.finished.connect(lambda: _RUNNING.discard(loader))
        loader.loaded.connect(self._engine_loaded)
        loader.failed.connect(self._engine_failed)
        self._loader = loader
        loader.start()

    def wait_until_loaded(self, ms: int = 10000) -> bool:
        """For tests and the benchmark: block until the engine is known (never used by the window)."""
        if self._loader is not None:
            self._loader.wait(ms)
            QCoreApplication.sendPostedEvents(self)
            QCoreApplication.processEvents()
        return self.available

    def _engine_loaded(self, engine: SpeechEngine) -> None:
        if self._closed:
            return
        self.engine = engine
        voice = self.settings.get("speech_voice")
        if voice and voice not in {v.id for v in engine.voices()}:
            voice = ""  # a voice that was uninstalled: fall back rather than fail on every sentence
        self.narrator = Narrator(engine, voice=voice, rate=self.settings.get("speech_rate"),
                                 volume=self.settings.get("speech_volume"), player_factory=self.player_factory,
                                 on_change=self._narratorChanged.emit)
        self.availabilityChanged.emit()
        pending, self._pending = self._pending, []
        for action in pending:
            action()

    def _engine_failed(self, message: str) -> None:
        self.problem = message
        self._pending.clear()
        self.availabilityChanged.emit()

    def _when_ready(self, action: Callable[[], None]) -> None:
        if self.narrator is not None:
            action()
        elif self.loading:
            self._pending.append(action)  # pressed before the engine was ready: do it when it is
            self.start()
        else:
            self.errorOccurred.emit(self.problem)

    # Commands ------------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self.narrator.state if self.narrator is not None else State.STOPPED

    @property
    def script(self) -> Script | None:
        return self.narrator.script if self.narrator is not None else None

    def read(self, script: Script, index: int = 0) -> None:
        def go() -> None:
            assert self.narrator is not None
            self.narrator.load(script)
            self.narrator.play(index)
            self._timer.start()
            self.poll()

        self._when_ready(go)

    def toggle(self) -> None:
        if self.narrator is not None:
            self.narrator.toggle()
            self._timer.start()
            self.poll()

    def stop(self) -> None:
        self._pending.clear()
        if self.narrator is not None:
            self.narrator.stop()
            self.poll()

    def skip(self, step: int) -> None:
        if self.narrator is not None and self.state is not State.STOPPED:
            self.narrator.skip(step)
            self.poll()

    def skip_block(self, step: int) -> None:
        if self.narrator is not None and self.state is not State.STOPPED:
            self.narrator.skip_block(step)
            self.poll()

    @property
    def rate(self) -> int:
        return int(self.settings.get("speech_rate"))

    def set_rate(self, rate: int) -> None:
        rate = clamp_rate(rate)
        self.settings.set("speech_rate", rate)
        if self.narrator is not None:
            self.narrator.configure(rate=rate)
        self.rateChanged.emit(rate)

    def change_rate(self, steps: int) -> None:
        self.set_rate(self.rate + steps * RATE_STEP)

    def set_voice(self, voice: str, volume: int | None = None) -> None:
        self.settings.set("speech_voice", voice)
        if volume is not None:
            self.settings.set("speech_volume", volume)
        if self.narrator is not None:
            self.narrator.configure(voice=voice, volume=volume)

    def shutdown(self) -> None:
        self._closed = True
        self._pending.clear()
        self._timer.stop()
        if self._loader is not None:
            self._loader.wait(5000)
        if self.narrator is not None:
            self.narrator.close()
            self.narrator = None

    # What is heard -------------------------------------------------------------------------

    def poll(self) -> None:
        narrator = self.narrator
        if narrator is None:
            return
        snapshot = narrator.snapshot()
        self._publish(snapshot)
        if snapshot.state is State.STOPPED:
            self._timer.stop()

    def _publish(self, snapshot: Snapshot) -> None:
        narrator = self.narrator
        assert narrator is not None
        script = narrator.script
        highlight = None
        if snapshot.index is not None and snapshot.index < len(script):
            utterance = script[snapshot.index]
            highlight = Highlight(script.section_id, utterance.anchor, utterance.start, utterance.end,
                                  snapshot.word)
        if snapshot.state.value != self._last_state:
            self._last_state = snapshot.state.value
            self.stateChanged.emit(snapshot.state.value)
        if highlight != self._last_highlight:
            self._last_highlight = highlight
            self.highlightChanged.emit(highlight)
        if snapshot.errors != self._errors_seen:
            self._errors_seen = snapshot.errors
            if snapshot.error:
                self.errorOccurred.emit(snapshot.error)
        if snapshot.finished != self._finished_seen:
            self._finished_seen = snapshot.finished
            self.finished.emit(script.section_id)
