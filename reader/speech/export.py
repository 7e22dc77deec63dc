"""Saving sections as audio files (MP3 or WAV), with progress and cancellation.

Each utterance is synthesised in turn and encoded as it comes, with the same pauses the
listener hears. The file is written atomically at the end, so a cancelled or failed save
leaves no half file behind (and never replaces a good one).
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader import atomic
from reader.speech.audio import Mp3Writer, WavWriter, id3_tag, silence
from reader.speech.engine import DEFAULT_RATE, SpeechEngine, SynthesisCancelled
from reader.speech.prepare import Script

FORMATS = ("mp3", "wav")
Progress = Callable[[int, int, str], None]  # utterances done, utterances in all, section title


class ExportCancelled(Exception):
    """The listener cancelled; nothing was written for the section being saved."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    duration_ms: int
    size: int
    utterances: int


def audio_format(path: Path) -> str:
    """``mp3`` or ``wav`` from the file name; anything else is refused with a clear message."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"“{path.name}” must end in .mp3 or .wav")
    return suffix


def file_name(number: int, title: str, fmt: str) -> str:
    """``01 Foreword.mp3``: sorts in reading order and is safe on every file system."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).strip(" .") or "Section"
    safe = re.sub(r"\s+", " ", safe)[:80]
    return f"{number:02d} {safe}.{fmt}"


def spoken(engine: SpeechEngine, script: Script, *, voice: str, rate: int, progress: Progress | None,
           cancel: threading.Event | None, counted: tuple[int, int] | None) -> Iterator[tuple[int, bytes]]:
    """Each utterance of ``script`` as (sample rate, PCM followed by its pause), the way read-aloud says it.

    Cancelling is checked before every utterance and inside the engine; progress is reported once the
    caller has taken each piece, so "done" means written.
    """
    done_before, total = counted or (0, len(script))
    for index, utterance in enumerate(script.utterances):
        if cancel is not None and cancel.is_set():
            raise ExportCancelled()
        try:
            audio = engine.synthesise(utterance.text, voice, rate, 100, cancel)
        except SynthesisCancelled as stop:
            raise ExportCancelled() from stop
        yield audio.sample_rate, audio.pcm + silence(utterance.pause_at(rate), audio.sample_rate)
        if progress is not None:
            progress(done_before + index + 1, total, script.title)


def export_script(engine: SpeechEngine, script: Script, path: Path, *, voice: str = "",
                  rate: int = DEFAULT_RATE, progress: Progress | None = None,
                  cancel: threading.Event | None = None, album: str = "", track: str = "",
                  counted: tuple[int, int] | None = None) -> ExportResult:
    """Speak ``script`` into ``path``; ``counted`` is (done before, total) when part of a larger save."""
    fmt = audio_format(path)
    writer: Mp3Writer | WavWriter | None = None
    sample_rate = 0
    frames = 0
    for sample_rate, pcm in spoken(engine, script, voice=voice, rate=rate, progress=progress, cancel=cancel,
                                   counted=counted):
        if writer is None:
            writer = Mp3Writer(sample_rate) if fmt == "mp3" else WavWriter(sample_rate)
        writer.write(pcm)
        frames += len(pcm) // 2
    if cancel is not None and cancel.is_set():
        raise ExportCancelled()
    if writer is None:
        raise ValueError(f"“{script.title}” has nothing to read aloud")
    data = writer.finish(id3_tag(script.title, album, "Co-production Reader", track) if fmt == "mp3" else b"")
    atomic.write_bytes(path, data)
    _shareable(path)
    return ExportResult(path, frames * 1000 // sample_rate, len(data), len(script))


def _shareable(path: Path) -> None:
    """Files made to be shared get the usual permissions (the atomic write creates them private)."""
    mask = os.umask(0)
    os.umask(mask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~mask)


def export_scripts(engine: SpeechEngine, scripts: Sequence[Script], folder: Path, fmt: str = "mp3", *,
                   voice: str = "", rate: int = DEFAULT_RATE, progress: Progress | None = None,
                   cancel: threading.Event | None = None, album: str = "") -> list[ExportResult]:
    """One file per section, numbered in reading order. Files finished before a cancel are kept."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown audio format {fmt!r}")
    folder.mkdir(parents=True, exist_ok=True)
    total = sum(len(script) for script in scripts)
    done = 0
    results = []
    for number, script in enumerate(scripts, 1):
        if not script.utterances:
            continue
        path = folder / file_name(number, script.title, fmt)
        results.append(export_script(engine, script, path, voice=voice, rate=rate, progress=progress,
                                     cancel=cancel, album=album, track=f"{number}/{len(scripts)}",
                                     counted=(done, total)))
        done += len(script)
    return results
