"""A rendered section (its HTML and its blocks) and the reader's section links, without Markdown.

Kept apart from :mod:`reader.render` so that showing a page already rendered (see
:mod:`reader.page_cache`) and following links need not import Markdown before the first paint.
"""

# No postponed annotations here: a named tuple's fields given as strings are each compiled when it is made.

from typing import NamedTuple
from urllib.parse import urlsplit

SECTION_SCHEME = "section"
#: Bump whenever what becomes a block (or its anchor or text) changes: search indexes built
#: before are then stale and rebuilt.
BLOCKS_VERSION = 3


class Block(NamedTuple):
    """One addressable piece of a section: a heading, a paragraph or a list item."""

    anchor: str
    kind: str
    text: str


class Rendered(NamedTuple):
    html: str
    blocks: tuple[Block, ...]

    def block(self, anchor: str) -> Block | None:
        return next((b for b in self.blocks if b.anchor == anchor), None)


def section_link(section_id: str, anchor: str = "") -> str:
    return f"{SECTION_SCHEME}:{section_id}" + (f"#{anchor}" if anchor else "")


def parse_section_link(href: str) -> tuple[str, str] | None:
    """``section:introduction#p2`` → ("introduction", "p2"); anything else → None."""
    parts = urlsplit(href)
    if parts.scheme != SECTION_SCHEME or not parts.path:
        return None
    return parts.path, parts.fragment


def is_web_link(href: str) -> bool:
    return urlsplit(href).scheme in {"http", "https", "mailto", "ftp"}
