"""Playing synthesised audio and knowing, to a few milliseconds, what is being heard.

The sound device (through miniaudio: PulseAudio/PipeWire or ALSA on Linux, WASAPI on
Windows, Core Audio on macOS) asks for samples from its own thread; :class:`Player` hands
it queued clips, or silence while paused or waiting, and records how many frames of each
clip it has handed over. What is *heard* lags what was handed over by the device's buffer,
so :meth:`Player.position` subtracts that latency: the highlight follows the sound, and
pause, resume and skip are exact to the sample.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Generator, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a device opens
    import miniaudio

AUDIO_ENV = "COPRODUCTION_READER_AUDIO"  # "null": a silent device that keeps real time (tests)
BUFFER_MS = 30
PERIODS = 3


class AudioUnavailable(RuntimeError):
    """No sound output could be opened. The message says, in plain words, what to check; the
    technical cause (``detail``, such as "('failed to init device', -401)") is kept for logs
    and bug reports, never shown in the message."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(NO_SOUND)
        self.detail = detail


NO_SOUND = ("No sound output could be opened, so the reader cannot read aloud here. Check that "
            "speakers or headphones are connected and that sound works in other programs, then try "
            "again. You can still save sections as audio files.")


@dataclass(frozen=True)
class Clip:
    key: Hashable
    pcm: bytes
    frames: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "frames", len(self.pcm) // 2)


class Player:
    """A queue of clips played one after another on the sound device."""

    def __init__(self, sample_rate: int, backend: str | None = None, buffer_ms: int = BUFFER_MS) -> None:
        self.sample_rate = sample_rate
        self.backend = backend if backend is not None else os.environ.get(AUDIO_ENV, "")
        self.buffer_ms = buffer_ms
        self.period_frames = sample_rate * buffer_ms // 1000
        self.latency_frames = self.period_frames * PERIODS
        self._lock = threading.Lock()
        self._queue: deque[Clip] = deque()
        self._current: Clip | None = None
        self._offset = 0
        self._paused = False
        self._total = 0  # frames handed to the device, silence included
        self._content = 0  # frames of clips handed to the device
        self._history: deque[tuple[int, int]] = deque([(0, 0)])  # (total, content) after each device call
        self._timeline: deque[tuple[int, Clip]] = deque()  # (content frame where a clip starts, clip)
        self._last_call = 0.0
        self._device: miniaudio.PlaybackDevice | None = None
        self.device_name = ""
        self.first_audio_at: float | None = None  # monotonic time the first clip frames were handed over

    # The device ---------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._device is not None

    def open(self) -> None:
        """Open and start the device (idempotent); raises :class:`AudioUnavailable`."""
        if self._device is not None:
            return
        try:
            import miniaudio
        except ImportError as error:
            raise AudioUnavailable(f"The miniaudio module is missing: {error}") from error
        backends = None
        if self.backend:
            try:
                backends = [miniaudio.Backend[self.backend.upper()]]
            except KeyError as error:
                raise AudioUnavailable(f"Unknown sound system “{self.backend}”") from error
        try:
            device = miniaudio.PlaybackDevice(output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                                              sample_rate=self.sample_rate, buffersize_msec=self.buffer_ms,
                                              callback_periods=PERIODS, backends=backends,
                                              app_name="Co-production Reader")
            generator = self._generator()
            next(generator)
            device.start(generator)
        except Exception as error:  # miniaudio raises its own errors and OSError
            raise AudioUnavailable(str(error)) from error
        self.device_name = getattr(device, "backend", "")
        self._device = device

    def close(self) -> None:
        device, self._device = self._device, None
        self.clear()
        if device is not None:
            device.close()

    def _generator(self) -> Generator[bytes, int, None]:  # the device's thread drives this
        frames = yield b""
        while True:
            frames = yield self._fill(int(frames))

    def _fill(self, frames: int) -> bytes:
        with self._lock:
            out = bytearray()
            need = frames
            while need > 0 and not self._paused:
                if self._current is None:
                    if not self._queue:
                        break
                    self._current, self._offset = self._queue.popleft(), 0
                    self._timeline.append((self._content, self._current))
                    if self.first_audio_at is None:
                        self.first_audio_at = time.monotonic()
                take = min(need, self._current.frames - self._offset)
                out += self._current.pcm[self._offset * 2:(self._offset + take) * 2]
                self._offset += take
                self._content += take
                need -= take
                if self._offset >= self._current.frames:
                    self._current = None
            if need:
                out += bytes(need * 2)
            self._total += frames
            self._history.append((self._total, self._content))
            while len(self._history) > 2 and self._history[1][0] <= self._total - self.latency_frames - frames:
                self._history.popleft()
            self._last_call = time.monotonic()
            return bytes(out)

    # Control ------------------------------------------------------------------------------

    def enqueue(self, clip: Clip) -> None:
        with self._lock:
            self._queue.append(clip)

    def clear(self) -> None:
        """Drop everything not yet handed to the device (what is in its buffer still plays out)."""
        with self._lock:
            self._queue.clear()
            self._current = None
            self._offset = 0
            self._timeline.clear()

    def pause(self) -> None:
        with self._lock:
            self._paused = True

    def resume(self) -> None:
        with self._lock:
            self._paused = False

    @property
    def paused(self) -> bool:
        return self._paused

    # What is heard ------------------------------------------------------------------------

    def _heard(self) -> int:
        """Content frames already heard: what was handed over a device buffer ago."""
        since = min(self.period_frames, int((time.monotonic() - self._last_call) * self.sample_rate)) \
            if self._last_call else 0
        target = self._total + since - self.latency_frames
        heard = self._history[0][1] if self._history else 0
        previous = None
        for total, content in self._history:
            if total > target:
                if previous is not None:
                    before_total, before_content = previous
                    heard = before_content + min(max(0, target - before_total), content - before_content)
                break
            heard = content
            previous = (total, content)
        return heard

    def position(self) -> tuple[Hashable, int] | None:
        """The clip being heard and how far into it (ms), or None when nothing is being heard."""
        with self._lock:
            heard = self._heard()
            while len(self._timeline) > 1 and self._timeline[1][0] <= heard:
                self._timeline.popleft()
            if not self._timeline:
                return None
            start, clip = self._timeline[0]
            offset = heard - start
            if offset < 0 or offset >= clip.frames:
                return None
            return clip.key, offset * 1000 // self.sample_rate

    def drained(self) -> bool:
        """Everything queued has been handed over and heard."""
        with self._lock:
            return self._current is None and not self._queue and self._heard() >= self._content

    def pending(self) -> int:
        """Clips not yet started."""
        with self._lock:
            return len(self._queue)
