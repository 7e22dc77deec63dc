"""A small, lenient tree of HTML elements, for code that walks markup it has already cleaned.

Python's ``HTMLParser`` gives events, not a tree; the talking book (turning rendered sections
into XHTML) and document import (turning web pages into Markdown) both need a tree, and both
must tolerate unclosed elements. ``max_depth`` keeps a recursive walk of hostile markup safe:
elements deeper than it are kept as content of the deepest one.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_TAGS = frozenset({"br", "hr", "img", "wbr", "col", "input", "meta", "link", "source"})


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self, void_tags: Collection[str], max_depth: int | None) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]
        self.void_tags = void_tags
        self.max_depth = max_depth

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in self.void_tags and (self.max_depth is None or len(self.stack) <= self.max_depth):
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(markup: str, void_tags: Collection[str] = VOID_TAGS, max_depth: int | None = None) -> Node:
    """The tree of ``markup`` under a ``root`` node; what Python's parser gives up on is left out."""
    builder = _TreeBuilder(void_tags, max_depth)
    try:
        builder.feed(markup)
        builder.close()
    except AssertionError:  # Python's parser gives up on some malformed markup: keep what was read
        pass
    return builder.root
