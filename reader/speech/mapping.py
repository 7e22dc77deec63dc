"""Spoken text that remembers where each of its characters came from in the displayed text.

The ear needs different words from the eye ("Dr." is said "Doctor", "IRISS" is respelled
"Iris"), but the highlight must fall on what is displayed. Every rewrite goes through
:meth:`MappedText.sub`, which carries the map along, so a word the engine reports in the
spoken text can always be traced back to its span in the displayed text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

Replacement = str | Callable[[re.Match[str]], str]


@dataclass(frozen=True)
class MappedText:
    """``text`` to speak; ``starts[i]``/``ends[i]`` give the displayed span behind ``text[i]``."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str, offset: int = 0) -> MappedText:
        """Unchanged text whose first character is at ``offset`` in the displayed text."""
        return cls(text, tuple(range(offset, offset + len(text))),
                   tuple(range(offset + 1, offset + len(text) + 1)))

    def __len__(self) -> int:
        return len(self.text)

    def sub(self, pattern: re.Pattern[str] | str, replacement: Replacement) -> MappedText:
        """Like :func:`re.sub`; each replacement maps to the whole span of what it replaced."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        matches = regex.finditer(self.text)
        first = next(matches, None)
        if first is None:  # most rules find nothing: the same text, without copying its map
            return self
        text: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        last = 0
        for match in itertools.chain((first,), matches):
            begin, end = match.span()
            text.append(self.text[last:begin])
            starts.extend(self.starts[last:begin])
            ends.extend(self.ends[last:begin])
            new = replacement(match) if callable(replacement) else match.expand(replacement)
            if new and end > begin:
                origin_start, origin_end = self.starts[begin], self.ends[end - 1]
            elif new:  # an insertion: it belongs to the place where it was inserted
                origin_start = origin_end = self._origin_at(begin)
            text.append(new)
            if new:
                starts.extend([origin_start] * len(new))
                ends.extend([origin_end] * len(new))
            last = end
        text.append(self.text[last:])
        starts.extend(self.starts[last:])
        ends.extend(self.ends[last:])
        return MappedText("".join(text), tuple(starts), tuple(ends))

    def strip(self) -> MappedText:
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        if right <= left:
            return MappedText("", (), ())
        return MappedText(self.text[left:right], self.starts[left:right], self.ends[left:right])

    def append(self, suffix: str) -> MappedText:
        """Add spoken-only text at the end (a full stop that gives a heading its falling tone)."""
        at = self.ends[-1] if self.ends else 0
        return MappedText(self.text + suffix, self.starts + (at,) * len(suffix), self.ends + (at,) * len(suffix))

    def display_span(self, start: int, length: int) -> tuple[int, int]:
        """The displayed span behind ``text[start:start + length]`` (clamped to the text)."""
        if not self.text:
            return (0, 0)
        start = max(0, min(start, len(self.text) - 1))
        last = max(start, min(start + max(length, 1), len(self.text)) - 1)
        return self.starts[start], max(self.starts[start], self.ends[last])

    def _origin_at(self, index: int) -> int:
        if index < len(self.starts):
            return self.starts[index]
        return self.ends[-1] if self.ends else 0
