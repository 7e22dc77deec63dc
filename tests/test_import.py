"""Importing a document: Markdown, plain text or a web page becomes a section of a local pack."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader import paths
from reader.library import open_library
from reader.packs import PackError, import_document, list_packs, remove
from reader.packs.archive import open_zip
from reader.packs.importer import make_id
from reader.render import render_section
from tests.packkit import tree_hash


def _texts(section) -> list[str]:
    return [block.text for block in render_section(section).blocks]


def test_markdown_takes_its_title_from_the_first_heading(tmp_path: Path) -> None:
    doc = tmp_path / "notes.md"
    doc.write_text("# Our *lunch* club\n\nWe meet on **Fridays**.\n\n## Who comes\n\nEveryone.\n", encoding="utf-8")
    section = import_document(doc)
    assert (section.id, section.title, section.pack, section.kind) == ("our-lunch-club", "Our lunch club",
                                                                       "local", "added")
    assert _texts(section) == ["Our lunch club", "We meet on Fridays.", "Who comes", "Everyone."]
    [pack] = list_packs()
    assert (pack.name, pack.title) == ("local", "Added documents")
    assert open_library().guide.get("our-lunch-club") is not None


def test_front_matter_from_other_tools_is_read_not_refused(tmp_path: Path) -> None:
    doc = tmp_path / "post.md"
    doc.write_text("---\ntitle: Garden day\ndate: 2024-05-01\nlayout: post\n---\nWe planted beans.\n")
    section = import_document(doc)
    assert section.title == "Garden day" and _texts(section)[1:] == ["We planted beans."]


def test_markdown_without_a_heading_is_named_after_the_file(tmp_path: Path) -> None:
    doc = tmp_path / "minutes_of-the_meeting.md"
    doc.write_text("Intro line.\n\nSetext title\n============\n\nMore.\n")
    section = import_document(doc)
    assert section.title == "Setext title"  # the first heading, even when it is not at the top
    assert _texts(section)[1] == "Intro line."
    doc2 = tmp_path / "minutes_of-the_meeting.markdown"
    doc2.write_text("Only text.\n")
    assert import_document(doc2).title == "Minutes of the meeting"


def test_plain_text_shows_every_character_as_written(tmp_path: Path) -> None:
    doc = tmp_path / "group-notes.txt"
    lines = ["# not a heading", "- not a list", "1. not numbered", "> not a quote", "<b>not bold</b> & *stars*",
             "snake_case [brackets] `ticks` \\backslash"]
    doc.write_text("\n\n".join(lines) + "\n\n\n\nLast    paragraph\nwraps here.\r\n", encoding="utf-8")
    section = import_document(doc)
    assert section.title == "Group notes"
    assert _texts(section)[1:] == [*lines, "Last paragraph wraps here."]


def test_windows_text_files_are_read(tmp_path: Path) -> None:
    doc = tmp_path / "cafe.txt"
    doc.write_bytes("Caf\u00e9 \u2013 open at 10\u201911.\r\n".encode("cp1252"))
    assert _texts(import_document(doc))[1] == "Caf\u00e9 \u2013 open at 10\u201911."


def test_a_web_page_is_cleaned_and_converted(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text("""<!doctype html><html><head><title>Site | Story</title>
        <script>fetch('https://tracker.example')</script><style>body{}</style></head>
        <body><nav><a href="/">Home</a></nav><h1>The walking group</h1>
        <p onclick="x()">Walks every <strong>Tuesday</strong>, see <a href="https://example.org/walks">walks</a>.</p>
        <ul><li>Flat routes</li><li>Tea after</li></ul><img src="https://tracker.example/pixel.gif">
        <iframe src="https://example.org/map">map</iframe></body></html>""", encoding="utf-8")
    section = import_document(page, pack="walks")
    assert (section.title, section.pack) == ("The walking group", "walks")
    html = render_section(section).html
    assert "script" not in html and "onclick" not in html and "tracker" not in html and "iframe" not in html
    # The heading did not open the page (the menu did), so it stays where it was.
    assert _texts(section)[1:] == ["Home", "The walking group", "Walks every Tuesday, see walks.", "Flat routes",
                                   "Tea after"]
    assert 'href="https://example.org/walks"' in html


def test_importing_twice_makes_a_unique_id(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("# Foreword\n\nOur own foreword.\n")
    first = import_document(doc)
    second = import_document(doc)
    assert (first.id, second.id) == ("foreword-2", "foreword-3")  # 'foreword' is the guide's
    assert [s.id for s in list_packs()[0].sections] == ["foreword-2", "foreword-3"]
    assert make_id("Ça va? Über—alles!", set()) == "ca-va-uber-alles"
    assert make_id("???", set()) == "document"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("report.pdf", b"%PDF-1.4", r"only Markdown \(\.md\), plain text \(\.txt\) or web pages"),
    ("empty.md", b"   \n\n", r"empty\.md has no text to add"),
    ("only-heading.md", b"# Title only\n", r"has no text to add"),
    ("script.md", b"# Hi\n\nText.\n\n<script>alert(1)</script>\n", r"script\.md:\d+: raw HTML <script>"),
    ("missing.md", None, r"no such file"),
])
def test_bad_documents_are_refused_and_nothing_changes(tmp_path: Path, name: str, content: bytes | None,
                                                       message: str) -> None:
    import_document(_write(tmp_path / "first.md", b"# First\n\nText.\n"))
    before = tree_hash(paths.data_dir())
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(PackError, match=message):
        import_document(path)
    assert tree_hash(paths.data_dir()) == before


@pytest.mark.skipif(sys.platform == "win32", reason="Windows calls a file used as a folder missing")
def test_a_pack_or_a_document_that_cannot_be_looked_at_is_refused_in_the_same_words(tmp_path: Path) -> None:
    blocker = _write(tmp_path / "notes.txt", b"Text.\n")  # a file where a folder should be
    for path, refuse in ((blocker / "pack.zip", open_zip), (blocker / "page.md", import_document)):
        with pytest.raises(PackError) as refused:
            refuse(path)
        assert str(refused.value) == f"{path} cannot be read (Not a directory)"


def test_bad_pack_names_are_refused(tmp_path: Path) -> None:
    doc = _write(tmp_path / "a.md", b"Text.\n")
    for name in ("guide", "../x", "Upper"):
        with pytest.raises(PackError, match="cannot be a pack name"):
            import_document(doc, pack=name)
    assert not (paths.data_dir() / "packs").exists()


def test_imported_documents_are_removed_with_their_pack(tmp_path: Path) -> None:
    section = import_document(_write(tmp_path / "a.md", b"# A page\n\nText.\n"))
    assert remove("local") == [section.id]
    assert section.id not in open_library().guide


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
