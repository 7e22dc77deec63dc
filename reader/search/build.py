"""Turn sections into index documents and write them: one document per paragraph or heading.

Paragraph-sized documents keep scoring meaningful (a hit points at the passage, not a whole
page) and keep extracts cheap (there is little text to scan for the best window).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from reader.model import Guide, Section
from reader.render import Rendered, render_section

TITLE_ANCHOR = "title"
#: A heading is a word or two: without this, its shortness alone ranks it above every
#: paragraph that explains the same words. The same goes for any passage that is only a label
#: (a link to an example, a key name in a table, a signatory's role): at most :data:`LABEL_WORDS` words.
HEADING_BOOST = 0.5
LABEL_WORDS = 6


def documents(section: Section, guide: Guide | None = None, *,
              rendered: Rendered | None = None) -> Iterator[dict[str, Any]]:
    """The section's blocks as documents; the title block is left out (it is a field of each).

    Each carries the heading it sits under, so a result can say where in the section it is, and
    the heading's words are searched with the passage's own: the meaning under "Co-design" in the
    glossary is found by "co-design" though it never repeats the word. Only the passage is stored
    (and so shown). ``rendered``: the section already rendered (only its blocks are used)."""
    heading = ""
    for order, block in enumerate((rendered or render_section(section, guide)).blocks):
        if block.anchor == TITLE_ANCHOR or not block.text.strip():
            continue
        under = heading
        if block.kind == "heading":
            heading = block.text
        searched = f"{under}\n{block.text}" if under and block.kind != "heading" else block.text
        document = {
            "key": f"{section.id}#{block.anchor}",
            "section": section.id,
            "anchor": block.anchor,
            "heading": under,
            "order": order,
            "title": section.title,
            "kind": section.kind,
            "tags": ",".join(tag.lower() for tag in section.tags),
            "text": searched,
            "_stored_text": block.text,
            "stems": searched,
            "words": searched,
            "pairs": searched,
        }
        if block.kind == "heading" or len(block.text.split()) <= LABEL_WORDS:
            document["_boost"] = HEADING_BOOST
        yield document


def add_documents(writer: Any, sections: Iterable[Section], guide: Guide | None = None) -> int:
    """Add every section's documents to an open Whoosh writer; returns how many."""
    count = 0
    for section in sections:
        for document in documents(section, guide):
            writer.add_document(**document)
            count += 1
    return count


def write_index(folder: Path, sections: Iterable[Section], guide: Guide | None = None) -> int:
    """Create a new index in the empty ``folder`` holding ``sections``; returns the document count."""
    from whoosh import index

    from reader.search.codec import ArrayCodec
    from reader.search.schema import make_schema

    ix = index.create_in(str(folder), make_schema())
    try:
        writer = ix.writer(limitmb=128, codec=ArrayCodec())
        try:
            count = add_documents(writer, sections, guide)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(optimize=True)
    finally:
        ix.close()
    return count
