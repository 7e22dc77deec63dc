"""Where the window opens: within the screen the reader has, never partly off it (no Qt).

Readers and browsers open maximised on a small screen and at a comfortable size on a
large one. A saved place is used again only while enough of it is on a screen that is
still there (a laptop taken off its second monitor, a lower resolution): otherwise the
window is brought back, shrunk to fit if needed.
"""

from __future__ import annotations

from typing import NamedTuple

PREFERRED_WIDTH, PREFERRED_HEIGHT = 1200, 800
# Below this much free room, a window of the preferred size would leave no useful margin.
MAXIMISE_BELOW_WIDTH, MAXIMISE_BELOW_HEIGHT = 1400, 900


class Rect(NamedTuple):
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def overlap(self, other: Rect) -> Rect | None:
        left, top = max(self.x, other.x), max(self.y, other.y)
        right, bottom = min(self.right, other.right), min(self.bottom, other.bottom)
        return Rect(left, top, right - left, bottom - top) if right > left and bottom > top else None

    def contains(self, other: Rect) -> bool:
        return (self.x <= other.x and self.y <= other.y
                and other.right <= self.right and other.bottom <= self.bottom)


class Placement(NamedTuple):
    """What to do: maximise on ``screen``, or show at ``geometry``."""

    maximise: bool
    geometry: Rect


def first_start(available: Rect) -> Placement:
    """The first time: maximised on a small screen, otherwise the preferred size in the middle."""
    if available.width < MAXIMISE_BELOW_WIDTH or available.height < MAXIMISE_BELOW_HEIGHT:
        return Placement(True, available)
    x = available.x + (available.width - PREFERRED_WIDTH) // 2
    y = available.y + (available.height - PREFERRED_HEIGHT) // 2
    return Placement(False, Rect(x, y, PREFERRED_WIDTH, PREFERRED_HEIGHT))


def restored(saved: Rect, screens: list[Rect], primary: Rect) -> Placement | None:
    """None when the saved place is fine as it is; else where the window should go instead.

    ``screens`` are the available areas of every screen now attached, ``primary`` the one to
    fall back on. A window not wholly on one screen moves onto the screen it overlaps most
    (or the primary one); a window larger than that screen is maximised there.
    """
    if any(screen.contains(saved) for screen in screens):
        return None
    target = max(screens, key=lambda s: _area(s.overlap(saved)), default=primary)
    if _area(target.overlap(saved)) == 0:
        target = primary
    if saved.width > target.width or saved.height > target.height:
        return Placement(True, target)
    x = min(max(saved.x, target.x), target.right - saved.width)
    y = min(max(saved.y, target.y), target.bottom - saved.height)
    return Placement(False, Rect(x, y, saved.width, saved.height))


def _area(rect: Rect | None) -> int:
    return 0 if rect is None else rect.width * rect.height
