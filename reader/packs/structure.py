"""A linear look at a section's source that refuses structure Markdown would take too long over.

Nothing here parses Markdown: each count is a regular expression or a pass over the lines, so
refusing a hostile section costs about as much as reading it. The caps live in
:class:`reader.packs.limits.ContentLimits`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.packs.limits import CONTENT_LIMITS, ContentLimits

_QUOTES = re.compile(r"^(?:[ \t]*>)+")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?(/?)>")
_ANY_TAG = re.compile(r"<[A-Za-z/!?]")
_ENTITY = re.compile(r"&#?\w+;")
_BLOCK_START = re.compile(r"^[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|>|\|)")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr", "p", "li"})  # p and li may be left open in HTML


class StructureProblem(ValueError):
    """Why a section is refused, and the 1-based line where it shows (None: the whole text)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def check_title(title: str, limits: ContentLimits = CONTENT_LIMITS) -> None:
    if len(title) > limits.max_title_chars:
        raise StructureProblem(f"the title is {len(title):,} characters long (at most "
                               f"{limits.max_title_chars} are allowed)")


def check_text(text: str, limits: ContentLimits = CONTENT_LIMITS) -> None:
    """Raise :class:`StructureProblem` for a section that is too large or too deeply nested."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.max_section_bytes:
        raise StructureProblem(f"the section is {size // 1024:,} KB (at most {limits.max_section_bytes // 1024} "
                               "KB): split it into several sections")
    lines = text.split("\n")
    if len(lines) > limits.max_lines:
        raise StructureProblem(f"the section has {len(lines):,} lines (at most {limits.max_lines:,}): split it "
                               "into several sections")
    for number, line in enumerate(lines, 1):
        stripped = line.lstrip(" \t")
        if len(line) - len(stripped) > limits.max_indent // 4 and stripped:
            indent = len(line[: len(line) - len(stripped)].expandtabs(4))
            if indent > limits.max_indent:
                raise StructureProblem(f"a line is indented {indent} spaces (at most {limits.max_indent}): "
                                       "lists or quotes are nested too deeply", number)
        quotes = _QUOTES.match(line)
        if quotes and quotes.group(0).count(">") > limits.max_quote_depth:
            raise StructureProblem(f"quotes are nested more than {limits.max_quote_depth} deep", number)
    _check_counts(text, limits)
    _check_tags(text, limits)


def _check_counts(text: str, limits: ContentLimits) -> None:
    for count, match in enumerate(_ENTITY.finditer(text), 1):
        if count > limits.max_entities:
            raise StructureProblem(f"the section has more than {limits.max_entities:,} character references "
                                   "such as &amp;", _line_at(text, match.start()))
    for mark, total, cap in (("'['", text.count("["), limits.max_section_brackets),
                             ("'*' or '_'", text.count("*") + text.count("_"), limits.max_section_emphasis)):
        if total > cap:
            raise StructureProblem(f"the section has {total:,} {mark} (at most {cap:,}): split it into "
                                   "several sections")
    work = 0
    for line, block in _blocks(text):
        if len(block) > limits.max_paragraph_chars:
            raise StructureProblem(f"one paragraph is {len(block):,} characters long (at most "
                                   f"{limits.max_paragraph_chars:,})", line)
        brackets = block.count("[")
        work += brackets * len(block)
        if work > limits.max_bracket_work:
            raise StructureProblem("the section has too many '[' in long paragraphs for the reader to show it "
                                   "quickly: split it", line)
        if brackets > limits.max_brackets:
            raise StructureProblem(f"one paragraph has {brackets:,} '[' (at most {limits.max_brackets})", line)
        emphasis = block.count("*") + block.count("_")
        if emphasis > limits.max_emphasis:
            raise StructureProblem(f"one paragraph has {emphasis:,} '*' or '_' (at most "
                                   f"{limits.max_emphasis:,})", line)


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """Paragraphs, list items, headings and quotes (Markdown formats each one's text on its own), with
    their first line."""
    lines: list[str] = []
    first = 1
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or _BLOCK_START.match(line):
            if lines:
                yield first, "\n".join(lines)
            lines, first = ([line], number) if line.strip() else ([], number + 1)
        else:
            lines.append(line)
    if lines:
        yield first, "\n".join(lines)


def check_html(text: str, limits: ContentLimits = CONTENT_LIMITS) -> None:
    """A web page to import: refused before it is parsed when it has too many or too deeply nested tags."""
    _check_tags(text, limits, limits.max_html_tags, limits.max_html_depth, "the page")


def _check_tags(text: str, limits: ContentLimits, max_tags: int | None = None, max_depth: int | None = None,
                what: str = "the section") -> None:
    max_tags = limits.max_tags if max_tags is None else max_tags
    max_depth = limits.max_tag_depth if max_depth is None else max_depth
    for count, match in enumerate(_ANY_TAG.finditer(text), 1):
        if count > max_tags:
            raise StructureProblem(f"{what} has more than {max_tags:,} HTML tags", _line_at(text, match.start()))
    depth = 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing and name not in _VOID:
            depth += 1
            if depth > max_depth:
                raise StructureProblem(f"HTML elements are nested more than {max_depth} deep",
                                       _line_at(text, match.start()))
