"""A linear look at a section's source that refuses structure Markdown would take too long over.

Nothing here parses Markdown: each count is a regular expression or a pass over the lines, so
refusing a hostile section costs about as much as reading it. The caps live in
:class:`reader.packs.limits.ContentLimits`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.packs.limits import CONTENT_LIMITS, ContentLimits
from reader.translatable import QT_TR_NOOP, Text

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
        raise StructureProblem(Text(QT_TR_NOOP("the title is {count:,} characters long (at most {max_title_chars} "
                                               "are allowed)"),
                                    count=len(title), max_title_chars=limits.max_title_chars))


def check_text(text: str, limits: ContentLimits = CONTENT_LIMITS) -> None:
    """Raise :class:`StructureProblem` for a section that is too large or too deeply nested."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.max_section_bytes:
        raise StructureProblem(Text(QT_TR_NOOP("the section is {size:,} KB (at most {limit} KB): split it into "
                                               "several sections"),
                                    size=size // 1024, limit=limits.max_section_bytes // 1024))
    lines = text.split("\n")
    if len(lines) > limits.max_lines:
        raise StructureProblem(Text(QT_TR_NOOP("the section has {count:,} lines (at most {max_lines:,}): split it "
                                               "into several sections"), count=len(lines), max_lines=limits.max_lines))
    for number, line in enumerate(lines, 1):
        stripped = line.lstrip(" \t")
        if len(line) - len(stripped) > limits.max_indent // 4 and stripped:
            indent = len(line[: len(line) - len(stripped)].expandtabs(4))
            if indent > limits.max_indent:
                raise StructureProblem(Text(QT_TR_NOOP("a line is indented {indent} spaces (at most {max_indent}): "
                                                       "lists or quotes are nested too deeply"),
                                            indent=indent, max_indent=limits.max_indent), number)
        quotes = _QUOTES.match(line)
        if quotes and quotes.group(0).count(">") > limits.max_quote_depth:
            raise StructureProblem(Text(QT_TR_NOOP("quotes are nested more than {max_quote_depth} deep"),
                                        max_quote_depth=limits.max_quote_depth), number)
    _check_counts(text, limits)
    _check_tags(text, limits)


def _check_counts(text: str, limits: ContentLimits) -> None:
    for count, match in enumerate(_ENTITY.finditer(text), 1):
        if count > limits.max_entities:
            raise StructureProblem(Text(QT_TR_NOOP("the section has more than {max_entities:,} character references "
                                                   "such as &amp;"), max_entities=limits.max_entities),
                                   _line_at(text, match.start()))
    for mark, total, cap in (("'['", text.count("["), limits.max_section_brackets),
                             ("'*' or '_'", text.count("*") + text.count("_"), limits.max_section_emphasis)):
        if total > cap:
            raise StructureProblem(Text(QT_TR_NOOP("the section has {total:,} {mark} (at most {cap:,}): split it "
                                                   "into several sections"), total=total, mark=mark, cap=cap))
    work = 0
    for line, block in _blocks(text):
        if len(block) > limits.max_paragraph_chars:
            raise StructureProblem(Text(QT_TR_NOOP("one paragraph is {count:,} characters long (at most "
                                                   "{max_paragraph_chars:,})"),
                                        count=len(block), max_paragraph_chars=limits.max_paragraph_chars), line)
        brackets = block.count("[")
        work += brackets * len(block)
        if work > limits.max_bracket_work:
            raise StructureProblem(Text(QT_TR_NOOP("the section has too many '[' in long paragraphs for the reader "
                                                   "to show it quickly: split it")), line)
        if brackets > limits.max_brackets:
            raise StructureProblem(Text(QT_TR_NOOP("one paragraph has {brackets:,} '[' (at most {max_brackets})"),
                                        brackets=brackets, max_brackets=limits.max_brackets), line)
        emphasis = block.count("*") + block.count("_")
        if emphasis > limits.max_emphasis:
            raise StructureProblem(Text(QT_TR_NOOP("one paragraph has {emphasis:,} '*' or '_' (at most "
                                                   "{max_emphasis:,})"),
                                        emphasis=emphasis, max_emphasis=limits.max_emphasis), line)


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
            raise StructureProblem(Text(QT_TR_NOOP("{what} has more than {max_tags:,} HTML tags"),
                                        what=what, max_tags=max_tags), _line_at(text, match.start()))
    depth = 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing and name not in _VOID:
            depth += 1
            if depth > max_depth:
                raise StructureProblem(Text(QT_TR_NOOP("HTML elements are nested more than {max_depth} deep"),
                                            max_depth=max_depth),
                                       _line_at(text, match.start()))
