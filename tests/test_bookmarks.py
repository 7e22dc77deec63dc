"""Bookmarks and recently read places: add, rename, remove, keep across restarts, survive damage."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader import bookmarks
from reader.bookmarks import Places


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bookmarks.json"


def test_default_path_is_in_the_user_data_folder(user_home: Path) -> None:
    assert bookmarks.default_path() == user_home / "data" / "bookmarks.json"


def test_add_rename_remove_and_persist(path: Path) -> None:
    places = Places(path, clock=Clock())
    first = places.add("introduction", "p3", "  Where the  four Co's\nstart ")
    second = places.add("foreword", "title", "Foreword")
    assert first.label == "Where the four Co's start"
    assert first.created == "2026-11-25T10:01:00+00:00"
    assert places.at("introduction", "p3") == first
    assert [b.id for b in places.bookmarks] == [first.id, second.id]

    renamed = places.rename(first.id, "The Four Co's")
    assert renamed.label == "The Four Co's" and renamed.created == first.created

    again = Places(path)
    assert again.problem is None
    assert [(b.section_id, b.anchor, b.label) for b in again.bookmarks] == [
        ("introduction", "p3", "The Four Co's"), ("foreword", "title", "Foreword")]

    again.remove(second.id)
    assert [b.label for b in Places(path).bookmarks] == ["The Four Co's"]


def test_bad_names_and_ids_are_refused(path: Path) -> None:
    places = Places(path)
    with pytest.raises(ValueError):
        places.add("introduction", "p1", "   ")
    with pytest.raises(ValueError):
        places.add("", "p1", "Nowhere")
    mark = places.add("introduction", "p1", "x" * 500)
    assert len(mark.label) == bookmarks.LABEL_LIMIT and mark.label.endswith("…")
    with pytest.raises(ValueError):
        places.rename(mark.id, "")
    with pytest.raises(KeyError):
        places.remove("no-such-id")
    assert Places(path).bookmarks[0].label == mark.label, "a refused rename changes nothing"


def test_default_label_uses_title_and_first_words() -> None:
    text = "When we set out to develop a new resource on co-production"
    assert bookmarks.default_label("Introduction", text) == "Introduction: When we set out to develop a new…"
    assert bookmarks.default_label("Foreword", "Foreword") == "Foreword"
    assert bookmarks.default_label("Foreword") == "Foreword"


def test_recently_read_keeps_each_section_once_latest_first(path: Path) -> None:
    places = Places(path, clock=Clock(), recent_limit=3)
    for section in ("foreword", "introduction", "evoc", "foreword", "young-scot"):
        places.record_visit(section, "p1")
    places.record_visit("young-scot", "p7")
    assert [(v.section_id, v.anchor) for v in places.recent] == [
        ("young-scot", "p7"), ("foreword", "p1"), ("evoc", "p1")]
    assert [v.section_id for v in Places(path).recent] == ["young-scot", "foreword", "evoc"]
    places.clear_recent()
    assert Places(path).recent == []


def test_corrupt_file_is_kept_aside_with_a_message(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("{ not json")
    places = Places(path)
    assert places.bookmarks == [] and places.problem and "could not be read" in places.problem
    kept = list(path.parent.glob("bookmarks.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{ not json"
    places.add("introduction", "p1", "New start")
    assert kept[0].read_text() == "{ not json"
    assert [b.label for b in Places(path).bookmarks] == ["New start"]


def test_damaged_entries_are_left_out_and_the_rest_kept(path: Path) -> None:
    path.parent.mkdir(parents=True)
    good = {"id": "a1", "section_id": "introduction", "anchor": "p2", "label": "Good",
            "created": "2026-01-01"}
    path.write_text(json.dumps({"version": 1, "bookmarks": [good, {"id": 5}, "junk"],
                                "recent": [{"section_id": "evoc", "anchor": "", "when": "x"}, None]}))
    places = Places(path)
    assert [b.label for b in places.bookmarks] == ["Good"]
    assert [v.section_id for v in places.recent] == ["evoc"]
    assert places.problem and "left out" in places.problem
    assert list(path.parent.glob("bookmarks.json.corrupt-*")), "the original is kept before it is rewritten"


def test_a_failed_write_leaves_the_old_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    places = Places(path)
    places.add("introduction", "p1", "Kept")
    before = path.read_text()

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(OSError):
        places.add("foreword", "p1", "Lost")
    assert path.read_text() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
