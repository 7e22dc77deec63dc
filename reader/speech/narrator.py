"""Reading a script aloud: synthesis a sentence or two ahead, playback, and what is heard now.

Every method called by the window returns at once: synthesis, opening the sound device and
closing it happen on the narrator's own thread. Each start, skip or stop begins a new
*generation*; audio that belongs to an older one is dropped, so a late result can never
play after the listener has moved on. The window asks :meth:`Narrator.snapshot` (a few
times a second while reading) what is heard now, and gets told through ``on_change``
when reading starts, ends or fails.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import cast

from reader.speech.audio import silence
from reader.speech.engine import DEFAULT_RATE, Audio, SpeechEngine, SynthesisCancelled, clamp_rate
from reader.speech.player import AudioUnavailable, Clip, Player
from reader.speech.prepare import Script

AHEAD = 2  # sentences synthesised beyond the one being heard
CACHE = 64  # sentences kept, so going back is instant
CLOSE_DEVICE_AFTER = 3.0  # seconds stopped before the sound device is released


class State(Enum):
    STOPPED = "stopped"
    STARTING = "starting"  # asked to play; the first sound is on its way
    PLAYING = "playing"
    PAUSED = "paused"


@dataclass(frozen=True)
class Snapshot:
    state: State
    index: int | None  # the utterance being heard (or where reading will start)
    word: tuple[int, int] | None  # span of the word heard now, in its block's displayed text
    finished: int  # how many times the script was read to its end
    error: str | None  # the last error, if reading stopped because of one
    errors: int  # how many errors so far, so the window shows each once


@dataclass(frozen=True)
class _Job:
    generation: int
    index: int
    text: str
    voice: str
    rate: int
    volume: int
    cancel: threading.Event


class Narrator:
    def __init__(self, engine: SpeechEngine, *, voice: str = "", rate: int = DEFAULT_RATE, volume: int = 100,
                 player_factory: Callable[[int], Player] = Player,
                 on_change: Callable[[], None] | None = None) -> None:
        self.engine = engine
        self.voice = voice
        self.rate = clamp_rate(rate)
        self.volume = volume
        self.on_change = on_change
        self._player_factory = player_factory
        self._player: Player | None = None
        self._cond = threading.Condition()
        self._script = Script("", "", ())
        self._state = State.STOPPED
        self._generation = 0
        self._cancel = threading.Event()
        self._start = 0
        self._next = 0
        self._heard = 0
        self._audio: dict[int, Audio] = {}
        self._cache: OrderedDict[tuple[int, str, str, int, int], Audio] = OrderedDict()
        self._finished = 0
        self._error: str | None = None
        self._errors = 0
        self._stopped_at = time.monotonic()
        self._closed = False
        self._notify = False
        self._thread = threading.Thread(target=self._run, name="narrator", daemon=True)
        self._thread.start()

    # Commands (any thread; they never wait for synthesis or the device) -------------------

    @property
    def script(self) -> Script:
        return self._script

    def load(self, script: Script) -> None:
        """Read ``script`` from now on (stops what was being read)."""
        with self._cond:
            self._stop_locked()
            if script.section_id != self._script.section_id:
                self._cache.clear()
            self._script = script
            self._start = self._heard = 0

    def play(self, index: int | None = None) -> None:
        """Start reading at ``index`` (default: where reading last was, or the beginning)."""
        with self._cond:
            if not self._script.utterances:
                return
            if index is None:
                index = self._heard if self._state is not State.STOPPED or self._heard < len(self._script) else 0
            self._begin(index, paused=False)

    def pause(self) -> None:
        with self._cond:
            if self._state in (State.PLAYING, State.STARTING):
                self._state = State.PAUSED
                if self._player is not None:
                    self._player.pause()

    def resume(self) -> None:
        with self._cond:
            if self._state is State.PAUSED:
                self._state = State.STARTING if self._position_locked() is None else State.PLAYING
                if self._player is not None:
                    self._player.resume()
                self._cond.notify_all()

    def toggle(self) -> None:
        """Play/Pause: pause when reading, carry on when paused, start when stopped."""
        state = self._state
        if state in (State.PLAYING, State.STARTING):
            self.pause()
        elif state is State.PAUSED:
            self.resume()
        else:
            self.play()

    def stop(self) -> None:
        with self._cond:
            self._stop_locked()

    def skip(self, step: int) -> None:
        """Move ``step`` sentences (negative: back); keeps playing or stays paused."""
        with self._cond:
            if not self._script.utterances:
                return
            target = max(0, min(len(self._script) - 1, self._current_locked() + step))
            self._begin(target, paused=self._state is State.PAUSED)

    def skip_block(self, step: int) -> None:
        """Next paragraph (step > 0) or the start of this one / the one before (step < 0)."""
        with self._cond:
            if not self._script.utterances:
                return
            current = self._current_locked()
            if step > 0:
                target = self._script.next_block(current)
                if target is None:
                    return
            else:
                target = self._script.previous_block(current)
            self._begin(target, paused=self._state is State.PAUSED)

    def configure(self, voice: str | None = None, rate: int | None = None, volume: int | None = None) -> None:
        """New voice settings; if reading, the current sentence starts again with them."""
        with self._cond:
            changed = False
            if voice is not None and voice != self.voice:
                self.voice, changed = voice, True
            if rate is not None and clamp_rate(rate) != self.rate:
                self.rate, changed = clamp_rate(rate), True
            if volume is not None and volume != self.volume:
                self.volume, changed = volume, True
            if changed and self._state is not State.STOPPED:
                self._begin(self._current_locked(), paused=self._state is State.PAUSED)

    def close(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._stop_locked()
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout)
        if self._player is not None:
            self._player.close()
            self._player = None

    # What is heard ------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        with self._cond:
            index: int | None = None
            word = None
            position = self._position_locked()
            if position is not None:
                index, ms = position
                audio = self._audio.get(index)
                mark = audio.word_at(ms) if audio is not None else None
                if mark is not None:
                    word = self._script[index].word_span(mark.start, mark.length)
            elif self._state is not State.STOPPED:
                index = self._current_locked()
            return Snapshot(self._state, index, word, self._finished, self._error, self._errors)

    @property
    def state(self) -> State:
        return self._state

    @property
    def player(self) -> Player | None:
        return self._player

    # Inside (callers hold the lock) -------------------------------------------------------

    def _position_locked(self) -> tuple[int, int] | None:
        if self._player is None:
            return None
        position = self._player.position()
        if position is None:
            return None
        tag, ms = position
        generation, index = cast("tuple[int, int]", tag)  # each clip is queued with this tag
        return (index, ms) if generation == self._generation else None

    def _current_locked(self) -> int:
        position = self._position_locked()
        return position[0] if position is not None else min(self._heard, max(0, len(self._script) - 1))

    def _begin(self, index: int, paused: bool) -> None:
        self._generation += 1
        self._cancel.set()
        self._cancel = threading.Event()
        self._start = self._next = self._heard = index
        self._audio = {}
        self._state = State.PAUSED if paused else State.STARTING
        self._error = None
        if self._player is not None:
            self._player.clear()
            (self._player.pause if paused else self._player.resume)()
        self._cond.notify_all()

    def _stop_locked(self) -> None:
        if self._state is State.STOPPED:
            return
        self._heard = self._current_locked()
        self._generation += 1
        self._cancel.set()
        self._state = State.STOPPED
        self._audio = {}
        self._stopped_at = time.monotonic()
        if self._player is not None:
            self._player.clear()
        self._cond.notify_all()

    def _fail(self, message: str) -> None:
        self._stop_locked()
        self._error = message
        self._errors += 1
        self._notify = True

    def _job(self) -> _Job | None:
        if self._state is State.STOPPED or self._next >= len(self._script):
            return None
        if self._next - self._heard > AHEAD:
            return None
        utterance = self._script[self._next]
        return _Job(self._generation, self._next, utterance.text, self.voice, self.rate, self.volume,
                    self._cancel)

    def _tick(self) -> Player | None:
        """State that follows from what is heard; returns a device to close, if one should be."""
        position = self._position_locked()
        if position is not None:
            self._heard = position[0]
            if self._state is State.STARTING:
                self._state = State.PLAYING
                self._notify = True
        if (self._state in (State.PLAYING, State.STARTING) and self._next >= len(self._script)
                and self._player is not None and self._player.drained() and self._audio):
            self._stop_locked()
            self._heard = len(self._script)
            self._finished += 1
            self._notify = True
        if (self._state is State.STOPPED and self._player is not None
                and time.monotonic() - self._stopped_at > CLOSE_DEVICE_AFTER):
            player, self._player = self._player, None
            return player
        return None

    # The narrator's thread ----------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                if self._closed:
                    return
                closing = self._tick()
                job = self._job() if closing is None else None
                notify, self._notify = self._notify, False
                if job is None and closing is None and not notify:
                    idle = self._state is State.STOPPED and self._player is None
                    self._cond.wait(None if idle else 0.02)  # asleep until told, when there is nothing to do
                    continue
            if closing is not None:
                closing.close()
            if notify and self.on_change is not None:
                self.on_change()
            if job is not None:
                self._perform(job)

    def _perform(self, job: _Job) -> None:
        key = (job.index, job.text, job.voice, job.rate, job.volume)
        audio = self._cache.get(key)
        if audio is None:
            try:
                audio = self.engine.synthesise(job.text, job.voice, job.rate, job.volume, job.cancel)
            except SynthesisCancelled:
                return
            except Exception as error:  # every failure reaches the listener
                with self._cond:
                    if job.generation == self._generation:
                        self._fail(str(error) or error.__class__.__name__)
                return
        try:
            player = self._player_for(audio.sample_rate)
        except AudioUnavailable as error:
            with self._cond:
                if job.generation == self._generation:
                    self._fail(str(error))
            return
        with self._cond:
            self._cache[key] = audio
            self._cache.move_to_end(key)
            while len(self._cache) > CACHE:
                self._cache.popitem(last=False)
            if job.generation != self._generation:
                return
            pause = self._script[job.index].pause_at(job.rate)
            self._audio[job.index] = audio
            player.enqueue(Clip((job.generation, job.index), audio.pcm + silence(pause, audio.sample_rate)))
            self._next = job.index + 1

    def _player_for(self, sample_rate: int) -> Player:
        """The open device for this sample rate (opened here, on the narrator's thread)."""
        player = self._player
        if player is not None and player.sample_rate != sample_rate:
            with self._cond:
                self._player = None
            player.close()
            player = None
        if player is None:
            player = self._player_factory(sample_rate)
            if self._state is State.PAUSED:
                player.pause()
            player.open()
            with self._cond:
                self._player = player
                if self._state is State.PAUSED:
                    player.pause()
        return player
