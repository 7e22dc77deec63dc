"""Small content folders written for search tests, so each expectation names its exact text."""

from __future__ import annotations

from pathlib import Path

from reader.loader import load_guide
from reader.model import Guide

MINI = {
    "hyphen": ("examples", ["co-production"], "Co-production means working together as equals. "
               "Partners co-design services with the people who use them."),
    "joined": ("examples", ["co-design"], "Coproduction is a way of working. The council codesigned "
               "the plan with carers."),
    "spaced": ("introduction", ["policy"], "We talk about co production in public services. "
               "Co design workshops were held for disabled people."),
    "other": ("help", ["help"], "Production of goods is not our subject. Design matters here. The "
              "public were asked about many services."),
    "phrases": ("examples", ["co-design", "policy"], "Public services must change. People who use "
                "services know best. Disabilities are not barriers."),
    "accents": ("glossary", ["help"], "The café in Glasgow hosted a naïve résumé workshop on "
                "commissioning & evaluation of services, where 5 < 6 matters."),
}


def write_content(folder: Path, sections: dict[str, tuple[str, list[str], str]] | None = None) -> Path:
    """Write a content folder (manifest + one Markdown file per section) and return it."""
    sections = MINI if sections is None else sections
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["name: test", 'title: "Search test"', "language: en-GB", "sections:"]
    for section_id, (kind, tags, body) in sections.items():
        (folder / f"{section_id}.md").write_text(body + "\n", encoding="utf-8")
        lines += [f"  - id: {section_id}", f"    file: {section_id}.md", f"    title: \"Title {section_id}\"",
                  f"    kind: {kind}", f"    tags: [{', '.join(tags)}]"]
    (folder / "manifest.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def mini_guide(folder: Path) -> Guide:
    return load_guide(write_content(folder))
