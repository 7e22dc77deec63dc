"""``speak`` and ``voices`` from the command line: files written, clean JSON, clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from reader.cli import main
from reader.speech import audio as pcm
from reader.speech.espeak import espeak_available

ROOT = Path(__file__).resolve().parent.parent
needs_espeak = pytest.mark.skipif(not espeak_available(), reason="libespeak-ng is not installed")


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


@needs_espeak
def test_voices_json_is_the_only_thing_on_stdout() -> None:
    result = _run("voices", "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert listed["engine"] == "eSpeak NG" and listed["timing"] == "words" and listed["default"] == "gmw/en-GB-scotland"
    assert {"id": "gmw/en-GB-scotland", "name": "English (Scotland)", "languages": ["en-gb-scotland"],
            "gender": "male"} in listed["voices"]


@needs_espeak
def test_voices_table_can_be_filtered_by_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["voices", "--language", "en-gb"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("gmw/en-GB-scotland ") and "(default)" in line for line in lines)
    assert all("en-gb" in line for line in lines)


@needs_espeak
def test_speak_writes_a_wav_and_reports_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "iriss.wav"
    assert main(["speak", "iriss", "--out", str(out), "--rate", "250", "--quiet"]) == 0
    path, length, size = capsys.readouterr().out.strip().split("\t")
    assert path == str(out) and length.count(":") == 1 and size.endswith("MB")
    with wave.open(str(out), "rb") as wav:
        assert wav.getnframes() > 22050 * 5
        assert pcm.rms(wav.readframes(wav.getnframes())) > 1000


@needs_espeak
def test_speak_mp3_with_a_chosen_voice_in_a_separate_process(tmp_path: Path) -> None:
    out = tmp_path / "evoc.mp3"
    result = _run("speak", "evoc", "--out", str(out), "--voice", "gmw/en-GB-scotland")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(str(out)) and "Audio saved" not in result.stdout
    assert out.read_bytes()[:3] == b"ID3"


@needs_espeak
def test_speak_the_whole_guide_into_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str], guide) -> None:
    assert main(["speak", "--all", "--out", str(tmp_path / "all"), "--format", "wav", "--rate", "450",
                 "--quiet"]) == 0
    names = sorted(p.name for p in (tmp_path / "all").iterdir())
    assert len(names) == len(guide) and names[0] == "01 Foreword.wav"


@pytest.mark.parametrize(("args", "status", "message"), [
    (["speak", "no-such-section", "--out", "x.mp3"], 2, "no section “no-such-section”"),
    (["speak", "foreword", "--out", "x.ogg"], 2, "must end in .mp3 or .wav"),
    (["speak", "foreword", "--out", "x.mp3", "--voice", "xx/none"], 2, "no voice “xx/none”"),
    (["speak", "--out", "x.mp3"], 2, "either a SECTION_ID or --all"),
])
def test_speak_refuses_bad_input_clearly(args: list[str], status: int, message: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRODUCTION_READER_SPEECH", "fake")
    monkeypatch.chdir(tmp_path)
    assert main(args) == status
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())


def test_a_rate_out_of_range_is_a_usage_error() -> None:
    result = _run("speak", "foreword", "--out", "x.mp3", "--rate", "1000")
    assert result.returncode == 2 and "between 80 and 450" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_without_an_engine_both_commands_say_how_to_enable_speech(capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    monkeypatch.setenv("COPRODUCTION_READER_SPEECH", "none")
    assert main(["voices", "--json"]) == 1
    assert main(["speak", "foreword", "--out", str(tmp_path / "f.mp3")]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("libespeak-ng1") == 2


def test_speech_core_imports_no_qt() -> None:
    script = ("import sys, reader.speech.narrator, reader.speech.export, reader.speech.espeak, "
              "reader.speech.pyttsx3_files, reader.commands.speak, reader.commands.voices; "
              "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
