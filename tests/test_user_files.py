"""Whatever is found where a user file should be, the reader starts, says what it did, and loses nothing."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from reader import userfile
from reader.bookmarks import LABEL_LIMIT, Places
from reader.settings import Settings
from reader.speech.pronounce import load_lexicon

DEEP = "[" * 100_000 + "]" * 100_000


def _kept(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.corrupt-*"))


@pytest.mark.parametrize("name", ["line_spacing", "letter_spacing", "word_spacing", "paragraph_spacing"])
@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_settings_never_accept_numbers_that_are_not_finite(name: str, constant: str, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(f'{{"{name}": {constant}, "theme": "dark"}}')
    settings = Settings(path)
    assert settings.problem and "default settings" in settings.problem
    assert settings.get(name) == Settings(tmp_path / "none.json").get(name)
    settings.save()
    json.loads(path.read_text(), parse_constant=lambda c: pytest.fail(f"saved back {c}"))
    with pytest.raises(ValueError):
        settings.set(name, float("nan"))


@pytest.mark.parametrize("text", ['{"a": ' + DEEP + "}", DEEP, '{"text_size": 120, "x": ' + "{" * 50 + "}" * 50 + "}"])
def test_deeply_nested_settings_are_damaged_and_kept_not_a_recursion_error(text: str, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text)
    settings = Settings(path)
    assert settings.problem and "could not be read" in settings.problem
    assert _kept(tmp_path, "settings.json")


def test_deeply_nested_bookmarks_are_damaged_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    path.write_text('{"version": 1, "bookmarks": ' + DEEP + "}")
    places = Places(path)
    assert places.bookmarks == [] and places.problem and "could not be read" in places.problem
    assert _kept(tmp_path, "bookmarks.json")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_in_place_of_the_settings_never_blocks(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    started = time.perf_counter()
    settings = Settings(path)
    assert time.perf_counter() - started < 1
    assert settings.problem and "pipe" in settings.problem and "Nothing was changed" in settings.problem
    assert path.exists() and not _kept(tmp_path, "settings.json")


def test_a_folder_in_place_of_the_bookmarks_is_left_alone_and_saving_fails_gently(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    (path / "inside").mkdir(parents=True)
    places = Places(path)
    assert places.problem and "folder" in places.problem
    places.record_visit("introduction", "p1")  # the window records visits all the time: never an error
    assert [v.section_id for v in places.recent] == ["introduction"]
    with pytest.raises(OSError):
        places.add("introduction", "p1", "Mine")
    assert (path / "inside").is_dir()


def test_a_folder_in_place_of_the_settings_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()
    settings = Settings(path)
    assert settings.problem and "folder" in settings.problem
    with pytest.raises(OSError):
        settings.save()
    assert path.is_dir()


def test_a_huge_damaged_file_is_kept_aside_once_and_never_copied(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    with path.open("wb") as handle:
        handle.truncate(userfile.MAX_BYTES + 1)  # sparse: a huge file that costs no disk
    first = Settings(path)
    assert first.problem and "larger than" in first.problem
    kept = _kept(tmp_path, "settings.json")
    assert len(kept) == 1 and kept[0].stat().st_size == userfile.MAX_BYTES + 1
    for _ in range(3):
        again = Settings(path)
        assert again.problem is None
    assert _kept(tmp_path, "settings.json") == kept, "kept aside once, not at every start"


def test_a_partly_damaged_bookmarks_file_is_copied_once(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    good = {"id": "a1", "section_id": "introduction", "anchor": "p2", "label": "Good", "created": "2026-01-01"}
    path.write_text(json.dumps({"version": 1, "bookmarks": [good, "junk"]}))
    for _ in range(3):
        places = Places(path)
        assert [b.label for b in places.bookmarks] == ["Good"]
    assert len(_kept(tmp_path, "bookmarks.json")) == 1


def test_bookmarks_from_a_newer_version_are_kept_before_rewriting_and_their_fields_survive(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    newer = {"version": 7, "sync": {"device": "laptop"},
             "bookmarks": [{"id": "a1", "section_id": "introduction", "anchor": "p2", "label": "Mine",
                            "created": "2026-01-01", "colour": "green"}],
             "recent": [{"section_id": "evoc", "anchor": "", "when": "x", "seconds_read": 40}]}
    original = json.dumps(newer)
    path.write_text(original)
    places = Places(path)
    assert places.problem and "newer version" in places.problem
    [copy] = tmp_path.glob("bookmarks.json.newer-*")
    assert copy.read_text() == original
    places.add("evoc", "p1", "Another")
    saved = json.loads(path.read_text())
    assert saved["sync"] == {"device": "laptop"}
    assert saved["bookmarks"][0]["colour"] == "green" and saved["recent"][-1]["seconds_read"] == 40
    Places(path)
    assert len(list(tmp_path.glob("bookmarks.json.newer-*"))) == 1


def test_long_labels_on_disk_are_never_cut(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    label = "word " * (LABEL_LIMIT // 2)
    path.write_text(json.dumps({"version": 1, "bookmarks": [
        {"id": "a1", "section_id": "introduction", "anchor": "p2", "label": label, "created": "2026"}]}))
    places = Places(path)
    places.record_visit("evoc")
    assert json.loads(path.read_text())["bookmarks"][0]["label"] == label


def test_a_window_that_must_not_remember_never_touches_the_places_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / "bookmarks.json"
    places = Places(path, persist=False)
    places.record_visit("introduction")
    places.add("introduction", "p1", "Temporary")
    assert not path.parent.exists()


@pytest.mark.parametrize("text", ['[{"word": "SCN", "say": "S C N"}] ' + " " * 10, "[" + DEEP + "]", "[NaN]"])
def test_pronunciations_are_read_the_same_careful_way(text: str, tmp_path: Path) -> None:
    path = tmp_path / "pronunciations.json"
    path.write_text(text)
    lexicon, problem = load_lexicon(path)
    if text.startswith('[{"word"'):
        assert problem is None
    else:
        assert problem and "could not be read" in problem and lexicon.entries


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_in_place_of_the_pronunciations_never_blocks(tmp_path: Path) -> None:
    path = tmp_path / "pronunciations.json"
    os.mkfifo(path)
    _, problem = load_lexicon(path)
    assert problem and "pipe" in problem


def test_read_json_refuses_what_json_itself_would_accept(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    for text in ("NaN", '{"a": Infinity}', "1e400", "[" * 40 + "]" * 40, '"\\ud800"x'):
        path.write_text(text)
        with pytest.raises(userfile.UnreadableFile):
            userfile.read_json(path)
    path.write_text('{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')
    assert userfile.read_json(path) == {"a": "[" * 50}, "brackets inside strings are not nesting"


def test_settings_this_version_cannot_use_are_copied_once_before_being_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    original = json.dumps({"text_size": 999, "theme": "dark"})
    path.write_text(original)
    for _ in range(2):
        settings = Settings(path)
        assert settings.problem and "text_size" in settings.problem
    [copy] = tmp_path.glob("settings.json.corrupt-*")
    assert copy.read_text() == original
    settings.save()
    saved = json.loads(path.read_text())
    assert saved["theme"] == "dark" and "text_size" not in saved
