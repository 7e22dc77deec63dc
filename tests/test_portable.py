"""Portable mode: with a ``portable`` file beside the program, user files stay beside it too."""

from __future__ import annotations

from pathlib import Path

from reader import paths, portable


def test_marker_puts_every_user_folder_beside_the_program(tmp_path: Path) -> None:
    (tmp_path / "portable").write_text("")
    environ: dict[str, str] = {}
    home = portable.apply(tmp_path, environ)
    assert home == tmp_path / "user-data"
    assert environ[paths.HOME_ENV] == str(tmp_path / "user-data")
    assert all(Path(value).is_relative_to(tmp_path) for value in environ.values())


def test_without_the_marker_nothing_changes(tmp_path: Path) -> None:
    environ: dict[str, str] = {}
    assert portable.apply(tmp_path, environ) is None and environ == {}


def test_an_explicit_home_wins(tmp_path: Path) -> None:
    (tmp_path / "portable").write_text("")
    environ = {paths.HOME_ENV: "/somewhere/else"}
    assert portable.apply(tmp_path, environ) is None
    assert environ == {paths.HOME_ENV: "/somewhere/else"}


def test_paths_follow(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "portable").write_text("")
    monkeypatch.delenv(paths.HOME_ENV)
    import os

    portable.apply(tmp_path, os.environ)
    assert paths.data_dir() == tmp_path / "user-data" / "data"
    assert paths.settings_file().is_relative_to(tmp_path)
