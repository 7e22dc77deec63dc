"""A rendered section as an XHTML content document, each sentence wrapped in a span with an id.

The reading view's HTML already gives every heading, paragraph, list item and table cell an
anchor, and read-aloud's utterances say which characters of that block's plain text they cover.
Here the HTML is walked once more, counting characters the same way the renderer collapses
them, and each utterance's characters are wrapped in ``<span id="ANCHOR.sN">``. Inline markup
(emphasis, links) that straddles a sentence boundary is closed and reopened on each side, so
the markup stays well formed and nothing is lost. Should a block's text ever not match what
read-aloud saw, the block falls back to its plain text, still wrapped sentence by sentence.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reader.html_tree import VOID_TAGS, Node, parse
from reader.render import parse_section_link
from reader.speech.prepare import Utterance

BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th"}
# Children of a block that are not part of its running text (lists nested in an item) or that
# must not sit inside a span (paragraphs inside a loose list item).
_NESTED_LISTS = {"ul", "ol", "dl", "table"}
_CONTAINERS = {"p", "div", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "h1", "h2", "h3", "h4", "h5",
               "h6"}
# What markdown (and a pack's sanitised HTML) may give, kept as it is; anything else is unwrapped.
_KEPT_TAGS = BLOCK_TAGS | _NESTED_LISTS | _CONTAINERS | {
    "em", "strong", "a", "code", "span", "b", "i", "u", "s", "sup", "sub", "small", "mark", "abbr", "q", "cite",
    "del", "ins", "kbd", "samp", "var", "dfn", "br", "hr", "thead", "tbody", "tfoot", "tr", "caption", "section",
    "aside", "header", "footer", "colgroup", "col",
}
_KEPT_ATTRIBUTES = {"id", "class", "title", "lang", "dir", "colspan", "rowspan", "scope", "start", "reversed"}
_ALIGN = re.compile(r"^(left|right|center|justify)$")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def ids_in(root: Node) -> set[str]:
    found: set[str] = set()

    def walk(node: Node) -> None:
        if "id" in node.attrs:
            found.add(node.attrs["id"])
        for child in node.children:
            if isinstance(child, Node):
                walk(child)

    walk(root)
    return found


def sentence_id(anchor: str, number: int) -> str:
    """``p3.s2``: a dot never appears in the renderer's anchors, so these cannot collide with them."""
    return f"{anchor}.s{number}"


def sentence_ids(utterances: Sequence[Utterance]) -> list[str]:
    """The span id of each utterance, in order (numbered from 1 within its block)."""
    ids: list[str] = []
    counts: dict[str, int] = {}
    for utterance in utterances:
        counts[utterance.anchor] = counts.get(utterance.anchor, 0) + 1
        ids.append(sentence_id(utterance.anchor, counts[utterance.anchor]))
    return ids


def _text(value: str) -> str:
    return html.escape(_NOT_XML.sub("", value), quote=False)


def _attribute(value: str) -> str:
    return html.escape(_NOT_XML.sub("", value), quote=True)


Linker = Callable[[str], str | None]  # an href in the rendered HTML → its href in the book (None: drop it)


class _Writer:
    def __init__(self, spans: dict[str, list[tuple[int, int, str]]], texts: dict[str, str], link: Linker) -> None:
        self.spans = spans  # anchor → [(start, end, span id)] in the block's plain text
        self.texts = texts  # anchor → the block's plain text, as read-aloud saw it
        self.link = link
        self.out: list[str] = []
        self.wrapped: set[str] = set()

    # Plain elements -------------------------------------------------------------------------

    def open_tag(self, node: Node) -> str:
        attributes = []
        for name, value in node.attrs.items():
            if name in _KEPT_ATTRIBUTES:
                attributes.append(f' {name}="{_attribute(value)}"')
            elif name == "href" and node.tag == "a":
                target = self.link(value)
                if target is not None:
                    attributes.append(f' href="{_attribute(target)}"')
            elif name == "align" and _ALIGN.match(value):
                attributes.append(f' style="text-align: {value}"')
            elif name == "alt" and node.tag == "img":
                attributes.append(f' alt="{_attribute(value)}"')
        return f"<{node.tag}{''.join(attributes)}>"

    def node(self, node: Node | str) -> None:
        if isinstance(node, str):
            self.out.append(_text(node))
            return
        if node.tag == "img":  # the picture itself is not in the book; its description is text already
            return
        if node.tag not in _KEPT_TAGS:
            for child in node.children:
                self.node(child)
            return
        if node.tag in BLOCK_TAGS and node.attrs.get("id") in self.spans:
            self.block(node)
            return
        if node.tag in VOID_TAGS:
            self.out.append(self.open_tag(node)[:-1] + "/>")
            return
        self.out.append(self.open_tag(node))
        for child in node.children:
            self.node(child)
        self.out.append(f"</{node.tag}>")

    # A block whose sentences are wrapped ----------------------------------------------------

    def block(self, node: Node) -> None:
        anchor = node.attrs["id"]
        spans = self.spans[anchor]
        mark = len(self.out)
        self.out.append(self.open_tag(node))
        seen = _SentenceWrapper(self, spans).wrap(node.children)
        if _collapse(seen) != self.texts[anchor]:
            # The markup and read-aloud disagree about this block's text: plain text, never a wrong span.
            del self.out[mark:]
            self.out.append(self.open_tag(node))
            _SentenceWrapper(self, spans).wrap([self.texts[anchor]])
            self.out.extend(self._nested_after(node))
        self.out.append(f"</{node.tag}>")
        self.wrapped.add(anchor)

    def _nested_after(self, node: Node) -> list[str]:
        kept = _Writer(self.spans, self.texts, self.link)
        for child in node.children:
            if isinstance(child, Node) and child.tag in _NESTED_LISTS:
                kept.node(child)
        self.wrapped |= kept.wrapped
        return kept.out


def _collapse(raw: str) -> str:
    return re.sub(r"\s+", " ", raw).strip()


@dataclass
class _Open:
    node: Node
    open: bool = False  # its start tag is written and not yet closed
    opened_before: bool = False  # it was written once already (a copy after a boundary drops the id)


class _SentenceWrapper:
    """Writes a block's children, opening and closing sentence spans at the utterances' offsets."""

    def __init__(self, writer: _Writer, spans: list[tuple[int, int, str]]) -> None:
        self.writer = writer
        self.out = writer.out
        self.spans = spans
        self.position = 0  # in the collapsed text
        self.last_space = True  # leading spaces are stripped, as the renderer does
        self.stack: list[_Open] = []  # inline elements the text is inside
        self.current: int | None = None  # index into spans of the open span
        self.seen: list[str] = []

    def wrap(self, children: Iterable[Node | str]) -> str:
        for child in children:
            self._child(child)
        self._switch(None)
        return "".join(self.seen)

    def _span_at(self, position: int) -> int | None:
        for index, (start, end, _id) in enumerate(self.spans):
            if start <= position < end:
                return index
        return None

    def _switch(self, index: int | None) -> None:
        if index == self.current:
            return
        for entry in reversed(self.stack):
            if entry.open:
                self.out.append(f"</{entry.node.tag}>")
                entry.open = False
        if self.current is not None:
            self.out.append("</span>")
        if index is not None:
            self.out.append(f'<span id="{self.spans[index][2]}">')
        self.current = index

    def _open_pending(self) -> None:
        """Inline elements open only where they have text, so a boundary never leaves an empty copy."""
        for entry in self.stack:
            if not entry.open:
                node = entry.node if not entry.opened_before else _without_id(entry.node)
                self.out.append(self.writer.open_tag(node))
                entry.open = entry.opened_before = True

    def _characters(self, text: str) -> None:
        for character in _NOT_XML.sub("", text):
            self.seen.append(character)
            if character.isspace():
                if self.last_space:
                    if self.current is not None:
                        self._open_pending()
                    self.out.append(_text(character))
                    continue
                self.last_space = True
            else:
                self.last_space = False
            self._switch(self._span_at(self.position))
            if self.current is not None or not character.isspace():  # a space between sentences needs no markup
                self._open_pending()
            self.position += 1
            self.out.append(_text(character))

    def _child(self, child: Node | str) -> None:
        if isinstance(child, str):
            self._characters(child)
            return
        if child.tag == "img":
            return
        if child.tag in _NESTED_LISTS:  # not part of this block's text: its own blocks are wrapped there
            self._switch(None)
            saved, self.stack = self.stack, []
            self.writer.node(child)
            self.stack = saved
            return
        if child.tag in _CONTAINERS:  # a paragraph in a list item: spans go inside it, never around it
            self._switch(None)
            saved, self.stack = self.stack, []
            self.out.append(self.writer.open_tag(child))
            for grandchild in child.children:
                self._child(grandchild)
            self._switch(None)
            self.out.append(f"</{child.tag}>")
            self.stack = saved
            return
        if child.tag not in _KEPT_TAGS:
            for grandchild in child.children:
                self._child(grandchild)
            return
        if child.tag in VOID_TAGS:
            self._open_pending()
            self.out.append(self.writer.open_tag(child)[:-1] + "/>")
            return
        entry = _Open(child)
        self.stack.append(entry)
        for grandchild in child.children:
            self._child(grandchild)
        self.stack.pop()
        if entry.open:
            self.out.append(f"</{child.tag}>")
        elif not entry.opened_before and "id" in child.attrs:  # an empty link target keeps its place
            self.out.append(f"{self.writer.open_tag(child)}</{child.tag}>")


def _without_id(node: Node) -> Node:
    """An element reopened after a sentence boundary must not repeat its id."""
    return Node(node.tag, {k: v for k, v in node.attrs.items() if k != "id"}, node.children)


@dataclass(frozen=True)
class ContentDocument:
    xhtml: str
    sentence_ids: tuple[str, ...]  # one per utterance, in order; every one is in the document


EPUB_TYPES = {"foreword": "foreword", "introduction": "introduction"}


def content_document(title: str, language: str, kind: str, markup: str, utterances: Sequence[Utterance],
                     block_texts: dict[str, str], link: Linker, stylesheet: str = "book.css") -> ContentDocument:
    """The XHTML of one section; raises ValueError if some utterance found no place in it."""
    ids = sentence_ids(utterances)
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for utterance, span_id in zip(utterances, ids, strict=True):
        spans.setdefault(utterance.anchor, []).append((utterance.start, utterance.end, span_id))
    writer = _Writer(spans, block_texts, link)
    for child in parse(markup).children:
        writer.node(child)
    missing = set(spans) - writer.wrapped
    if missing:
        raise ValueError(f"“{title}”: no place in the page for the sentences of {sorted(missing)}")
    epub_type = EPUB_TYPES.get(kind, "chapter")
    body = "".join(writer.out)
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f'lang="{_attribute(language)}" xml:lang="{_attribute(language)}">\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{_text(title)}</title>\n'
        f'<link rel="stylesheet" type="text/css" href="{stylesheet}"/>\n</head>\n'
        f'<body>\n<section epub:type="{epub_type}" aria-labelledby="title">\n{body}\n</section>\n</body>\n</html>\n'
    )
    return ContentDocument(document, tuple(ids))


def section_linker(file_of: dict[str, str], ids_of: dict[str, set[str]]) -> Linker:
    """Links between sections point at the book's own files; links to sections not in the book are dropped."""

    def link(href: str) -> str | None:
        target = parse_section_link(href)
        if target is None:
            return href if re.match(r"^(https?|mailto|ftp):", href) else None
        section_id, anchor = target
        if section_id not in file_of:
            return None
        if anchor and anchor in ids_of.get(section_id, set()):
            return f"{file_of[section_id]}#{anchor}"
        return file_of[section_id]

    return link
