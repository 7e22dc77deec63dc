"""Portable mode: with a ``portable`` file beside the program, user files stay beside it too."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader import APP_ID, paths, portable


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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_without_a_home_folder_user_files_go_to_the_platforms_folders(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    for name in ("CONFIG", "DATA", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    assert paths.settings_file() == tmp_path / "config" / APP_ID / "settings.json"
    assert paths.data_dir() == tmp_path / "data" / APP_ID
    assert paths.cache_dir() == tmp_path / "cache" / APP_ID
