"""Save dialogs open in the reader's own folders (Music, Documents), then where they last saved."""

from __future__ import annotations

from pathlib import Path

from reader.save_folders import start_folder


def test_usual_folder_for_each_kind(tmp_path: Path) -> None:
    music, documents = tmp_path / "Music", tmp_path / "Documents"
    music.mkdir()
    documents.mkdir()
    usual = {"audio": str(music), "pdf": str(documents)}
    assert start_folder("audio", "", usual, tmp_path) == music
    assert start_folder("pdf", "", usual, tmp_path) == documents


def test_the_last_folder_wins_while_it_exists(tmp_path: Path) -> None:
    last = tmp_path / "Saved here"
    last.mkdir()
    usual = {"audio": str(tmp_path)}
    assert start_folder("audio", str(last), usual, tmp_path / "home") == last
    last.rmdir()
    assert start_folder("audio", str(last), usual, tmp_path / "home") == tmp_path


def test_home_when_the_system_has_no_such_folder(tmp_path: Path) -> None:
    assert start_folder("pdf", "", {"pdf": str(tmp_path / "missing")}, tmp_path) == tmp_path
