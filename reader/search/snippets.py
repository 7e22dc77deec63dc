"""Extracts with the matched words marked, and the marks for the reading view.

Whoosh's own highlighter re-analyses stored text and scores many fragments per hit, which
was the slowest part of a search. Passages are paragraph-sized, so one regular-expression
pass over the paragraph with cached stems finds every match, and one sliding window picks
the extract that shows the most of them.
"""

# No postponed annotations here: a named tuple's fields given as strings are each compiled when it is made.

import re
from functools import lru_cache
from typing import NamedTuple

from reader.search.analysis import TOKEN, keep, normalise, second_part, stem
from reader.search.engine import escape

EXTRACT_CHARS = 220
_LEAD = 50  # characters of context shown before the first match of a cut extract
_SENTENCE_START = re.compile(r"(?<=[.!?:;])\s+")


class Extract(NamedTuple):
    html: str
    text: str
    terms: tuple[str, ...]


class Highlighter(NamedTuple):
    """Marks words matching a query: by stem (ordinary terms), as written (prefix, wildcard and
    fuzzy expansions) or as whole phrases (sequences of stems, stop words skipped as the index
    skips them).

    A match is what a person would call one: a phrase is one match, not one per word, and
    matched words standing next to each other ("Young Scot" for young scot) are one match too."""

    stems: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    phrases: frozenset[tuple[str, ...]] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.stems or self.words or self.phrases)

    def matches(self, word: str) -> bool:
        """Whether a normalised word is a match."""
        return word in self.words or (bool(self.stems) and stem(word) in self.stems)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every match in ``text``, in order."""
        if not self:
            return []
        tokens: list[tuple[int, int, frozenset[str]]] = []  # kept words: place and stems
        found: list[tuple[int, int]] = []
        words, stems, phrases = self.words, self.stems, self.phrases
        for match in TOKEN.finditer(text):
            analysed = _analysed(match.group())
            if analysed is None:
                continue
            word, part, forms = analysed
            if phrases:
                tokens.append((match.start(), match.end(), forms))
            # matches(word) or matches(part), with the stems already in ``forms``: the loop runs
            # for every word of every extract.
            if word in words or (part is not None and part in words) or not stems.isdisjoint(forms):
                found.append((match.start(), match.end()))
        for phrase in self.phrases:
            size = len(phrase)
            for i in range(len(tokens) - size + 1):
                if all(phrase[j] in tokens[i + j][2] for j in range(size)):
                    found.append((tokens[i][0], tokens[i + size - 1][1]))
        return _joined(text, sorted(found))

    def extract(self, text: str, width: int = EXTRACT_CHARS) -> Extract:
        """The part of ``text`` (a paragraph) that shows most matches, marked and plain."""
        spans = self.spans(text)
        terms = tuple(sorted({text[s:e].lower() for s, e in spans}))
        start, end = _window(text, spans, width)
        shown = [(s, e) for s, e in spans if s >= start and e <= end]
        lead = "…" if start > 0 else ""
        tail = "…" if end < len(text) else ""
        parts, cursor = [lead], start
        for s, e in shown:
            parts.append(escape(text[cursor:s]))
            parts.append(f"<b>{escape(text[s:e])}</b>")
            cursor = e
        parts.append(escape(text[cursor:end]))
        parts.append(tail)
        return Extract("".join(parts), f"{lead}{text[start:end]}{tail}", terms)


@lru_cache(maxsize=100_000)
def _analysed(raw: str) -> tuple[str, str | None, frozenset[str]] | None:
    """A word as written → (normalised word, its second half if prefixed, the stems it matches as),
    or None when it is not indexed. Cached: a page of extracts repeats the same few hundred words."""
    word = normalise(raw)
    if not keep(word):
        return None
    part = second_part(raw, word) if len(word) > 3 else None
    forms = frozenset({stem(word)} | ({stem(part)} if part else set()))
    return word, part, forms


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping matches, and matches with only spaces between them, as one."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and (start <= joined[-1][1] or not text[joined[-1][1]:start].strip()):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """Start and end of the extract: the whole text when short, else the ``width`` characters
    holding the most matches, starting a little before the first of them."""
    if len(text) <= width:
        return 0, len(text)
    best_start, best_count = 0, 0
    right = 0
    for left, (first, _) in enumerate(spans):
        limit = max(first - _LEAD, 0) + width
        right = max(right, left)
        while right < len(spans) and spans[right][1] <= limit:
            right += 1
        if right - left > best_count:
            best_start, best_count = first, right - left
    start = _snap_start(text, max(best_start - _LEAD, 0), best_start) if best_count else 0
    end = min(start + width, len(text))
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start + width // 2:
            end = space
    return start, end


def _snap_start(text: str, earliest: int, first_match: int) -> int:
    """Begin at a sentence start just before the match when there is one, else at a word."""
    if earliest == 0:
        return 0
    sentence = None
    for found in _SENTENCE_START.finditer(text, earliest, first_match):
        sentence = found.end()
    if sentence is not None:
        return sentence
    space = text.find(" ", earliest, first_match)
    return space + 1 if space != -1 else earliest
