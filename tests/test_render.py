"""Rendering: anchors on every block, safe links, and pictures that are missing described in words."""

from __future__ import annotations

import re
from pathlib import Path

from reader.model import Section
from reader.render import parse_section_link, render_section, section_link


def _section(tmp_path: Path, body: str) -> Section:
    path = tmp_path / "page.md"
    path.write_text(body, encoding="utf-8")
    return Section(id="page", title="A page", kind="help", path=path, body=body)


def test_every_heading_and_paragraph_has_a_stable_anchor(tmp_path):
    section = _section(tmp_path, "First.\n\n## A heading\n\nSecond.\n\n- one\n- two\n\n## A heading\n")
    rendered = render_section(section)
    anchors = [block.anchor for block in rendered.blocks]
    assert anchors == ["title", "p1", "a-heading", "p2", "p3", "p4", "a-heading-2"]
    for anchor in anchors:
        assert f'id="{anchor}"' in rendered.html
    assert render_section(section).blocks == rendered.blocks  # the same text gives the same anchors
    assert rendered.block("p3").kind == "item" and rendered.block("p3").text == "one"


def test_bundled_sections_anchor_every_paragraph(guide):
    for section in guide:
        rendered = render_section(section, guide)
        paragraphs = re.findall(r"<(p|li|h[1-6])\b([^>]*)>", rendered.html)
        assert paragraphs and all('id="' in attributes for _, attributes in paragraphs), section.id


def test_links_between_sections_become_section_links(guide):
    html = render_section(guide.get("evoc"), guide).html
    assert 'href="section:introduction#p2"' in html
    assert parse_section_link(section_link("introduction", "p2")) == ("introduction", "p2")
    assert parse_section_link("https://example.org/") is None


def test_web_links_are_marked_as_needing_the_internet(tmp_path):
    rendered = render_section(_section(tmp_path, "See [the network](https://www.coproductionscotland.org.uk/)."))
    assert 'title="Web link (needs the internet): https://www.coproductionscotland.org.uk/"' in rendered.html


def test_missing_picture_shows_its_description_never_an_image(tmp_path):
    rendered = render_section(_section(tmp_path, "![Portrait of someone](gone.jpg)\n\n![](decorative.png) Text"))
    assert "<img" not in rendered.html
    assert "[Picture: Portrait of someone]" in rendered.html
    assert rendered.block("p2").text == "Text"


def test_picture_that_exists_is_shown_from_its_file(tmp_path):
    (tmp_path / "here.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    rendered = render_section(_section(tmp_path, "![A chart](here.png)"))
    assert f'src="{(tmp_path / "here.png").resolve()}"' in rendered.html


def test_table_cells_are_blocks_so_they_can_be_found_and_read(tmp_path):
    rendered = render_section(_section(tmp_path, "| Action | Keys |\n|---|---|\n| Read aloud | F8 |\n"))
    cells = [(b.anchor, b.kind, b.text) for b in rendered.blocks if b.kind == "cell"]
    assert cells == [("p1", "cell", "Action"), ("p2", "cell", "Keys"), ("p3", "cell", "Read aloud"),
                     ("p4", "cell", "F8")]
    assert '<td id="p3">Read aloud</td>' in rendered.html


def test_one_converter_per_thread_carries_nothing_from_one_page_to_the_next(tmp_path, guide):
    """The converter is reused for speed: footnote-like state, stashed HTML or anchors must not leak."""
    from concurrent.futures import ThreadPoolExecutor

    first = _section(tmp_path, "Alone <b>here</b>.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Same\n")
    alone = render_section(first)
    for section in guide:
        render_section(section, guide)
    assert render_section(first) == alone
    with ThreadPoolExecutor(4) as pool:
        again = list(pool.map(lambda s: render_section(s, guide), [*guide] * 3))
    assert again == [render_section(s, guide) for s in [*guide] * 3]
