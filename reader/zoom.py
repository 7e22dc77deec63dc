"""Text size steps: the same ladder for keys, wheel and toolbar, from 50% to 400%."""

from __future__ import annotations

BASE_PIXELS = 18  # body text at 100%: above the 16 px floor, comfortable for older eyes
LINE_HEIGHT_PERCENT = 160
STEPS: tuple[int, ...] = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300, 350, 400)
MINIMUM, NORMAL, MAXIMUM = STEPS[0], 100, STEPS[-1]
CONTENTS_MAXIMUM = 200  # the contents list grows with the text up to here, so its titles still fit


def clamp(percent: int) -> int:
    return max(MINIMUM, min(MAXIMUM, int(percent)))


def larger(percent: int) -> int:
    return next((step for step in STEPS if step > percent), MAXIMUM)


def smaller(percent: int) -> int:
    return next((step for step in reversed(STEPS) if step < percent), MINIMUM)


def pixels(percent: int, base: int = BASE_PIXELS) -> int:
    """Pixel size of text at ``percent`` of a ``base`` size."""
    return max(1, round(base * clamp(percent) / 100))


def contents_pixels(percent: int) -> int:
    """The contents list follows the text size, up to twice normal: beyond that a title no longer fits."""
    return pixels(min(clamp(percent), CONTENTS_MAXIMUM))
