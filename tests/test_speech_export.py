"""Saving sections as audio: real speech in WAV and MP3 files, progress, cancel, and nothing half-written."""

from __future__ import annotations

import threading
import wave
from pathlib import Path

import pytest

from reader.speech import audio as pcm
from reader.speech.espeak import EspeakEngine, espeak_available
from reader.speech.export import ExportCancelled, audio_format, export_script, export_scripts, file_name
from reader.speech.fake import FakeEngine
from reader.speech.prepare import prepare_section

needs_espeak = pytest.mark.skipif(not espeak_available(), reason="libespeak-ng is not installed")


def _wav(path: Path) -> tuple[bytes, int]:
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        return wav.readframes(wav.getnframes()), wav.getframerate()


def _mp3_seconds(path: Path) -> float:
    import miniaudio

    return miniaudio.mp3_get_file_info(str(path)).duration


@needs_espeak
def test_a_section_saved_as_wav_is_speech_and_as_long_as_it_says(guide, tmp_path: Path) -> None:
    script = prepare_section(guide.get("evoc"), guide)
    path = tmp_path / "evoc.wav"
    seen: list[tuple[int, int, str]] = []
    result = export_script(EspeakEngine(), script, path, progress=lambda *args: seen.append(args))
    frames, rate = _wav(path)
    assert rate == 22050
    assert pcm.rms(frames) > 1000
    assert abs(pcm.duration_ms(frames, rate) - result.duration_ms) < 5
    words = sum(len(u.text.split()) for u in script)
    assert 0.6 < result.duration_ms / (words / 175 * 60000) < 1.6  # about 175 words a minute
    assert [done for done, _, _ in seen] == list(range(1, len(script) + 1))
    assert {total for _, total, _ in seen} == {len(script)} and seen[0][2] == "EVOC"


@needs_espeak
def test_mp3_is_small_and_the_same_length_and_faster_is_shorter(guide, tmp_path: Path) -> None:
    engine = EspeakEngine()
    script = prepare_section(guide.get("foreword"), guide)
    wav = export_script(engine, script, tmp_path / "f.wav")
    mp3 = export_script(engine, script, tmp_path / "f.mp3")
    assert abs(_mp3_seconds(mp3.path) * 1000 - wav.duration_ms) < 200
    assert mp3.size < wav.size / 5
    assert mp3.path.read_bytes()[:3] == b"ID3" and "Foreword".encode("utf-16-le") in mp3.path.read_bytes()[:200]
    fast = export_script(engine, script, tmp_path / "fast.mp3", rate=300)
    assert fast.duration_ms < 0.7 * mp3.duration_ms
    import miniaudio

    decoded = miniaudio.decode_file(str(mp3.path), nchannels=1, sample_rate=22050)
    assert pcm.rms(decoded.samples.tobytes()) > 1000


@needs_espeak
def test_longer_sections_give_longer_files(guide, tmp_path: Path) -> None:
    engine = EspeakEngine()
    short = export_script(engine, prepare_section(guide.get("iriss"), guide), tmp_path / "a.wav")
    long = export_script(engine, prepare_section(guide.get("introduction"), guide), tmp_path / "b.wav")
    assert long.duration_ms > 2 * short.duration_ms


def test_cancel_leaves_no_file_and_keeps_an_old_one(guide, tmp_path: Path) -> None:
    path = tmp_path / "foreword.mp3"
    path.write_bytes(b"an earlier good file")
    cancel = threading.Event()

    def progress(done: int, total: int, title: str) -> None:
        if done == 3:
            cancel.set()

    with pytest.raises(ExportCancelled):
        export_script(FakeEngine(), prepare_section(guide.get("foreword"), guide), path, progress=progress,
                      cancel=cancel)
    assert path.read_bytes() == b"an earlier good file"
    assert [p.name for p in tmp_path.iterdir()] == ["foreword.mp3"]


def test_whole_guide_gives_one_numbered_file_per_section(guide, tmp_path: Path) -> None:
    scripts = [prepare_section(section, guide) for section in list(guide)[:3]]
    results = export_scripts(FakeEngine(), scripts, tmp_path / "guide", "wav", album=guide.title)
    assert [r.path.name for r in results] == ["01 Foreword.wav", "02 Introduction.wav",
                                              "03 Examples in this guide.wav"]
    assert all(pcm.rms(_wav(r.path)[0]) > 100 for r in results)


def test_cancelling_a_whole_guide_keeps_the_finished_files(guide, tmp_path: Path) -> None:
    scripts = [prepare_section(section, guide) for section in list(guide)[:3]]
    cancel = threading.Event()
    first = len(scripts[0])

    def progress(done: int, total: int, title: str) -> None:
        if done == first + 2:
            cancel.set()

    with pytest.raises(ExportCancelled):
        export_scripts(FakeEngine(), scripts, tmp_path, "mp3", progress=progress, cancel=cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["01 Foreword.mp3"]


def test_file_names_and_formats() -> None:
    assert file_name(3, 'Co-production in Scotland – a policy overview', "mp3") == \
        "03 Co-production in Scotland – a policy overview.mp3"
    assert file_name(12, 'What/is: "this"?', "wav") == "12 What is this.wav"
    assert audio_format(Path("a.MP3")) == "mp3"
    with pytest.raises(ValueError, match=r"\.mp3 or \.wav"):
        audio_format(Path("a.ogg"))


def test_saved_files_can_be_shared(guide, tmp_path: Path) -> None:
    result = export_script(FakeEngine(), prepare_section(guide.get("iriss"), guide), tmp_path / "x.wav")
    assert result.path.stat().st_mode & 0o044  # readable by others, unlike a private temporary file


def test_reading_system_voice_files(tmp_path: Path) -> None:
    """What pyttsx3's drivers write: WAV from SAPI and eSpeak, AIFF from macOS."""
    path = tmp_path / "a.wav"
    path.write_bytes(pcm.wav_bytes(FakeEngine().synthesise("one two three").pcm, 22050))
    frames, rate = pcm.read_audio_file(path)
    assert rate == 22050 and pcm.rms(frames) > 100
    import struct

    stereo_be = b"".join(struct.pack(">hh", 1000, 3000) for _ in range(100))
    rate_80 = bytes.fromhex("400DAC44000000000000")  # 22050 Hz as an 80-bit float
    comm = struct.pack(">hIh", 2, 100, 16) + rate_80
    ssnd = struct.pack(">II", 0, 0) + stereo_be
    body = b"AIFF" + b"COMM" + struct.pack(">I", len(comm)) + comm + b"SSND" + struct.pack(">I", len(ssnd)) + ssnd
    aiff = tmp_path / "a.aiff"
    aiff.write_bytes(b"FORM" + struct.pack(">I", len(body)) + body)
    frames, rate = pcm.read_audio_file(aiff)
    assert rate == 22050 and len(frames) == 200 and pcm.rms(frames) == pytest.approx(2000, abs=1)
