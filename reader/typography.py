"""Fonts and spacing rules for reading, as data and small calculations (no Qt).

The ranges follow WCAG 2.2: text must survive the 1.4.12 text-spacing values (line
height 1.5, paragraph spacing 2 × the font size, letter spacing 0.12 em, word spacing
0.16 em), and 1.4.8 asks for lines of at most about 80 characters, left aligned, never
justified. The Qt side measures the font and asks :func:`side_margin` how wide the
page's margins should be.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.translatable import QT_TR_NOOP

FONTS_DIR = Path(__file__).resolve().parent / "fonts"


@dataclass(frozen=True)
class FontChoice:
    """A font the reader offers: family names in order of preference, ending with a generic family."""

    key: str
    label: str
    families: tuple[str, ...]
    description: str
    bundled: str | None = None  # folder under ``reader/fonts`` holding its files

    def files(self) -> list[Path]:
        if self.bundled is None:
            return []
        folder = FONTS_DIR / self.bundled
        return sorted([*folder.glob("*.ttf"), *folder.glob("*.otf")])


_SANS_FALLBACK = ("Segoe UI", "Helvetica Neue", "sans-serif", "DejaVu Sans", "Arial")
FONTS: dict[str, FontChoice] = {
    "sans": FontChoice("sans", QT_TR_NOOP("System sans-serif"), _SANS_FALLBACK,
                       QT_TR_NOOP("The plain font your computer uses for reading.")),
    "serif": FontChoice("serif", QT_TR_NOOP("System serif"), ("Georgia", "Cambria", "serif", "DejaVu Serif",
                                                  "Times New Roman"),
                        QT_TR_NOOP("A book-like font with small strokes at the ends of letters.")),
    "atkinson": FontChoice("atkinson", QT_TR_NOOP("Atkinson Hyperlegible"), ("Atkinson Hyperlegible", *_SANS_FALLBACK),
                           QT_TR_NOOP("Clear letters that are hard to mix up, made for readers with low vision."),
                           bundled="atkinson-hyperlegible"),
    "opendyslexic": FontChoice("opendyslexic", QT_TR_NOOP("OpenDyslexic"), ("OpenDyslexic", *_SANS_FALLBACK),
                               QT_TR_NOOP("Heavy-bottomed letters that some readers with dyslexia find steadier."),
                               bundled="opendyslexic"),
}
DEFAULT_FONT = "sans"


def font(key: str) -> FontChoice:
    return FONTS.get(key, FONTS[DEFAULT_FONT])


def bundled_font_files() -> list[Path]:
    """Every font file the reader ships, to register with the window system at start-up."""
    return [path for choice in FONTS.values() for path in choice.files()]


@dataclass(frozen=True)
class Range:
    minimum: float
    maximum: float
    default: float
    step: float


# Multiples of the font size, except line length (characters).
LINE_SPACING = Range(1.0, 2.5, 1.6, 0.1)  # 1.6: zoom.LINE_HEIGHT_PERCENT
LETTER_SPACING = Range(0.0, 0.3, 0.0, 0.02)
WORD_SPACING = Range(0.0, 0.6, 0.0, 0.04)
PARAGRAPH_SPACING = Range(0.5, 3.0, 0.8, 0.1)
LINE_LENGTH = Range(30, 150, 70, 5)

# WCAG 2.2 success criterion 1.4.12: reading must still work with these set.
WCAG_TEXT_SPACING = {"line_spacing": 1.5, "letter_spacing": 0.12, "word_spacing": 0.16,
                     "paragraph_spacing": 2.0}

# English averages about 4.7 letters a word, so a space every 5.7 characters:
# word spacing widens a line by about that share of a character.
_SPACES_PER_CHARACTER = 1 / 5.7


def character_width(average_px: float, font_px: float, letter_spacing_em: float,
                    word_spacing_em: float) -> float:
    """The width one character takes on a line, once letter and word spacing are added."""
    return average_px + letter_spacing_em * font_px + word_spacing_em * font_px * _SPACES_PER_CHARACTER


def side_margin(available_px: float, char_px: float, max_chars: int, minimum_px: float) -> int:
    """The margin on each side that keeps lines to ``max_chars`` characters, centred on the page.

    When the page is narrower than the longest line the margins shrink to ``minimum_px`` and the
    text wraps to the width there is: a line never grows wider than the page.
    """
    spare = available_px - char_px * max_chars
    return int(max(minimum_px, spare / 2))
