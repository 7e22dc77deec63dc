"""How wide the side panes may be, so the page keeps a readable column (no Qt).

A line of fewer than about 45 characters is hard to read: the eye jumps back too often and
long words break. So the page is measured first, in characters of its own text size, and
the panes (the contents on one side, a panel such as search, settings or bookmarks on the
other) get only what is left:

- the panel the reader just opened comes first, then the contents;
- a pane that would be narrower than its own minimum collapses (the contents), or, for the
  panel the reader asked for, covers the page instead: the page gives way completely while
  it is open, and the panel closes when the reader is done with it;
- when even the whole window is narrower than 45 characters of the text (400 % text on a
  small laptop), the page takes the whole width and every pane is closed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

MIN_COLUMN_CHARACTERS = 45


class Pane(NamedTuple):
    """What a pane would like (``wants``) and the least it can show whole (``least``), in pixels."""

    wants: int
    least: int


class PaneRoom(NamedTuple):
    """The widths to give: 0 means closed (or collapsed); ``page_covered`` when a pane lies over the page."""

    contents: int
    panel: int
    page_covered: bool = False


def column_pixels(average_character: float, margins: int, characters: int = MIN_COLUMN_CHARACTERS) -> int:
    """Width the page needs to show ``characters`` of its text on a line, margins and scroll bar included."""
    return round(characters * average_character) + margins


def share(window: int, page: int, contents: Pane | None, panel: Pane | None,
          contents_asked: bool = False) -> PaneRoom:
    """Widths for the contents and the open panel in a window ``window`` pixels wide.

    ``page`` is what the page needs (:func:`column_pixels`); ``contents`` / ``panel`` are None
    when that pane is closed. ``contents_asked``: the reader has just asked for the contents
    (its toolbar button), so it may cover the page like a panel rather than collapse.
    """
    spare = window - page
    panel_width = 0
    if panel is not None:
        if spare >= panel.least:
            panel_width = min(panel.wants, spare)
        else:  # no room beside the page: the panel covers it while it is open
            return PaneRoom(0, min(max(panel.wants, panel.least), window), page_covered=True)
    spare -= panel_width
    if contents is None:
        return PaneRoom(0, panel_width)
    if spare >= contents.least:
        return PaneRoom(min(contents.wants, spare), panel_width)
    if contents_asked and panel is None:
        return PaneRoom(min(max(contents.wants, contents.least), window), 0, page_covered=True)
    return PaneRoom(0, panel_width)


# Rough widths of characters in a proportional font, in "ordinary letter" units: enough to rank words.
_NARROW = frozenset("iljtfrI.,;:'!|()[]-")
_WIDE = frozenset("mwMW@%")


def _rough_width(word: str) -> float:
    return len(word) + sum(0.5 for c in word if c in _WIDE) - sum(0.5 for c in word if c in _NARROW)


def widest_words(titles: Iterable[str], keep: int = 64) -> list[str]:
    """The words of ``titles`` that could be the widest on screen, widest first.

    The contents may not be narrower than their widest word (titles wrap between words), but
    measuring every word of 10,000 titles with font metrics took 420 ms each time the panes were
    fitted (35 ms before the first paint, with only the first lines made).
    Distinct words are few, and ranking them by a rough width keeps the few dozen worth measuring;
    ``keep`` is generous, so a word with fewer but wider letters is still among them.
    """
    words: set[str] = set()
    for title in titles:
        words.update(title.split())
    if len(words) <= keep:
        return sorted(words, key=_rough_width, reverse=True)
    # Only words with enough letters can rank: no word is roughly wider than 1.5 times its length.
    longest = sorted(words, key=len, reverse=True)[:keep]
    floor = min(_rough_width(word) for word in longest) / 1.5
    contenders = [word for word in words if len(word) >= floor]
    return sorted(contenders, key=_rough_width, reverse=True)[:keep]
