"""The page kept for the next start: used only when it was rendered from the section as it is now."""

from __future__ import annotations

from reader import page_cache
from reader.render import render_section


def test_a_kept_page_comes_back_as_it_was_rendered(guide, tmp_path) -> None:
    section = guide.first()
    rendered = render_section(section, guide)
    page_cache.store(section, rendered, tmp_path / "page.json")
    assert page_cache.load(section, tmp_path / "page.json") == rendered


def test_a_page_is_not_used_for_another_section_nor_for_changed_text_or_title(guide, tmp_path) -> None:
    path = tmp_path / "page.json"
    section = guide.first()
    page_cache.store(section, render_section(section, guide), path)
    other = guide.sections[1]
    assert page_cache.load(other, path) is None
    assert page_cache.load(section.copy(body=section.body + "\n\nA new paragraph.\n", known_digest=""),
                           path) is None
    assert page_cache.load(section.copy(title="Another title"), path) is None
    assert page_cache.load(section, path) is not None


def test_a_damaged_or_foreign_file_is_not_used(guide, tmp_path) -> None:
    path = tmp_path / "page.json"
    section = guide.first()
    for contents in (b"{not json", b"[1, 2]", b'{"format": 99}', b'{"format": 1, "key": "x", "html": 1}'):
        path.write_bytes(contents)
        assert page_cache.load(section, path) is None
    page_cache.store(section, render_section(section, guide), path)
    data = path.read_text(encoding="utf-8").replace('"blocks":[[', '"blocks":[[7,')
    path.write_text(data, encoding="utf-8")
    assert page_cache.load(section, path) is None  # the right key, but a block that is not text


def test_a_disk_that_refuses_costs_nothing_but_time(guide, tmp_path) -> None:
    (tmp_path / "file").write_text("not a folder")
    section = guide.first()
    page_cache.store(section, render_section(section, guide), tmp_path / "file" / "page.json")  # no exception
    assert page_cache.load(section, tmp_path / "file" / "page.json") is None
