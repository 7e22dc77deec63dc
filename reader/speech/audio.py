"""Plain audio helpers: silence, loudness, WAV and MP3 files, without any external program.

Audio is mono 16-bit little-endian PCM everywhere in the reader. MP3 is encoded in-process
with lameenc, so saving a section needs nothing else installed.
"""

from __future__ import annotations

import array
import io
import math
import struct
import sys
import wave
from pathlib import Path

MP3_BITRATE = 48  # kbit/s: clear speech at about 0.36 MB a minute, small enough for a phone


def silence(ms: int, sample_rate: int) -> bytes:
    return bytes(2 * (sample_rate * max(0, ms) // 1000))


def _samples(pcm: bytes) -> array.array[int]:
    samples = array.array("h")
    samples.frombytes(pcm[: len(pcm) // 2 * 2])
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def rms(pcm: bytes) -> float:
    """Root-mean-square level of 16-bit PCM (0 for silence, about 3,000 for normal speech)."""
    samples = _samples(pcm)
    if not samples:
        return 0.0
    return math.sqrt(sum(s * s for s in samples) / len(samples))


def duration_ms(pcm: bytes, sample_rate: int) -> int:
    return (len(pcm) // 2) * 1000 // sample_rate if sample_rate else 0


def wav_bytes(pcm: bytes, sample_rate: int) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(pcm)
    return out.getvalue()


def _to_mono16(data: bytes, channels: int, width: int, big_endian: bool) -> bytes:
    if width != 2:
        raise ValueError(f"{width * 8}-bit audio is not supported (16-bit only)")
    samples = array.array("h")
    samples.frombytes(data[: len(data) // 2 * 2])
    if big_endian != (sys.byteorder == "big"):
        samples.byteswap()
    if channels > 1:
        samples = array.array("h", (sum(samples[i:i + channels]) // channels
                                    for i in range(0, len(samples) - channels + 1, channels)))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def read_audio_file(path: Path) -> tuple[bytes, int]:
    """Mono 16-bit PCM and sample rate from a WAV or uncompressed AIFF file (what system voices write)."""
    head = path.read_bytes()[:12]
    if head[:4] == b"RIFF":
        with wave.open(str(path), "rb") as wav:
            return (_to_mono16(wav.readframes(wav.getnframes()), wav.getnchannels(), wav.getsampwidth(), False),
                    wav.getframerate())
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return _read_aiff(path.read_bytes())
    raise ValueError(f"{path.name} is not a WAV or AIFF file")


def _read_aiff(data: bytes) -> tuple[bytes, int]:
    channels = width = rate = 0
    sound = b""
    position = 12
    while position + 8 <= len(data):
        kind, size = data[position:position + 4], struct.unpack(">I", data[position + 4:position + 8])[0]
        body = data[position + 8:position + 8 + size]
        if kind == b"COMM":
            channels, _frames, bits = struct.unpack(">hIh", body[:8])
            width = bits // 8
            exponent, mantissa = struct.unpack(">HQ", body[8:18])  # 80-bit extended float
            rate = round(mantissa * 2.0 ** ((exponent & 0x7FFF) - 16383 - 63))
            if data[8:12] == b"AIFC" and body[18:22] not in (b"NONE", b"twos"):
                raise ValueError("compressed AIFF audio is not supported")
        elif kind == b"SSND":
            offset = struct.unpack(">I", body[:4])[0]
            sound = body[8 + offset:]
        position += 8 + size + (size & 1)
    if not (channels and width and rate):
        raise ValueError("the AIFF file has no format description")
    return _to_mono16(sound, channels, width, True), rate


def _id3_frame(frame_id: str, text: str) -> bytes:
    payload = b"\x01" + text.encode("utf-16")  # UTF-16 with BOM: any title, any language
    return frame_id.encode("ascii") + struct.pack(">I", len(payload)) + b"\x00\x00" + payload


def id3_tag(title: str, album: str = "", artist: str = "", track: str = "") -> bytes:
    """A small ID3v2.3 tag so a phone shows the section's title instead of a file name."""
    frames = b"".join(_id3_frame(fid, value) for fid, value in
                      (("TIT2", title), ("TALB", album), ("TPE1", artist), ("TRCK", track)) if value)
    size = len(frames)
    synchsafe = bytes(((size >> shift) & 0x7F) for shift in (21, 14, 7, 0))
    return b"ID3\x03\x00\x00" + synchsafe + frames


class Mp3Writer:
    """Encodes PCM to MP3 as it arrives, so a long section never sits in memory twice."""

    def __init__(self, sample_rate: int, bitrate: int = MP3_BITRATE) -> None:
        import lameenc

        self._encoder = lameenc.Encoder()
        self._encoder.set_bit_rate(bitrate)
        self._encoder.set_in_sample_rate(sample_rate)
        self._encoder.set_channels(1)
        self._encoder.set_quality(5)
        self._parts: list[bytes] = []

    def write(self, pcm: bytes) -> None:
        if pcm:
            self._parts.append(bytes(self._encoder.encode(pcm)))

    def finish(self, tag: bytes = b"") -> bytes:
        self._parts.append(bytes(self._encoder.flush()))
        return tag + b"".join(self._parts)


class WavWriter:
    """Collects PCM and gives a WAV file's bytes at the end (same interface as :class:`Mp3Writer`)."""

    def __init__(self, sample_rate: int) -> None:
        self.sample_rate = sample_rate
        self._parts: list[bytes] = []

    def write(self, pcm: bytes) -> None:
        self._parts.append(pcm)

    def finish(self, tag: bytes = b"") -> bytes:
        return wav_bytes(b"".join(self._parts), self.sample_rate)
