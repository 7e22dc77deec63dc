"""Proving a pack's sections in two processes gives exactly what proving them in order gives."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.packs import PackError, add, halves, list_packs
from tests.packkit import write_pack_folder, zip_folder

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="two processes need fork")

ITEMS = list(range(20))


class Refused(Exception):
    pass


@pytest.fixture(autouse=True)
def two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split even when a test before this one left a thread running (the command line has none)."""
    monkeypatch.setattr(halves, "can_split", lambda: True)


def checker(bad: set[int], seen: list[int]):
    def check(items: Sequence[int]) -> None:
        for item in items:
            seen.append(item)  # only what this process checked is seen here
            if item in bad:
                raise Refused(item)
    return check


def test_every_item_is_checked_and_half_of_them_by_the_copy() -> None:
    seen: list[int] = []
    halves.check_in_halves(ITEMS, checker(set(), seen))
    assert seen == ITEMS[:10]  # the first item (before the copy), then the first half of the rest


@pytest.mark.parametrize(("bad", "first"), [({0}, 0), ({4}, 4), ({15}, 15), ({19}, 19), ({4, 15}, 4),
                                            ({12, 15}, 12)])
def test_the_refusal_is_the_first_in_order(bad: set[int], first: int) -> None:
    with pytest.raises(Refused) as caught:
        halves.check_in_halves(ITEMS, checker(bad, []))
    assert caught.value.args == (first,)


def test_a_copy_that_dies_leaves_its_half_to_this_process() -> None:
    parent = os.getpid()
    seen: list[int] = []
    plain = checker(set(), seen)

    def check(items: Sequence[int]) -> None:
        if os.getpid() != parent:
            os._exit(3)  # killed, out of memory...: it never says how its half went
        plain(items)

    halves.check_in_halves(ITEMS, check)
    assert seen == ITEMS


def test_short_lists_are_checked_in_order() -> None:
    seen: list[int] = []
    halves.check_in_halves(ITEMS[:5], checker(set(), seen))
    assert seen == ITEMS[:5]


def _pack(tmp_path: Path, bad_at: int | None) -> Path:
    sections = [(f"story-{n}", f"Story {n}", f"The lunch club met on day {n}. Carers planned it.\n\nDr. Smith came.\n")
                for n in range(12)]
    if bad_at is not None:
        sections[bad_at] = (f"story-{bad_at}", "Story", "Words.\n\n[a link](javascript:alert(1))\n")
    return zip_folder(write_pack_folder(tmp_path / "src", sections=sections), tmp_path / "pack.zip")


def _refusals(zip_path: Path) -> list[str]:
    """Why the pack was refused, proven in one process and then in two."""
    messages = []
    for split in (False, True):
        with pytest.raises(PackError) as caught:
            add(zip_path, split=split)
        messages.append(str(caught.value))
    return messages


@pytest.mark.parametrize("bad_at", [2, 9])
def test_a_pack_is_refused_with_the_same_file_and_line_in_two_processes(tmp_path: Path, bad_at: int) -> None:
    zip_path = _pack(tmp_path, bad_at)
    messages = _refusals(zip_path)
    assert messages[0] == messages[1]
    assert messages[1].startswith(f"story-{bad_at}.md:6: the address 'javascript:alert(1)'")
    assert list_packs() == []


def test_a_good_pack_is_added_in_two_processes(tmp_path: Path) -> None:
    pack = add(_pack(tmp_path, None), split=True)
    assert [section.id for section in pack.sections] == [f"story-{n}" for n in range(12)]
    assert [p.name for p in list_packs()] == ["local-stories"]


@pytest.mark.parametrize(("load", "cores", "split"), [(0.3, 2, True), (1.2, 2, True), (1.6, 2, False), (3.0, 2, False),
                                                     (3.0, 8, True), (0.0, 1, False)])
def test_a_copy_is_made_only_when_a_core_is_idle(monkeypatch: pytest.MonkeyPatch, load: float, cores: int,
                                                 split: bool) -> None:
    """On a computer whose cores are all busy the copy only adds the cost of making it."""
    monkeypatch.undo()  # the real test, not the stand-in of the fixture
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    monkeypatch.setattr("threading.active_count", lambda: 1)
    assert halves.can_split() is (split and sys.platform != "darwin")


def _proven_by(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Record which process proved each section (a file: what the copy does is lost with it)."""
    from reader.packs import validate

    log = tmp_path / "proven.txt"
    real = validate._prove

    def recording(sections, *args, **kwargs):
        with log.open("a", encoding="utf-8") as handle:
            handle.writelines(f"{os.getpid()} {section.id}\n" for section in sections)
        return real(sections, *args, **kwargs)

    monkeypatch.setattr(validate, "_prove", recording)
    return log


def test_a_copy_started_before_the_pack_is_loaded_proves_its_last_sections(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """While this process lists the installed packs, loads the pack and proves its first sections, the
    copy proves the rest: every section is proven once, the last ones by another process."""
    log = _proven_by(tmp_path, monkeypatch)
    add(_pack(tmp_path, None), split=True)
    lines = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    here = [section for pid, section in lines if int(pid) == os.getpid()]
    there = [section for pid, section in lines if int(pid) != os.getpid()]
    assert here == [f"story-{n}" for n in range(5)]
    assert sorted(there, key=lambda name: int(name.split("-")[1])) == [f"story-{n}" for n in range(5, 12)]


def test_a_copy_that_dies_leaves_the_last_sections_to_this_process(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.packs import validate

    parent = os.getpid()
    real = validate._prove

    def dying(sections, *args, **kwargs):
        if os.getpid() != parent:
            os._exit(3)
        return real(sections, *args, **kwargs)

    monkeypatch.setattr(validate, "_prove", dying)
    zip_path = _pack(tmp_path, 10)
    with pytest.raises(PackError, match=r"^story-10\.md:6: the address 'javascript:alert\(1\)'"):
        add(zip_path, split=True)
    assert list_packs() == []


def test_a_pack_refused_before_its_sections_are_proven_stops_the_copy(tmp_path: Path) -> None:
    """An id already used is refused as it is without a copy (file and line), and the copy is ended."""
    add(zip_folder(write_pack_folder(tmp_path / "first", name="first",
                                     sections=[("story-3", "Story", "Words.\n")]), tmp_path / "first.zip"))
    zip_path = _pack(tmp_path, None)
    messages = _refusals(zip_path)
    assert messages[0] == messages[1] and "story-3" in messages[1] and "already used" in messages[1]
    assert [pack.name for pack in list_packs()] == ["first"]
