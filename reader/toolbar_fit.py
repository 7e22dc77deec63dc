"""How the toolbar fits the window's width without hiding anything (no Qt).

Qt's toolbar puts what does not fit behind an unlabelled "»" handle, which a screen reader
announces as nothing and a low-vision reader does not notice. Instead, when room is short:

1. the words go under the icons (a taller toolbar, but each button only as wide as its word);
2. every button shows its icon only (its name stays in its tooltip and accessible name);
3. if that is still too wide, the least-used commands move, in the order given, into a
   labelled "More" menu button at the end of the toolbar.

The widths are measured by the window (they depend on the font and interface size).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Item(NamedTuple):
    """A toolbar entry: its width with words beside the icon, with the icon only, whether it may move,
    and its width with the words under the icon (0: as with words beside)."""

    name: str
    with_text: int
    icon_only: int
    movable: bool = True
    text_under: int = 0


class ToolbarFit(NamedTuple):
    """Show words beside the icons or not, and which commands go into the "More" menu."""

    with_text: bool
    in_more: tuple[str, ...] = ()
    text_under: bool = False  # the words under the icons rather than beside them


def fit(room: int, items: Sequence[Item], more_width: int, least_used_first: Sequence[str] = ()) -> ToolbarFit:
    """The fullest toolbar that fits ``room`` pixels.

    ``least_used_first`` names the commands that may move to the "More" menu, the first to go
    first; ``more_width`` is the width of that menu button.
    """
    if sum(item.with_text for item in items) <= room:
        return ToolbarFit(True)
    if sum(item.text_under or item.with_text for item in items) <= room:
        return ToolbarFit(True, text_under=True)
    width = sum(item.icon_only for item in items)
    if width <= room:
        return ToolbarFit(False)
    by_name = {item.name: item for item in items}
    moved: list[str] = []
    width += more_width
    for name in least_used_first:
        item = by_name.get(name)
        if item is None or not item.movable:
            continue
        if width <= room:
            break
        moved.append(name)
        width -= item.icon_only
    return ToolbarFit(False, tuple(moved))
