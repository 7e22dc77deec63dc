"""Markdown to HTML for the reading view, with a stable anchor on every block.

Every heading gets an id from its text and every paragraph, list item or table cell ``p1``,
``p2``… in reading order, so search hits, bookmarks and read-aloud can point at one paragraph.
The same pass lists the blocks as plain text, which search indexes and speech reads.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor

from reader.model import Guide, Section

# Here too, where callers have always found them (``as``: re-exported on purpose).
from reader.rendered import BLOCKS_VERSION as BLOCKS_VERSION
from reader.rendered import SECTION_SCHEME as SECTION_SCHEME
from reader.rendered import Block as Block
from reader.rendered import Rendered as Rendered
from reader.rendered import is_web_link as is_web_link
from reader.rendered import parse_section_link as parse_section_link
from reader.rendered import section_link as section_link

_SPACE = re.compile(r"\s+")
_RAW_HTML = re.compile(re.escape(markdown.util.HTML_PLACEHOLDER).replace("%s", r"(\d+)"))
_ESCAPED = re.compile(f"{markdown.util.STX}(\\d+){markdown.util.ETX}")
_ENTITY = re.compile(r"&#?\w+;")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def clean_text(text: str, stash: Sequence[object] = ()) -> str:
    """Text as a reader sees it, from a tree that Markdown has not finished with.

    Markdown restores backslash escapes, entities and inline HTML only after the tree
    processors run, so ``\\#`` or ``&amp;`` would otherwise reach search and speech as
    placeholders. ``stash`` is the converter's ``htmlStash.rawHtmlBlocks``: entities in it become
    their characters; tags add no text."""

    def stashed(match: re.Match[str]) -> str:
        index = int(match.group(1))
        raw = str(stash[index]) if index < len(stash) else ""
        return html.unescape(raw) if _ENTITY.fullmatch(raw) else ""

    text = _RAW_HTML.sub(stashed, text)
    text = _ESCAPED.sub(lambda match: chr(int(match.group(1))), text)
    return _SPACE.sub(" ", text).strip()


def plain_text(element: ET.Element, stash: Sequence[object] = ()) -> str:
    return clean_text("".join(element.itertext()), stash)


class _BlockAnchors(Treeprocessor):
    """Give ids to blocks, rewrite links and replace missing pictures by their description."""

    def __init__(self, md: markdown.Markdown, section: Section, guide: Guide | None) -> None:
        super().__init__(md)
        self.section = section
        self.guide = guide
        self.blocks: list[Block] = []

    def run(self, root: ET.Element) -> None:
        self.blocks = []
        self._stash = self.md.htmlStash.rawHtmlBlocks
        self._paragraphs = 0
        self._used: set[str] = set()
        for element in list(root.iter()):
            if element.tag == "a":
                self._rewrite_link(element)
        self._replace_images(root)
        title = ET.Element("h1", {"id": "title"})
        title.text = self.section.title
        root.insert(0, title)
        self._used.add("title")
        self._walk(root)

    def _walk(self, parent: ET.Element) -> None:
        for element in parent:
            if element.tag in _HEADINGS:
                text = plain_text(element, self._stash)
                anchor = element.get("id") or self._unique(slugify(text, "-") or "heading")
                element.set("id", anchor)
                self.blocks.append(Block(anchor, "heading", text))
            elif element.tag in {"p", "li", "td", "th"}:
                self._paragraphs += 1
                anchor = element.get("id") or self._unique(f"p{self._paragraphs}")
                element.set("id", anchor)
                kind = {"li": "item", "td": "cell", "th": "cell"}.get(element.tag, "paragraph")
                # A list item holding paragraphs or a nested list: the item is one block
                # for its own text; nested lists become blocks of their own.
                nested = [child for child in element if child.tag in {"ul", "ol"}]
                text = plain_text(element, self._stash) if not nested else self._text_without(element, nested)
                if text:
                    self.blocks.append(Block(anchor, kind, text))
                for child in nested:
                    self._walk(child)
            else:
                self._walk(element)

    def _text_without(self, element: ET.Element, nested: list[ET.Element]) -> str:
        parts = [element.text or ""]
        for child in element:
            if child not in nested:
                parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        return clean_text("".join(parts), self._stash)

    def _unique(self, anchor: str) -> str:
        candidate, counter = anchor, 1
        while candidate in self._used:
            counter += 1
            candidate = f"{anchor}-{counter}"
        self._used.add(candidate)
        return candidate

    def _rewrite_link(self, element: ET.Element) -> None:
        href = element.get("href", "")
        if not href or is_web_link(href):
            if href:
                element.set("title", f"Web link (needs the internet): {href}")
            return
        parts = urlsplit(href)
        if parts.scheme == SECTION_SCHEME:
            return
        if not parts.path:  # same-section anchor
            element.set("href", section_link(self.section.id, parts.fragment))
            return
        target = (self.section.path.parent / unquote(parts.path))
        found = self.guide.by_file(target) if self.guide else None
        if found is not None:
            element.set("href", section_link(found.id, parts.fragment))

    def _replace_images(self, root: ET.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag != "img":
                    continue
                src = child.get("src", "")
                if src and not is_web_link(src) and (self.section.path.parent / unquote(src)).is_file():
                    child.set("src", str((self.section.path.parent / unquote(src)).resolve()))
                    continue
                # Offline there is no picture to show: say what it was, never a broken icon.
                description = (child.get("alt") or child.get("title") or "").strip()
                note = ET.Element("span", {"class": "missing-picture"})
                note.text = f"[Picture: {description}]" if description else ""
                note.tail = child.tail
                parent.remove(child)
                parent.insert(index, note)


class _AnchorExtension(Extension):
    def __init__(self, section: Section, guide: Guide | None) -> None:
        super().__init__()
        self.section = section
        self.guide = guide
        self.processor: _BlockAnchors | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        self.processor = _BlockAnchors(md, self.section, self.guide)
        md.treeprocessors.register(self.processor, "block_anchors", 5)


_converters = threading.local()


def _converter() -> tuple[markdown.Markdown, _AnchorExtension]:
    """This thread's Markdown converter, made once: making one compiles its patterns again
    (tens of milliseconds, paid on every page shown and every section indexed)."""
    made = getattr(_converters, "made", None)
    if made is None:
        extension = _AnchorExtension(None, None)  # type: ignore[arg-type]
        # Extensions as objects, not names: a name is looked up among installed packages' entry
        # points, which costs importing importlib.metadata and email (about 70 ms) before the first page.
        converter = markdown.Markdown(extensions=[AttrListExtension(), SaneListExtension(), TableExtension(),
                                                  extension], output_format="html")
        made = _converters.made = (converter, extension)
    return made


def render_unsanitised(section: Section, guide: Guide | None = None) -> Rendered:
    """The HTML exactly as Markdown produces it: what the added-content checks inspect."""
    converter, extension = _converter()
    processor = extension.processor
    assert processor is not None
    processor.section, processor.guide = section, guide
    try:
        body = converter.reset().convert(section.body)
        return Rendered(body, tuple(processor.blocks))
    finally:
        processor.section, processor.guide, processor.blocks = None, None, []  # type: ignore[assignment]


def render_section(section: Section, guide: Guide | None = None) -> Rendered:
    """Render one section under its title.

    ``guide`` lets links to other sections' files become section links. Added content (any
    section not from the bundled guide) keeps only plain document markup, whatever its files say."""
    rendered = render_unsanitised(section, guide)
    if section.pack == "guide":
        return rendered
    from reader.packs.safety import sanitise_html

    return Rendered(sanitise_html(rendered.html), rendered.blocks)

