"""How large the controls around the page are: menus, toolbars, lists, dialogs (no Qt).

Interface size stands beside text size rather than following it. The page reflows at any
size, so it can grow to 400 %; menus, toolbars and dialogs cannot reflow the same way, and
at four times normal a dialog no longer fits a laptop screen. Many readers also want only
one of the two larger: big page text on a screen across the room, or larger controls with
the page left as it is because they magnify it some other way. The Large print and Low
vision presets set both together. Sizes are percentages of the computer's own control size.
"""

from __future__ import annotations

MINIMUM, NORMAL, MAXIMUM = 100, 100, 400
STEP = 25
STEPS: tuple[int, ...] = tuple(range(MINIMUM, MAXIMUM + 1, STEP))
ICON_PIXELS = 24  # toolbar icons at 100 %: the size most desktops use
SMALL_ICON_PIXELS = 16  # menus and lists
# Space around the words of a menu entry stops growing at twice normal; the words keep growing. At
# 400 % full padding would make an entry 88 pixels tall, so a 768-pixel screen held only eight.
PADDING_LIMIT = 200


def clamp(percent: int) -> int:
    return max(MINIMUM, min(MAXIMUM, int(percent)))


def scaled(pixels: float, percent: int) -> int:
    """A length of the interface at ``percent``; never below one pixel, never smaller than at 100 %."""
    return max(1, round(pixels * clamp(percent) / 100))


def padding(pixels: float, percent: int) -> int:
    """Space around a menu entry's words at ``percent``: it grows as the interface does, up to twice normal."""
    return scaled(pixels, min(clamp(percent), PADDING_LIMIT))


def font_points(base_points: float, percent: int) -> float:
    """The interface font at ``percent`` of the computer's own size (``base_points``)."""
    return round(base_points * clamp(percent) / 100, 1)


def larger(percent: int) -> int:
    return next((step for step in STEPS if step > percent), MAXIMUM)


def smaller(percent: int) -> int:
    return next((step for step in reversed(STEPS) if step < percent), MINIMUM)
