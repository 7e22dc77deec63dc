"""The system's own voices (SAPI5 on Windows, NSSpeechSynthesizer on macOS) through pyttsx3.

Used where eSpeak NG cannot be driven directly. pyttsx3 can only save an utterance to a file,
so each sentence is saved, waited for (its ``finished-utterance`` event and a file that stops
growing, since ``runAndWait`` can return early) and read back. These drivers give no word
offsets that match the audio, so this engine reports ``Timing.SENTENCES``: the highlight
follows sentences, not words. All pyttsx3 calls happen on one thread of its own, because
SAPI's COM objects belong to the thread that made them.
"""

from __future__ import annotations

import contextlib
import io
import queue
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from reader.speech import voice_choice
from reader.speech.audio import read_audio_file
from reader.speech.engine import DEFAULT_RATE, Audio, SynthesisCancelled, Timing, Voice, clamp_rate

FILE_TIMEOUT = 30.0


class Pyttsx3FileEngine:
    name = "System voice"
    timing = Timing.SENTENCES

    def __init__(self, driver: str | None = None) -> None:
        self._driver = driver
        self._jobs: queue.Queue[tuple[Callable[[], Any], Future[Any]] | None] = queue.Queue()
        self._ready = threading.Event()
        self._finished = threading.Event()
        self._errors: list[BaseException] = []
        self._engine: Any = None
        self._voices: list[Voice] | None = None
        self._thread = threading.Thread(target=self._run, name="system-voice", daemon=True)
        self._thread.start()
        if not self._ready.wait(FILE_TIMEOUT):
            raise RuntimeError("the system voice did not start in time")
        if self._errors:
            raise self._errors[0]

    def _run(self) -> None:
        try:
            import pyttsx3

            with contextlib.redirect_stdout(io.StringIO()):
                self._engine = pyttsx3.init(self._driver)
            self._engine.connect("finished-utterance", lambda name=None, completed=True: self._finished.set())
            self._engine.connect("error", lambda name=None, exception=None: self._errors.append(
                exception or RuntimeError("the system voice reported an error")))
        except BaseException as error:
            self._errors.append(error)
            self._ready.set()
            return
        self._ready.set()
        while (item := self._jobs.get()) is not None:
            work, future = item
            try:
                future.set_result(work())
            except BaseException as error:
                future.set_exception(error)

    def _call(self, work: Callable[[], Any], timeout: float = FILE_TIMEOUT * 2) -> Any:
        future: Future[Any] = Future()
        self._jobs.put((work, future))
        return future.result(timeout=timeout)

    def close(self) -> None:
        self._jobs.put(None)

    def voices(self) -> list[Voice]:
        if self._voices is None:
            def read() -> list[Voice]:
                found = []
                for item in self._engine.getProperty("voices") or []:
                    languages = tuple(lang.decode("utf-8", "replace") if isinstance(lang, bytes) else str(lang)
                                      for lang in (getattr(item, "languages", None) or []))
                    found.append(Voice(str(item.id), str(item.name or item.id), languages,
                                       (getattr(item, "gender", None) or None)))
                return found
            self._voices = self._call(read)
        return list(self._voices)

    def default_voice(self, language: str = "en-GB") -> str:
        return voice_choice.best(self.voices(), language)

    def synthesise(self, text: str, voice: str = "", rate: int = DEFAULT_RATE, volume: int = 100,
                   cancel: threading.Event | None = None) -> Audio:
        if cancel is not None and cancel.is_set():
            raise SynthesisCancelled()
        pcm, sample_rate = self._call(lambda: self._save(text, voice, rate, volume))
        if cancel is not None and cancel.is_set():
            raise SynthesisCancelled()
        return Audio(pcm, sample_rate, ())

    def _save(self, text: str, voice: str, rate: int, volume: int) -> tuple[bytes, int]:
        engine = self._engine
        self._errors.clear()
        self._finished.clear()
        if voice:
            engine.setProperty("voice", voice)
        engine.setProperty("rate", clamp_rate(rate))
        engine.setProperty("volume", max(0.0, min(1.0, volume / 100)))
        with tempfile.TemporaryDirectory(prefix="coproduction-reader-") as folder:
            path = Path(folder) / "utterance.wav"
            with contextlib.redirect_stdout(io.StringIO()):  # pyttsx3 prints "Audio saved to ..."
                engine.save_to_file(text, str(path))
                engine.runAndWait()
            self._finished.wait(FILE_TIMEOUT)
            if self._errors:
                raise RuntimeError(f"The system voice failed: {self._errors[0]}")
            _wait_for_complete_file(path)
            return read_audio_file(path)


def _wait_for_complete_file(path: Path, timeout: float = FILE_TIMEOUT) -> None:
    """Until the file exists and its size stops changing: the driver may still be writing it."""
    deadline = time.monotonic() + timeout
    last = -1
    while time.monotonic() < deadline:
        size = path.stat().st_size if path.exists() else -1
        if size > 44 and size == last:
            return
        last = size
        time.sleep(0.05)
    raise RuntimeError("The system voice did not finish writing its audio in time.")
