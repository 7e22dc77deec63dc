"""WCAG 2.2 colour arithmetic: relative luminance, contrast ratio and blending.

Kept apart from the themes so that a test (and anyone adding a theme) can check any two
colours with exactly the formula the guidelines give.
"""

from __future__ import annotations

import re

RGB = tuple[int, int, int]
_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")

TEXT_MINIMUM = 4.5  # WCAG 1.4.3 (AA) for normal-size text
TEXT_ENHANCED = 7.0  # WCAG 1.4.6 (AAA): what the high-contrast theme must reach
NON_TEXT_MINIMUM = 3.0  # WCAG 1.4.11: focus outlines, control edges


def parse(colour: str) -> RGB:
    """``"#1a2b3c"`` → (26, 43, 60); raises ValueError for anything else."""
    match = _HEX.match(colour.strip())
    if not match:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    value = match.group(1)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def to_hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _linear(channel: int) -> float:
    c = channel / 255
    # WCAG 2.2 notes that 0.04045 is the sRGB threshold (older texts print 0.03928);
    # no 8-bit value lies between the two, so both give the same answer.
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str | RGB) -> float:
    """Relative luminance from 0 (black) to 1 (white), as WCAG 2.2 defines it."""
    r, g, b = parse(colour) if isinstance(colour, str) else colour
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(first: str | RGB, second: str | RGB) -> float:
    """Contrast ratio from 1 (same) to 21 (black on white); the order of the colours does not matter."""
    a, b = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def blend(top: str, bottom: str, opacity: float) -> str:
    """``top`` painted over ``bottom`` at ``opacity`` (0 to 1), as a compositor does in sRGB."""
    if not 0.0 <= opacity <= 1.0:
        raise ValueError("opacity must be between 0 and 1")
    upper, lower = parse(top), parse(bottom)
    r, g, b = (round(u * opacity + v * (1 - opacity)) for u, v in zip(upper, lower, strict=True))
    return to_hex((r, g, b))
