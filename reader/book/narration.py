"""A section spoken into one MP3, with where each sentence starts and ends in it.

The audio is made exactly as "Save as audio" makes it (one utterance at a time, each followed by
its pause), so the book sounds like read-aloud. Timings are counted in PCM frames as the audio
is written, never estimated: each sentence's clip runs from its first frame to the first frame
of the next one, pause included, so the clips cover the whole file without gaps and a player
that jumps from clip to clip keeps the pauses.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from reader.speech.audio import Mp3Writer, silence
from reader.speech.engine import DEFAULT_RATE, SpeechEngine, SynthesisCancelled
from reader.speech.export import ExportCancelled
from reader.speech.prepare import Script

Progress = Callable[[int, int, str], None]  # sentences done, sentences in all, section title


@dataclass(frozen=True)
class Clip:
    begin_ms: float
    end_ms: float


@dataclass(frozen=True)
class Narration:
    mp3: bytes
    clips: tuple[Clip, ...]  # one per utterance of the script, in order
    duration_ms: float


def narrate(engine: SpeechEngine, script: Script, *, voice: str = "", rate: int = DEFAULT_RATE,
            progress: Progress | None = None, cancel: threading.Event | None = None,
            counted: tuple[int, int] | None = None) -> Narration:
    """Speak ``script``; ``counted`` is (sentences done before, sentences in all) for the progress."""
    done_before, total = counted or (0, len(script))
    writer: Mp3Writer | None = None
    sample_rate = 0
    frames = 0
    clips: list[Clip] = []
    for index, utterance in enumerate(script.utterances):
        if cancel is not None and cancel.is_set():
            raise ExportCancelled()
        try:
            audio = engine.synthesise(utterance.text, voice, rate, 100, cancel)
        except SynthesisCancelled as stop:
            raise ExportCancelled() from stop
        if writer is None:
            sample_rate = audio.sample_rate
            writer = Mp3Writer(sample_rate)
        pcm = audio.pcm + silence(utterance.pause_at(rate), sample_rate)
        writer.write(pcm)
        begin = frames
        frames += len(pcm) // 2
        clips.append(Clip(begin * 1000 / sample_rate, frames * 1000 / sample_rate))
        if progress is not None:
            progress(done_before + index + 1, total, script.title)
    if writer is None:
        raise ValueError(f"“{script.title}” has nothing to read aloud")
    return Narration(writer.finish(), tuple(clips), frames * 1000 / sample_rate)
