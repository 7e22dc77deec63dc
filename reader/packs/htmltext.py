"""Turn a web page into Markdown a reader can show: structure and text kept, everything else gone.

The page is first cleaned by nh3 (scripts, styles and forms removed with their content), then
walked as a small tree and written as Markdown, escaping text so it reads exactly as it did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

import nh3

from reader.html_tree import Node, parse

_KEEP_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "blockquote", "pre", "code",
    "strong", "b", "em", "i", "a", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure", "figcaption", "dl",
    "dt", "dd", "span", "sub", "sup", "abbr", "q", "cite", "mark", "small", "u", "s", "del", "ins",
}
_DROP_WITH_CONTENT = {"script", "style", "title", "noscript", "template", "iframe", "object", "svg", "math",
                      "head", "select", "textarea", "button"}
_VOID = {"br", "hr", "img", "wbr", "col"}
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "blockquote", "pre", "table", "hr", "div",
           "section", "article", "main", "header", "footer", "aside", "nav", "figure", "dl", "li", "dt",
           "dd", "figcaption", "caption"}
#: Elements deeper than this are kept as text of the deepest one: the walk below is recursive.
MAX_DEPTH = 48
_SPACE = re.compile(r"\s+")
_ESCAPE = re.compile(r"([\\`*_\[\]{}#!|])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+\.)")


def escape_text(text: str) -> str:
    """Escape ``text`` so Markdown shows it as written (no emphasis, headings, lists or HTML)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _ESCAPE.sub(r"\\\1", text)


def escape_line_start(line: str) -> str:
    """A line that would start a list, quote or heading underline is written so it does not."""
    match = _LINE_START.match(line)
    if not match:
        return line
    marker = match.group(2)
    if marker[-1] == ".":
        return line[: match.start(2)] + marker[:-1] + "\\." + line[match.end(2):]
    # '=' has no backslash escape in Markdown; an entity stops a '===' line underlining the one before.
    escaped = "&#61;" if marker == "=" else "\\" + marker
    return line[: match.start(2)] + escaped + line[match.end(2):]


def _inline(node: Node | str) -> str:
    if isinstance(node, str):
        return escape_text(_SPACE.sub(" ", node))
    inner = "".join(_inline(child) for child in node.children)
    tag = node.tag
    if tag == "br":
        return "<br>"
    if tag == "img":
        alt = node.attrs.get("alt", "").strip()
        return f"![{escape_text(alt)}]({node.attrs.get('src', '').replace(' ', '%20')})" if alt else ""
    if not inner.strip():
        return inner
    if tag in {"strong", "b"}:
        return _wrap(inner, "**")
    if tag in {"em", "i", "cite"}:
        return _wrap(inner, "*")
    if tag == "code":
        return "`" + "".join(_text(child) for child in node.children).replace("`", "'") + "`"
    if tag == "a":
        href = node.attrs.get("href", "")
        if re.match(r"(?i)^(https?:|mailto:)", href):
            return f"[{inner.strip()}]({href.replace(' ', '%20').replace(')', '%29')})"
    return inner


def _wrap(inner: str, mark: str) -> str:
    stripped = inner.strip()
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()):]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def _text(node: Node | str) -> str:
    return node if isinstance(node, str) else "".join(_text(child) for child in node.children)


def _paragraph(parts: list[Node | str]) -> str:
    text = "".join(_inline(part) for part in parts)
    lines = [escape_line_start(line.strip()) for line in text.replace("<br>", "<br>\n").split("\n")]
    return "\n".join(line for line in lines if line)


def _blocks(node: Node) -> list[str]:
    """Markdown blocks for the children of ``node``; loose inline content becomes paragraphs."""
    blocks: list[str] = []
    loose: list[Node | str] = []

    def flush() -> None:
        if loose:
            paragraph = _paragraph(loose)
            if paragraph:
                blocks.append(paragraph)
            loose.clear()

    for child in node.children:
        if isinstance(child, str) or child.tag not in _BLOCKS:
            loose.append(child)
            continue
        flush()
        blocks.extend(_block(child))
    flush()
    return blocks


def _block(node: Node) -> list[str]:
    tag = node.tag
    if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
        text = _paragraph(node.children).replace("<br>\n", " ").replace("\n", " ")
        return [f"{'#' * int(tag[1])} {text}"] if text else []
    if tag in {"p", "dt", "dd", "figcaption", "caption"}:
        text = _paragraph(node.children)
        return [text] if text else []
    if tag == "hr":
        return ["* * *"]
    if tag == "pre":  # kept line by line; an indented code block would join a list before it
        lines = [escape_text(line.rstrip()) for line in _text(node).strip("\n").split("\n")]
        lines = [escape_line_start(re.sub(r"^ +", lambda m: "&nbsp;" * len(m.group()), line))
                 for line in lines]
        return ["<br>\n".join(lines)] if any(lines) else []
    if tag == "blockquote":
        inner = "\n\n".join(_blocks(node))
        return ["\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))] if inner else []
    if tag in {"ul", "ol"}:
        return [_list(node)] if any(isinstance(c, Node) and c.tag == "li" for c in node.children) else []
    if tag == "table":
        return [_table(node)]
    if tag == "li":
        return _blocks(node)
    return _blocks(node)


def _list(node: Node) -> str:
    items: list[str] = []
    number = 1
    for child in node.children:
        if not isinstance(child, Node) or child.tag != "li":
            continue
        marker = f"{number}." if node.tag == "ol" else "-"
        number += 1
        body = _item_body(child)
        lines = body.split("\n")
        indent = " " * 4
        text = f"{marker} {lines[0]}" + "".join(f"\n{indent}{line}" if line else "\n" for line in lines[1:])
        items.append(text)
    return "\n".join(items)


def _item_body(item: Node) -> str:
    """A list item's text; a nested list follows its line directly, so the list stays tight."""
    body = ""
    for block_node in _split(item):
        parts = _blocks(block_node) if block_node.tag == "root" else _block(block_node)
        text = "\n\n".join(parts)
        if not text:
            continue
        joiner = "\n" if block_node.tag in {"ul", "ol"} else "\n\n"
        body = f"{body}{joiner}{text}" if body else text
    return body


def _split(item: Node) -> list[Node]:
    """The item's children as blocks, loose inline content wrapped in a pseudo-root of its own."""
    parts: list[Node] = []
    for child in item.children:
        if isinstance(child, Node) and child.tag in _BLOCKS:
            parts.append(child)
        elif parts and parts[-1].tag == "root":
            parts[-1].children.append(child)
        else:
            parts.append(Node("root", children=[child]))
    return parts


def _rows(node: Node) -> list[list[str]]:
    rows: list[list[str]] = []
    for child in node.children:
        if not isinstance(child, Node):
            continue
        if child.tag == "tr":
            cells = [_paragraph(cell.children).replace("\n", " ") for cell in child.children
                     if isinstance(cell, Node) and cell.tag in {"td", "th"}]
            rows.append(cells)
        elif child.tag in {"thead", "tbody", "tfoot"}:
            rows.extend(_rows(child))
    return rows


def _table(node: Node) -> str:
    rows = [row for row in _rows(node) if row]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


@dataclass(frozen=True)
class Converted:
    title: str  # the first heading, else the page's <title>, else ""
    markdown: str  # without that heading when it opened the page (the reader shows the title)


def _first_heading(node: Node) -> Node | None:
    for child in node.children:
        if isinstance(child, Node):
            if child.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                return child
            found = _first_heading(child)
            if found is not None:
                return found
    return None


def html_to_markdown(html: str) -> Converted:
    """Clean ``html`` (nh3) and write it as Markdown."""
    title_match = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    page_title = _SPACE.sub(" ", unescape(re.sub(r"<[^>]*>", "", title_match.group(1)))).strip() \
        if title_match else ""
    cleaned = nh3.clean(html, tags=_KEEP_TAGS, clean_content_tags=_DROP_WITH_CONTENT,
                        attributes={"a": {"href"}, "img": {"src", "alt"}}, link_rel=None,
                        url_schemes={"http", "https", "mailto"}, strip_comments=True)
    root = parse(cleaned, _VOID, MAX_DEPTH)
    blocks = [block for block in _blocks(root) if block.strip()]
    heading = _first_heading(root)
    title = _SPACE.sub(" ", _text(heading)).strip() if heading is not None else ""
    if title and blocks and blocks[0].startswith("#"):
        blocks = blocks[1:]  # escaped text never starts with '#': this is the heading itself
    return Converted(title or page_title, "\n\n".join(blocks) + "\n" if blocks else "")
