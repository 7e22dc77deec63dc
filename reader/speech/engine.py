"""What the reader needs from a speech engine, and how it finds one.

An engine turns one utterance into audio the reader plays (or saves) itself. Playing the
audio ourselves is what makes pause, resume, skip and the highlight exact: an engine that
speaks by itself only says "started" and "finished", and pyttsx3's word events fire during
synthesis, not while the words are heard. Each engine says what timing it can report:
``Timing.WORDS`` (each word's offset in the audio) or ``Timing.SENTENCES`` (only the whole
utterance).
"""

from __future__ import annotations

import os
import platform
import threading
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Protocol

from reader.settings import REGISTRY
from reader.translatable import QT_TR_NOOP, Text

ENGINE_ENV = "COPRODUCTION_READER_SPEECH"  # "espeak", "pyttsx3", "fake" or "none" (for tests)
_RATE = REGISTRY["speech_rate"]  # the one declaration of the speed's limits
MIN_RATE, MAX_RATE, DEFAULT_RATE = int(_RATE.minimum or 0), int(_RATE.maximum or 0), int(_RATE.default)
RATE_STEP = int(_RATE.step or 1)


class Timing(Enum):
    WORDS = "words"
    SENTENCES = "sentences"


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...] = ()
    gender: str | None = None

    def label(self) -> str:
        language = f" – {', '.join(self.languages)}" if self.languages else ""
        return f"{self.name}{language}"


@dataclass(frozen=True)
class WordMark:
    """A word of the utterance: its place in the spoken text and when it is heard."""

    start: int
    length: int
    ms: int


@dataclass(frozen=True)
class Audio:
    """Mono 16-bit PCM with the words' offsets (empty when the engine reports sentences only)."""

    pcm: bytes
    sample_rate: int
    words: tuple[WordMark, ...] = field(default=())

    @property
    def frames(self) -> int:
        return len(self.pcm) // 2

    @property
    def duration_ms(self) -> int:
        return self.frames * 1000 // self.sample_rate if self.sample_rate else 0

    def word_at(self, ms: int) -> WordMark | None:
        """The word being heard ``ms`` into the audio."""
        current = None
        for word in self.words:
            if word.ms > ms:
                break
            current = word
        return current


class SynthesisCancelled(Exception):
    """Synthesis stopped because the caller asked it to."""


class EngineUnavailable(RuntimeError):
    """No speech engine on this system; the message says how to enable one."""


class SpeechEngine(Protocol):
    name: str
    timing: Timing

    def voices(self) -> list[Voice]: ...

    def default_voice(self, language: str = "en-GB") -> str: ...

    def synthesise(self, text: str, voice: str = "", rate: int = DEFAULT_RATE, volume: int = 100,
                   cancel: threading.Event | None = None) -> Audio: ...


def clamp_rate(rate: int) -> int:
    return max(MIN_RATE, min(MAX_RATE, int(rate)))


def _os_release() -> dict[str, str]:
    try:
        lines = Path("/etc/os-release").read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    values = {}
    for line in lines:
        key, _, value = line.partition("=")
        values[key] = value.strip().strip('"')
    return values


def how_to_enable(system: str | None = None, release: dict[str, str] | None = None) -> str:
    """The exact step that gives this system a voice."""
    system = system or platform.system()
    if system == "Linux":
        release = _os_release() if release is None else release
        family = f"{release.get('ID', '')} {release.get('ID_LIKE', '')}".split()
        if {"debian", "ubuntu"} & set(family):
            command = "sudo apt-get install libespeak-ng1"
        elif {"fedora", "rhel", "centos"} & set(family):
            command = "sudo dnf install espeak-ng"
        elif "arch" in family:
            command = "sudo pacman -S espeak-ng"
        elif {"suse", "opensuse"} & set(family):
            command = "sudo zypper install espeak-ng"
        else:
            command = Text(QT_TR_NOOP("install the eSpeak NG speech library (package libespeak-ng1 or espeak-ng)"))
        return Text(QT_TR_NOOP("Reading aloud needs the eSpeak NG voice, which is not installed. To enable it, "
                               "run: {command} — then start the reader again. Everything else works without it."),
                    command=command)
    if system == "Windows":
        return Text(QT_TR_NOOP("Reading aloud uses the voices built into Windows, and none could be used. Check "
                               "that a voice is installed under Settings › Time & language › Speech, then start "
                               "the reader again."))
    if system == "Darwin":
        return Text(QT_TR_NOOP("Reading aloud uses the voices built into macOS, and none could be used. Check "
                               "System Settings › Accessibility › Spoken Content, then start the reader again."))
    return Text(QT_TR_NOOP("Reading aloud needs the eSpeak NG speech library, which was not found on this system."))


def open_engine(kind: str | None = None) -> SpeechEngine:
    """The best engine here: eSpeak NG driven directly on Linux, pyttsx3's driver elsewhere.

    Raises :class:`EngineUnavailable` with the how-to-enable message when there is none."""
    kind = (kind or os.environ.get(ENGINE_ENV) or "auto").lower()
    if kind == "fake":
        from reader.speech.fake import FakeEngine

        return FakeEngine()
    if kind == "none":
        raise EngineUnavailable(how_to_enable())
    if kind in ("auto", "espeak"):
        from reader.speech.espeak import EspeakEngine, espeak_available

        if espeak_available():
            return EspeakEngine()
        if kind == "espeak" or platform.system() == "Linux":
            raise EngineUnavailable(how_to_enable())
    from reader.speech.pyttsx3_files import Pyttsx3FileEngine

    try:
        return Pyttsx3FileEngine()
    except Exception as error:  # pyttsx3 raises many kinds when a platform has no voice
        raise EngineUnavailable(how_to_enable()) from error  # the cause stays chained, out of the message
