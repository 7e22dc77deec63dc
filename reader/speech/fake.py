"""A stand-in engine for fast tests and demonstrations: a quiet tone as long as the words would take.

It keeps the real engine's contract (whole audio, word offsets in order, rate shortens the
audio, cancel raises) so the narrator and the window can be tested in milliseconds.
"""

from __future__ import annotations

import array
import math
import re
import threading
import time

from reader.speech.engine import DEFAULT_RATE, Audio, SynthesisCancelled, Timing, Voice, WordMark, clamp_rate

SAMPLE_RATE = 22050


def _tone(frames: int, sample_rate: int = SAMPLE_RATE, hz: int = 220, amplitude: int = 3000) -> bytes:
    period = [round(amplitude * math.sin(2 * math.pi * i * hz / sample_rate))
              for i in range(sample_rate // hz)]
    repeats = frames // len(period) + 1
    return array.array("h", period * repeats)[:frames].tobytes()


class FakeEngine:
    """Words take ``60000 / rate`` ms each (or ``word_ms`` scaled by the rate); ``delay`` s of pretend work."""

    name = "Test voice"

    def __init__(self, timing: str = "words", delay: float = 0.0, fail_on: str | None = None,
                 word_ms: int | None = None) -> None:
        self.timing = Timing(timing)
        self.word_ms = word_ms  # a word's length at the normal rate, to make tests quicker
        self.delay = delay
        self.fail_on = fail_on
        self.calls: list[tuple[str, str, int, int]] = []

    def voices(self) -> list[Voice]:
        return [Voice("test/low", "Test voice (low)", ("en-gb",)), Voice("test/high", "Test voice (high)", ("en-us",))]

    def default_voice(self, language: str = "en-GB") -> str:
        return "test/low"

    def synthesise(self, text: str, voice: str = "", rate: int = DEFAULT_RATE, volume: int = 100,
                   cancel: threading.Event | None = None) -> Audio:
        self.calls.append((text, voice, rate, volume))
        if voice and voice not in {v.id for v in self.voices()}:
            raise ValueError(f"The voice “{voice}” is not installed.")
        if self.fail_on and self.fail_on in text:
            raise RuntimeError(f"The test voice refuses “{self.fail_on}”.")
        deadline = time.monotonic() + self.delay
        while time.monotonic() < deadline:
            if cancel is not None and cancel.is_set():
                raise SynthesisCancelled()
            time.sleep(0.002)
        if cancel is not None and cancel.is_set():
            raise SynthesisCancelled()
        word_ms = (self.word_ms or 60000 // DEFAULT_RATE) * DEFAULT_RATE // clamp_rate(rate)
        words = tuple(WordMark(m.start(), len(m.group()), i * word_ms)
                      for i, m in enumerate(re.finditer(r"[\w’'-]+", text)))
        frames = SAMPLE_RATE * (len(words) * word_ms + 200) // 1000
        amplitude = 3000 * max(0, min(200, volume)) // 100
        marks = words if self.timing is Timing.WORDS else ()
        return Audio(_tone(frames, amplitude=amplitude), SAMPLE_RATE, marks)
