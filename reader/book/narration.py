"""A section spoken into one MP3, with where each sentence starts and ends in it.

The audio is made exactly as "Save as audio" makes it (one utterance at a time, each followed by
its pause), so the book sounds like read-aloud. Timings are counted in PCM frames as the audio
is written, never estimated: each sentence's clip runs from its first frame to the first frame
of the next one, pause included, so the clips cover the whole file without gaps and a player
that jumps from clip to clip keeps the pauses.

MP3 encoding costs about four times the synthesis (measured on the whole guide: 4.0 s against
1.1 s of CPU), and lameenc releases the GIL, so an :class:`Encoder` thread encodes while the
voice goes on to the next sentences. Its queue is bounded, so audio never piles up in memory.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from reader.speech.audio import Mp3Writer
from reader.speech.engine import DEFAULT_RATE, SpeechEngine
from reader.speech.export import spoken
from reader.speech.prepare import Script

Progress = Callable[[int, int, str], None]  # sentences done, sentences in all, section title
# LAME starts every file with this many frames of its own (576 of encoder delay and 529 of decoder delay), and
# our MP3s carry no gapless-playback header, so every player hears the speech this much later than it was
# written: the clips are shifted to match (about 50 ms at espeak's 22,050 Hz; measured with miniaudio).
ENCODER_DELAY_FRAMES = 1105

_T = TypeVar("_T")


@dataclass(frozen=True)
class Clip:
    begin_ms: float
    end_ms: float


@dataclass(frozen=True)
class Narration:
    encoded: Future[bytes]
    clips: tuple[Clip, ...]  # one per utterance of the script, in order
    duration_ms: float

    @property
    def mp3(self) -> bytes:
        """The section's MP3 file (waits for the encoder to finish it)."""
        return self.encoded.result()


class Encoder:
    """One thread that encodes, in order, what the sections hand it; at most ``backlog`` pieces wait."""

    def __init__(self, backlog: int = 64) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mp3")
        self._room = threading.BoundedSemaphore(backlog)

    def submit(self, work: Callable[[], _T]) -> Future[_T]:
        self._room.acquire()
        future = self._pool.submit(work)
        future.add_done_callback(lambda _done: self._room.release())
        return future

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=True, cancel_futures=cancel)

    def __enter__(self) -> Encoder:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.close(cancel=error is not None)


def narrate(engine: SpeechEngine, script: Script, *, voice: str = "", rate: int = DEFAULT_RATE,
            progress: Progress | None = None, cancel: threading.Event | None = None,
            counted: tuple[int, int] | None = None, encoder: Encoder | None = None) -> Narration:
    """Speak ``script``; ``counted`` is (sentences done before, sentences in all) for the progress.

    With an ``encoder``, the MP3 is made on its thread and :attr:`Narration.mp3` waits for it."""
    if encoder is None:
        with Encoder() as own:
            narration = narrate(engine, script, voice=voice, rate=rate, progress=progress, cancel=cancel,
                                counted=counted, encoder=own)
            narration.mp3  # noqa: B018 -- finished before the encoder closes
            return narration
    writer: Mp3Writer | None = None
    sample_rate = 0
    frames = 0
    clips: list[Clip] = []
    writes: list[Future[bytes | None]] = []
    for sample_rate, pcm in spoken(engine, script, voice=voice, rate=rate, progress=progress, cancel=cancel,
                                   counted=counted):
        if writer is None:
            writer = Mp3Writer(sample_rate)
        writes.append(encoder.submit(functools.partial(writer.write, pcm)))
        begin = frames + ENCODER_DELAY_FRAMES if clips else 0  # the first clip starts with the file
        frames += len(pcm) // 2
        clips.append(Clip(begin * 1000 / sample_rate, (frames + ENCODER_DELAY_FRAMES) * 1000 / sample_rate))
    if writer is None:
        raise ValueError(f"“{script.title}” has nothing to read aloud")
    finished_writer = writer

    def finish() -> bytes:
        for write in writes:  # all done by now: the encoder works in order
            if write.exception() is not None:
                raise RuntimeError(f"The audio of “{script.title}” could not be encoded: {write.exception()}")
        return finished_writer.finish()

    return Narration(encoder.submit(finish), tuple(clips), (frames + ENCODER_DELAY_FRAMES) * 1000 / sample_rate)
