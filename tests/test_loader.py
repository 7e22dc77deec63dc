"""Content loading: the bundled guide loads, and every broken folder is refused with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.loader import ContentError, load_guide

from .conftest import CONTENT


def test_bundled_guide_loads_in_reading_order(guide):
    ids = [section.id for section in guide]
    assert ids[:3] == ["foreword", "introduction", "examples"]
    assert ids[-1] == "using-this-reader"
    assert guide.get("foreword").title == "Foreword"
    assert all(section.title and section.kind for section in guide)
    assert {s.id for s in guide.children("examples")} >= {"north-lanarkshire", "evoc", "lochside-neighbourhood-group"}


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _error(folder: Path) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_guide(folder)
    return caught.value


def test_missing_section_file_names_manifest_line(tmp_path):
    folder = _copy(tmp_path)
    (folder / "introduction.md").unlink()
    error = _error(folder)
    assert error.path.name == "manifest.yaml"
    assert "introduction.md" in str(error) and "missing" in str(error)
    line = (folder / "manifest.yaml").read_text().splitlines()[error.line - 1]
    assert "id: introduction" in line


def test_duplicate_id_is_refused(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder / "manifest.yaml", "id: evoc", "id: iriss")
    error = _error(folder)
    assert "duplicate section id 'iriss'" in str(error)
    assert error.line is not None


def test_section_without_title_is_refused(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder / "manifest.yaml", "    title: Introduction\n", "")
    error = _error(folder)
    assert "'introduction' has no title" in str(error)
    assert f"manifest.yaml:{error.line}" in str(error)


def test_malformed_front_matter_names_file_and_line(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder / "foreword.md", "summary: Why", "summary: [Why")
    error = _error(folder)
    assert error.path.name == "foreword.md"
    assert error.line == 3  # where YAML noticed; the message names where the list began
    assert "malformed front matter" in str(error) and "starts on line 2" in str(error)


def test_malformed_manifest_yaml_gives_line(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder / "manifest.yaml", "    kind: foreword\n", "    kind: [foreword\n")
    error = _error(folder)
    assert error.path.name == "manifest.yaml" and error.line is not None
    assert "malformed YAML" in str(error)


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    kind: foreword\n", "    kind: foreword\n    colour: red\n", "unknown keys: colour"),
    ("file: foreword.md", "file: ../outside.md", "outside the content folder"),
    ("parent: examples\n", "parent: nowhere\n", "unknown parent 'nowhere'"),
    ("id: foreword", "id: Foreword!", "must be lower-case"),
])
def test_other_manifest_mistakes(tmp_path, old, new, message):
    folder = _copy(tmp_path)
    _edit(folder / "manifest.yaml", old, new)
    assert message in str(_error(folder))


def test_text_that_is_not_utf8_is_named(tmp_path):
    folder = _copy(tmp_path)
    (folder / "words.md").write_bytes(b"caf\xe9 \xff\xfe")
    error = _error(folder)
    assert error.path.name == "words.md" and "not UTF-8" in str(error)


def test_missing_manifest(tmp_path):
    error = _error(tmp_path)
    assert error.path.name == "manifest.yaml" and "not found" in str(error)


def test_the_manifest_language_picks_the_voice(guide, tmp_path):
    assert guide.language == "en-GB"
    folder = _copy(tmp_path)
    _edit(folder / "manifest.yaml", "language: en-GB", "language: gd")
    assert load_guide(folder).language == "gd"


def test_a_body_read_on_demand_is_exactly_what_the_strict_load_gave() -> None:
    """The library cache's digests were taken from strictly loaded bodies: the quick split that shows
    a page without importing YAML must give the same text, or the search index would look stale."""
    from reader.loader import body_of, parse_front_matter

    samples = ["", "Just text\n", "---\nsummary: A.\n---\nBody\n", "  ---\nid: x\n---\n\nBody  \n\n",
               "No front\n---\nmatter", "----\nsummary: B\n-----   \ntext", "{\n\"summary\": \"C\"\n}\nbody",
               "---\nonly the start", "---\nsummary: D\n---\n", "Body\n\n---\n\nMore"]
    content = Path(__file__).resolve().parent.parent / "content"
    samples += [path.read_text(encoding="utf-8") for path in sorted(content.rglob("*.md"))]
    for text in samples:
        assert body_of(text) == parse_front_matter(text).content, text[:40]
