"""The bundled guide is faithful to its source: every word kept, only export artefacts cleaned."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.render import parse_section_link, render_section

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "resource" / "foreword-and-introduction.txt"
ARTEFACTS = ("fiona.jpg", "Margaret.jpg", "lightbulb.png", "running.png")
EXAMPLES = ["North Lanarkshire", "EVOC", "IRISS", "Project 99", "Young Scot", "Feet First", "DadsWork",
            "Glasgow Disability Alliance", "People Powered Health and Wellbeing", "Co-production Star",
            "Lochside Neighbourhood Group", "policy overview", "Permanent Secretary"]


def _clean(line: str) -> str:
    for artefact in ARTEFACTS:
        line = line.replace(artefact, "")
    line = re.sub(r"\s+", " ", line)  # the export has stray non-breaking spaces
    return re.sub(r"\b([Cc]o)- (production|produce)", r"\1-\2", line).strip()


def _texts(guide, section_id: str) -> list[str]:
    return [block.text for block in render_section(guide.get(section_id), guide).blocks]


@pytest.mark.skipif(not SOURCE.exists(), reason="the source text is kept beside the project, not in it")
def test_every_source_paragraph_is_bundled_word_for_word(guide):
    bundled = _texts(guide, "foreword") + _texts(guide, "introduction")
    skipped = {"Foreword and introduction", "Download a PDF of this document here", ""}
    for raw in SOURCE.read_text(encoding="utf-8").splitlines():
        line = _clean(raw)
        if line in skipped:
            continue
        assert any(line in text for text in bundled), f"missing from the guide: {line[:60]}"


def test_export_artefacts_are_gone(guide):
    for section in guide:
        body = section.body
        assert not re.search(r"[Cc]o- (production|produce)", body), section.id
        assert "Download a PDF" not in body, section.id
        for artefact in ("fiona.jpg", "Margaret.jpg", "lightbulb.png", "running.png"):
            assert f"{artefact}F" not in body and f"{artefact}D" not in body


def test_signatories_form_a_signature_block(guide):
    html = render_section(guide.get("foreword"), guide).html
    assert re.search(r'class="signature-name"[^>]*><strong>Fiona Garven</strong>', html)
    assert re.search(r'class="signature-role"[^>]*>Co-Chair, Scottish Co-production Network<', html)
    assert re.search(r'class="signature-name"[^>]*><strong>Dr. Margaret Whoriskey</strong>', html)
    assert "Director, Joint Improvement Team" in html
    assert "[Picture: Portrait of Fiona Garven]" in html


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_has_an_entry_that_quotes_and_links_its_paragraph(guide, name):
    entries = [s for s in guide.children("examples") if name.lower() in s.title.lower()]
    assert len(entries) == 1, name
    entry = entries[0]
    rendered = render_section(entry, guide)
    assert entry.tags, f"{entry.id} has no tags for search filters"
    links = re.findall(r'href="(section:[^"]+)"', rendered.html)
    assert links, f"{entry.id} does not link to the text it comes from"
    target_id, anchor = parse_section_link(links[0])
    target = render_section(guide.get(target_id), guide).block(anchor)
    assert target is not None and name.split()[-1] in target.text
    quote_anchor = re.search(r'<blockquote>\s*<p id="([^"]+)"', rendered.html)
    assert quote_anchor, f"{entry.id} does not quote the guide"
    quote = rendered.block(quote_anchor.group(1)).text
    assert quote.lstrip("…") in target.text, f"{entry.id} quotes words that are not in {target_id}#{anchor}"
    assert "not part of this edition" in rendered.html


def test_examples_overview_links_every_entry(guide):
    html = render_section(guide.get("examples"), guide).html
    for entry in guide.children("examples"):
        assert f'href="section:{entry.id}"' in html
    assert "The full example pages are not part of this edition" in html
