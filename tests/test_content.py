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
def test_each_example_has_a_short_entry_linking_its_group_and_the_words_that_name_it(guide, name):
    entries = [s for s in guide.children("examples") if name.lower() in s.title.lower()]
    assert len(entries) == 1, name
    entry = entries[0]
    rendered = render_section(entry, guide)
    assert entry.tags, f"{entry.id} has no tags for search filters"
    links = [parse_section_link(link) for link in re.findall(r'href="(section:[^"]+)"', rendered.html)]
    group = next((anchor for target, anchor in links if target == "examples"), None)
    overview = render_section(guide.get("examples"), guide)
    assert group and overview.block(group) is not None and overview.block(group).kind == "heading", entry.id
    target_id, anchor = next((t, a) for t, a in links if t in {"foreword", "introduction"})
    target = render_section(guide.get(target_id), guide).block(anchor)
    assert target is not None and name.split()[-1] in target.text
    assert "not part of this edition" in rendered.html


def _shingles(text: str, size: int = 7) -> set[tuple[str, ...]]:
    words = re.findall(r"[\w’'-]+", text.lower())
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def test_the_foreword_and_introduction_words_appear_only_there(guide):
    source = set().union(*(_shingles(t) for s in ("foreword", "introduction") for t in _texts(guide, s)))
    # The groups' names, such as "Working in partnership with third sector organisations", are the source's.
    names = {block.text for block in render_section(guide.get("examples"), guide).blocks if block.kind == "heading"}
    source -= set().union(*(_shingles(name) for name in names))
    for section in guide:
        if section.id in {"foreword", "introduction"}:
            continue
        for text in _texts(guide, section.id):
            repeated = _shingles(text) & source
            assert not repeated, f"{section.id} repeats the source's words: {' '.join(next(iter(repeated)))}"


def test_no_passage_is_repeated_across_the_guide(guide):
    seen: dict[str, str] = {}
    for section in guide:
        for text in _texts(guide, section.id):
            if len(text.split()) < 8:
                continue
            assert text not in seen, f"{section.id} repeats a passage of {seen[text]}"
            seen[text] = section.id


def test_examples_overview_links_every_entry(guide):
    html = render_section(guide.get("examples"), guide).html
    for entry in guide.children("examples"):
        assert f'href="section:{entry.id}"' in html
    assert "The full example pages are not part of this edition" in html
