"""What added content may contain, checked before it is installed and again when it is shown.

Policy (also in ``content/README.md``):

* **Refused** — the pack is not installed, with a message naming the file and line — anything
  that would run code, reach the internet or act on the computer: ``<script>``, frames, objects,
  forms, ``on…=`` event handlers, links or sources with ``javascript:``, ``data:``, ``file:`` and
  other schemes, and raw-HTML pictures loaded from the web. A group that wrote these expects them to
  work; silently dropping them would show a page that is not what they wrote.
* **Dropped when shown** — presentation the reader sets itself (``style`` attributes and blocks,
  fonts, unknown tags): :func:`sanitise_html` (nh3) removes them and keeps the text.
* Markdown pictures (``![description](https://…)``) are never fetched: the reader shows their
  description, so they are allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nh3

from reader.translatable import QT_TR_NOOP, Text

# Tags that run code, embed other documents, take input or change how links resolve.
FORBIDDEN_TAGS = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
    "textarea", "select", "link", "meta", "base", "svg", "math", "audio", "video", "source", "track",
    "canvas", "template", "noscript", "portal", "param",
})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "background", "poster",
                            "srcset", "data", "cite", "longdesc", "usemap", "ping"})
LINK_SCHEMES = frozenset({"", "http", "https", "mailto", "section"})
REMOTE_SCHEMES = frozenset({"http", "https", "ftp"})
# Addresses that are only shown or followed when the reader chooses to, never fetched.
_TEXT_URLS = frozenset({"href", "cite", "longdesc"})
_DRIVES = frozenset("abcdefghijklmnopqrstuvwxyz")  # "C:/…" parses as the scheme "c"
_SUSPECT = re.compile(r"<\s*[a-z!/?]|!\[|javascript:|vbscript:|data:|file:", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    """One refused piece of content: what it is, and text to find it by in the source."""

    message: str
    needle: str


class _Inspector(HTMLParser):
    def __init__(self, root: Path | None) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[Problem] = []
        self.root = root.resolve() if root is not None else None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.problems.append(Problem(Text(QT_TR_NOOP("raw HTML <{tag}> is not allowed in added content"), tag=tag),
                                         rf"<\s*{re.escape(tag)}\b"))
        for name, value in attrs:
            value = (value or "").strip()
            if name.startswith("on"):
                self.problems.append(Problem(Text(QT_TR_NOOP("the event handler '{name}' on <{tag}> is not allowed "
                                                             "in added content"), name=name, tag=tag),
                                             rf"\b{re.escape(name)}\s*="))
            elif name == "style" and re.search(r"url\s*\(|expression\s*\(", value, re.IGNORECASE):
                self.problems.append(Problem(Text(QT_TR_NOOP("a style on <{tag}> that loads a resource is not allowed"),
                                                  tag=tag),
                                             r"url\s*\(|expression\s*\("))
            elif name in URL_ATTRIBUTES and value:
                self._check_url(tag, name, value)

    handle_startendtag = handle_starttag

    def _check_url(self, tag: str, name: str, value: str) -> None:
        # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
        compact = re.sub(r"[\x00-\x20]", "", value)
        scheme = urlsplit(compact).scheme.lower()
        remote = scheme in REMOTE_SCHEMES or compact.startswith("//")
        needle = re.escape(value[:40])
        if name == "srcset":
            self.problems.append(Problem(Text(QT_TR_NOOP("'srcset' on <{tag}> is not allowed in added content"),
                                              tag=tag), r"srcset"))
        elif remote and name not in _TEXT_URLS:
            self.problems.append(Problem(Text(QT_TR_NOOP("'{value}' would be loaded from the internet; put the file "
                                                         "in the pack instead"), value=value[:60]), needle))
        elif tag == "img" and name == "src" and self.root is not None and scheme in {"", *_DRIVES} \
                and not Path(unquote(compact)).resolve().is_relative_to(self.root):
            # The renderer points a picture at its file; one outside the pack would show the
            # computer's own files.
            name = Path(unquote(compact)).name
            self.problems.append(Problem(Text(QT_TR_NOOP("the picture '{name}' is outside the pack's folder"),
                                              name=name), re.escape(name)))
        elif scheme not in LINK_SCHEMES:
            self.problems.append(Problem(Text(QT_TR_NOOP("the address '{value}' on <{tag}> is not allowed in added "
                                                         "content (only web, e-mail and section links and files in "
                                                         "the pack)"), value=value[:60], tag=tag), needle))


def inspect_html(html: str, root: Path | None = None) -> list[Problem]:
    """Everything in ``html`` that the policy above refuses, in document order.

    ``root`` is the pack's folder: pictures must be files inside it."""
    inspector = _Inspector(root)
    try:
        inspector.feed(html)
        inspector.close()
    except AssertionError:  # Python's parser gives up on some malformed markup ("<![a[…")
        inspector.problems.append(Problem("markup the reader cannot read safely (a malformed '<!' declaration)",
                                          r"<!\["))
    return inspector.problems


def needs_inspection(markdown_text: str) -> bool:
    """A cheap look at the source: text without tags or suspicious schemes cannot hold a problem."""
    return _SUSPECT.search(markdown_text) is not None


def line_of(source: str, needle: str) -> int | None:
    """1-based line of the first match of ``needle`` (a regular expression) in ``source``."""
    match = re.search(needle, source, re.IGNORECASE)
    return source.count("\n", 0, match.start()) + 1 if match else None


_ALLOWED_TAGS = (set(nh3.ALLOWED_TAGS) - {"area", "map"}) | {"tfoot"}
_ALLOWED_ATTRIBUTES: dict[str, set[str]] = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
_ALLOWED_ATTRIBUTES["*"] = {"id", "class", "title", "lang", "dir"}
_ALLOWED_ATTRIBUTES["a"] = {"href", "hreflang", "title"}
_ALLOWED_ATTRIBUTES["img"] = {"src", "alt", "width", "height", "title"}
# The renderer points pictures in the pack at their file: a path, which on Windows starts
# with a drive letter that a URL parser reads as a scheme.
_DISPLAY_SCHEMES = {"http", "https", "mailto", "section", *_DRIVES}


def sanitise_html(html: str) -> str:
    """Keep only plain document markup (nh3): what the reader shows of added content."""
    return nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES, url_schemes=_DISPLAY_SCHEMES,
                     link_rel=None, strip_comments=True)
