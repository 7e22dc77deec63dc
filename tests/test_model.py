"""Sections and guides compare, hash, print, copy and refuse changes as the records they always were.

They are plain classes (made at every start of a command-line search); each behaviour a caller can
see is checked here against a dataclass declared as they used to be.
"""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from reader.model import UNREAD, Guide, Section


@dataclasses.dataclass(frozen=True)
class OldSection:
    id: str
    title: str
    kind: str
    path: Path
    body: str = ""
    tags: tuple[str, ...] = ()
    parent: str | None = None
    summary: str = ""
    pack: str = "guide"
    replaces: str | None = None
    known_digest: str = dataclasses.field(default="", compare=False, repr=False)


@dataclasses.dataclass
class OldGuide:
    title: str
    sections: list[Section]
    language: str = "en-GB"
    replaced: dict[str, Section] = dataclasses.field(default_factory=dict)


FIELDS = {"id": "a", "title": "A", "kind": "guide", "path": Path("/x/a.md"), "body": "Words.", "tags": ("t",),
          "parent": "p", "summary": "S", "pack": "pk", "replaces": "r", "known_digest": "d"}


def test_a_section_prints_compares_and_hashes_as_the_dataclass_did() -> None:
    section, old = Section(**FIELDS), OldSection(**FIELDS)  # type: ignore[arg-type]
    assert repr(section) == repr(old).replace("OldSection(", "Section(")
    other_digest = Section(**{**FIELDS, "known_digest": "e"})  # type: ignore[arg-type]
    assert section == other_digest and hash(section) == hash(other_digest) == hash(old)
    for name in FIELDS.keys() - {"known_digest"}:
        changed = section.copy(**{name: "other"})
        assert changed != section and getattr(changed, name) in ("other", Path("other")), name
    assert section != old and section != "a"
    assert len({section, other_digest, section.copy(title="B")}) == 2


def test_a_section_cannot_be_changed_and_copies_keep_every_field() -> None:
    section = Section(**FIELDS)  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        section.title = "B"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del section.body
    copied = section.copy(body="Other words.")
    assert copied.body == "Other words." and copied.known_digest == "d" and copied.path == Path("/x/a.md")
    assert section.copy() == section and pickle.loads(pickle.dumps(section)) == section


def test_a_listed_section_reads_its_body_when_needed_and_equals_one_given_it(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: A\n---\nWords.\n", encoding="utf-8")
    listed = Section.listed("a", "A", "guide", str(path), (), None, "", "guide", None, "")
    assert not listed.loaded and isinstance(listed.path, Path)
    given = Section("a", "A", "guide", path, listed.body)
    assert listed.loaded and listed == given and listed.body.strip() == "Words."
    assert Section("a", "A", "guide", path).__dict__["_body"] is UNREAD


def test_a_guide_prints_and_compares_as_the_dataclass_did() -> None:
    first, second = Section("a", "A", "guide", Path("a.md"), "x"), Section("b", "B", "guide", Path("b.md"), "y")
    guide = Guide("Guide", [first, second], "en-GB", {"old": first})
    assert repr(guide) == repr(OldGuide("Guide", [first, second], "en-GB", {"old": first})).replace("OldGuide", "Guide")
    assert guide == Guide("Guide", [first, second], "en-GB", {"old": first})
    assert guide != Guide("Guide", [first], "en-GB", {"old": first}) and guide != Guide("Guide", [first, second])
    assert guide.get("old") is first and Guide("G", []).replaced == {}
    with pytest.raises(TypeError):
        hash(guide)
