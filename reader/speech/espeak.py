"""eSpeak NG driven directly and synchronously through pyttsx3's ctypes binding.

pyttsx3's own queue loses utterances, keeps stale rates and can return before a file is
complete (see the platform notes); its binding (``pyttsx3.drivers._espeak``) is sound. Here
the library runs in ``AUDIO_OUTPUT_SYNCHRONOUS`` mode: ``espeak_Synth`` returns only once
every buffer and event of the utterance has reached our callback, so a call either gives
the whole audio or raises. The library is process-wide and not thread-safe, so one lock
serialises every call, and rate, voice and volume are set on every call rather than trusted.

Never call ``pyttsx3.init()`` in the same process: its driver re-initialises the library
and replaces the callback.
"""

from __future__ import annotations

import ctypes
import threading
from functools import lru_cache
from types import ModuleType
from typing import Any

from reader.speech import voice_choice
from reader.speech.engine import (
    DEFAULT_RATE,
    Audio,
    SynthesisCancelled,
    Timing,
    Voice,
    WordMark,
    clamp_rate,
)

_LOCK = threading.RLock()
_BUFFER_MS = 200


@lru_cache(maxsize=1)
def _binding() -> ModuleType:
    """pyttsx3's binding; importing it loads libespeak-ng and raises RuntimeError when it is missing."""
    from pyttsx3.drivers import _espeak

    binding: ModuleType = _espeak
    return binding


def espeak_available() -> bool:
    try:
        _binding()
    except (RuntimeError, OSError, ImportError, AttributeError):
        return False
    return True


class _Job:
    """What one ``espeak_Synth`` call collects through the callback."""

    def __init__(self, cancel: threading.Event | None) -> None:
        self.chunks: list[bytes] = []
        self.words: list[WordMark] = []
        self.cancel = cancel
        self.cancelled = False
        self.error: BaseException | None = None


class _Library:
    """The one initialised library of this process."""

    def __init__(self) -> None:
        self.espeak = _binding()
        rate = self.espeak.Initialize(self.espeak.AUDIO_OUTPUT_SYNCHRONOUS, _BUFFER_MS, None, 0)
        if rate is None or rate <= 0:
            raise RuntimeError("eSpeak NG could not start: its voice data (espeak-ng-data) may be missing")
        self.sample_rate = int(rate)
        self.job: _Job | None = None
        self.voice = ""
        self._callback = self.espeak.t_espeak_callback(self._on_synth)  # kept alive for the library
        self.espeak.cSetSynthCallback(self._callback)

    def _on_synth(self, wav: Any, samples: int, events: Any) -> int:  # ctypes pointers from the binding
        job = self.job
        if job is None:
            return 1
        try:
            index = 0
            while events[index].type != self.espeak.EVENT_LIST_TERMINATED:
                event = events[index]
                if event.type == self.espeak.EVENT_WORD and event.length > 0 and event.text_position > 0:
                    job.words.append(WordMark(event.text_position - 1, event.length, event.audio_position))
                index += 1
            if samples > 0 and wav:
                job.chunks.append(ctypes.string_at(wav, samples * 2))
            if job.cancel is not None and job.cancel.is_set():
                job.cancelled = True
                return 1
        except BaseException as error:  # an exception must not cross into C; report it after Synth
            job.error = error
            return 1
        return 0


_library: _Library | None = None


def _the_library() -> _Library:
    global _library
    with _LOCK:
        if _library is None:
            _library = _Library()
        return _library


class EspeakEngine:
    """Speech through eSpeak NG with each word's audio offset (``Timing.WORDS``)."""

    name = "eSpeak NG"
    timing = Timing.WORDS

    def __init__(self) -> None:
        self._library = _the_library()
        self.sample_rate = self._library.sample_rate
        self._voices: list[Voice] | None = None

    def voices(self) -> list[Voice]:
        if self._voices is None:
            espeak = self._library.espeak
            with _LOCK:
                found = espeak.ListVoices(None)
                voices = []
                for item in found:
                    languages = (item.languages[1:].decode("utf-8", "replace"),) if item.languages else ()
                    voices.append(Voice(item.identifier.decode("utf-8", "replace"),
                                        item.name.decode("utf-8", "replace"), languages,
                                        {1: "male", 2: "female"}.get(item.gender)))
            self._voices = sorted(voices, key=lambda v: v.name.casefold())
        return list(self._voices)

    def default_voice(self, language: str = "en-GB") -> str:
        return voice_choice.best(self.voices(), language)

    def _configure(self, voice: str, rate: int, volume: int) -> None:
        espeak = self._library.espeak
        voice = voice or self.default_voice()
        if voice != self._library.voice:
            if espeak.SetVoiceByName(voice.encode("utf-8")) != 0:
                raise ValueError(f"The voice “{voice}” is not installed.")
            self._library.voice = voice
        espeak.SetParameter(espeak.RATE, clamp_rate(rate), 0)
        espeak.SetParameter(espeak.VOLUME, max(0, min(200, int(volume))), 0)

    def synthesise(self, text: str, voice: str = "", rate: int = DEFAULT_RATE, volume: int = 100,
                   cancel: threading.Event | None = None) -> Audio:
        """The whole audio of ``text`` with its words' offsets; raises on any failure, never half."""
        espeak = self._library.espeak
        job = _Job(cancel)
        with _LOCK:
            self._configure(voice, rate, volume)
            self._library.job = job
            try:
                status = espeak.Synth(text.encode("utf-8"), flags=espeak.CHARS_UTF8 | espeak.ENDPAUSE)
            finally:
                self._library.job = None
        if job.error is not None:
            raise RuntimeError(f"eSpeak NG failed while speaking: {job.error}") from job.error
        if job.cancelled:
            raise SynthesisCancelled()
        if status != 0:
            raise RuntimeError(f"eSpeak NG could not speak this text (error {status}).")
        return Audio(b"".join(job.chunks), self.sample_rate, tuple(job.words))

    def phonemes(self, text: str, voice: str = "") -> str:
        """eSpeak's phonemes for ``text`` (its ASCII notation): how a respelling will really sound."""
        espeak = self._library.espeak
        function = espeak.dll.espeak_TextToPhonemes
        function.restype = ctypes.c_char_p
        function.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
        buffer = ctypes.create_string_buffer(text.encode("utf-8"))
        pointer = ctypes.c_void_p(ctypes.addressof(buffer))
        parts: list[str] = []
        with _LOCK:
            self._configure(voice, DEFAULT_RATE, 100)
            while pointer.value:
                result = function(ctypes.byref(pointer), espeak.CHARS_UTF8, 0)
                if result:
                    parts.append(result.decode("utf-8", "replace").strip())
        return " ".join(part for part in parts if part)
