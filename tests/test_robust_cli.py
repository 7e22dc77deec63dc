"""The commands as a user or a script runs them when things go wrong: a message, never a traceback, and the
user's files as they were. Full-disk cases mount a small tmpfs (root on Linux only; skipped elsewhere)."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import paths
from reader.cli import main
from reader.speech.espeak import espeak_available
from tests.clirun import ROOT, guarded_env, run_cli
from tests.packkit import write_pack_folder

needs_espeak = pytest.mark.skipif(not espeak_available(), reason="libespeak-ng is not installed")


def _no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr.replace("error:", ""), result.stderr


def test_a_query_with_bytes_that_are_not_utf8_is_searched(user_home: Path, tmp_path: Path) -> None:
    env = guarded_env(user_home, tmp_path / "net.log")
    for extra in ([], ["--json"]):
        result = subprocess.run([sys.executable, "-m", "reader", "search", b"co-design \xff\xfe", *extra], env=env,
                                cwd=ROOT, capture_output=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr.decode(errors="replace")
        assert b"Traceback" not in result.stderr
        text = result.stdout.decode("utf-8")  # strict: no raw bytes printed
        if extra:
            assert json.loads(text)["total"] > 0


def test_json_says_when_only_part_of_the_query_was_searched(user_home: Path) -> None:
    result = run_cli("search", "co-design " * 60, "--json", home=user_home)
    assert result.returncode == 0, result.stderr
    notes = json.loads(result.stdout)["notes"]
    assert any("first 300 characters" in note for note in notes)


def test_a_fixed_part_longer_than_the_word_is_not_called_too_broad(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "community~2/99"]) == 0
    out = capsys.readouterr().out
    assert "letters before *" not in out


def test_a_reader_that_stops_reading_the_output_is_no_error(user_home: Path, tmp_path: Path) -> None:
    assert main(["index"]) == 0
    process = subprocess.Popen([sys.executable, "-m", "reader", "sections"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=guarded_env(user_home, tmp_path / "net.log"))
    process.stdout.close()  # as ``| head -0`` does
    _, err = process.communicate(timeout=120)
    assert b"BrokenPipe" not in err and b"Traceback" not in err, err


def test_screenshot_leaves_the_users_bookmarks_and_folders_alone(user_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = run_cli("screenshot", "--out", out, "--section", "foreword", "--width", "400", "--height", "300",
                     home=user_home)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    assert not (paths.data_dir() / "bookmarks.json").exists()
    assert not (paths.data_dir()).exists() or not any(paths.data_dir().iterdir())


def test_screenshot_works_when_the_bookmarks_file_cannot_be_written(user_home: Path, tmp_path: Path) -> None:
    (paths.data_dir() / "bookmarks.json").mkdir(parents=True)
    result = run_cli("screenshot", "--out", tmp_path / "shot.png", "--width", "400", "--height", "300",
                     home=user_home)
    assert result.returncode == 0, result.stderr


@needs_espeak
def test_speak_says_the_saved_settings_were_unreadable_and_that_a_saved_voice_is_gone(user_home: Path,
                                                                                       tmp_path: Path) -> None:
    settings = paths.settings_file()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"speech_voice": "gmw/en-no-such-voice", "speech_rate": 300}))
    result = run_cli("speak", "iriss", "--out", tmp_path / "a.wav", "--quiet", home=user_home)
    assert result.returncode == 0, result.stderr
    assert "no longer on this computer" in result.stderr
    settings.write_text('{"speech_rate": NaN')
    result = run_cli("speak", "iriss", "--out", tmp_path / "b.wav", "--quiet", home=user_home)
    assert result.returncode == 0 and "settings file could not be read" in result.stderr


def test_speak_to_a_place_that_cannot_be_written_names_that_place(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    if not espeak_available():
        pytest.skip("libespeak-ng is not installed")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        # As root a read-only folder can still be written: /proc never can.
        target = Path("/proc/x.wav") if os.access(locked, os.W_OK) else locked / "x.wav"
        assert main(["speak", "iriss", "--out", str(target), "--quiet"]) == 1
    finally:
        locked.chmod(0o700)
    err = capsys.readouterr().err
    assert str(target) in err and ".tmp" not in err


# A full disk -------------------------------------------------------------------------------------

@contextlib.contextmanager
def full_disk(tmp_path: Path, size: str = "2m") -> Iterator[Path]:
    """A small tmpfs, then filled: every later write fails with 'No space left on device'."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root on Linux")
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> None:
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as handle:
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()
            os.fsync(handle.fileno())


def test_a_screenshot_onto_an_existing_file_on_a_full_disk_keeps_the_old_picture(user_home: Path,
                                                                                 tmp_path: Path) -> None:
    with full_disk(tmp_path) as disk:
        old = disk / "shot.png"
        old.write_bytes(b"\x89PNG old picture")
        _fill(disk)
        result = run_cli("screenshot", "--out", old, "--width", "800", "--height", "600", home=user_home)
        assert result.returncode == 1 and "could not write" in result.stderr
        _no_traceback(result)
        assert old.read_bytes() == b"\x89PNG old picture"
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "shot.png"]


def test_import_and_pack_create_on_a_full_disk_say_so(tmp_path: Path) -> None:
    with full_disk(tmp_path) as disk:
        home = disk / "home"
        home.mkdir()
        document = tmp_path / "notes.md"
        document.write_text("# Notes\n\n" + "The lunch club met. " * 400)
        folder = write_pack_folder(tmp_path / "src")
        _fill(disk)
        imported = run_cli("import", document, home=home)
        assert imported.returncode == 1 and "nothing was changed" in imported.stderr, imported.stderr
        _no_traceback(imported)
        created = run_cli("pack", "create", folder, "--out", disk / "pack.zip", home=tmp_path / "home2")
        assert created.returncode == 1 and "could not be written" in created.stderr, created.stderr
        _no_traceback(created)
        assert not (disk / "pack.zip").exists()
