"""Turn the reader's settings into the reading page's style, so the Qt side stays thin.

:func:`from_settings` gives the style on screen; :func:`for_print` the large-print style
used for printing and PDF export (dark text on white whatever the screen theme, never
smaller than 18 point). :meth:`ReadingStyle.css` writes the stylesheet that Qt's rich
text understands. Qt ignores ``em`` for word spacing, reads it as a share of the letter
width for letter spacing, and ignores ``pt`` for spacing and margins, so every length is
worked out here in pixels. Headings arrive as ``<p class="h1">`` (see
:func:`reader.rich_text.for_qt_rich_text`), which is why they are styled by class.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Protocol

from reader import themes, typography, zoom
from reader.rich_text import HEADING_SCALE
from reader.themes import Theme
from reader.typography import FontChoice

# The settings that "Reset to defaults" and the presets govern: how the page looks, never
# where the reader was.
READING_OPTIONS: tuple[str, ...] = (
    "text_size", "interface_size", "theme", "follow_system_theme", "font_family", "line_spacing",
    "letter_spacing", "word_spacing", "paragraph_spacing", "line_length", "reading_ruler", "ruler_lines",
)

PRINT_MINIMUM_POINTS = 18.0  # UK large-print guidance: 16 point at least, 18 preferred
PRINT_BASE_POINTS = 12.0  # print size at 100% text: 12 pt × 1.5 = 18 pt large print
PRINT_SCALE = 1.5
PRINT_MAXIMUM_POINTS = 48.0  # beyond this a line of an A4 page holds only a word or two
PIXELS_PER_POINT = 96 / 72  # Qt prints a document's pixels as 1/96 inch
HEADING_LINE_SPACING = 130 / 160  # headings keep tighter lines than the body, in proportion


class SettingsLike(Protocol):
    def get(self, name: str) -> Any: ...


@dataclass(frozen=True)
class ReadingStyle:
    """Everything the reading page needs to draw itself. Lengths are pixels; spacings are ems."""

    theme: Theme
    font: FontChoice
    text_percent: int
    size: float  # body text, pixels
    line_spacing: float  # multiple of the text size
    letter_spacing: float  # extra space, in ems
    word_spacing: float
    paragraph_spacing: float
    line_length: int  # characters; 0 means as wide as the page
    heading_cap: float = 0.0  # pixels: no heading larger, so its longest word fits the column (0: no limit)

    def heading_size(self, level: int) -> float:
        """Headings grow less than body text at large sizes, so a title still fits on a line at 400%;
        in a narrow column they shrink further (never below the body text) rather than break a word."""
        scale = HEADING_SCALE.get(f"h{level}", 1.0)
        damping = 1.0 if self.text_percent <= zoom.NORMAL else max(0.25, zoom.NORMAL / self.text_percent)
        size = round(self.size * (1 + (scale - 1) * damping))
        return max(round(self.size), min(size, int(self.heading_cap))) if self.heading_cap > 0 else size

    def with_headings_fitting(self, widest_word: float, heading: float, column: float) -> ReadingStyle:
        """This style with headings capped so a word ``widest_word`` pixels wide at ``heading`` pixels fits
        ``column``; the same style when it already fits."""
        if widest_word <= column or widest_word <= 0:
            return self
        cap = heading * column / widest_word
        return replace(self, heading_cap=cap if self.heading_cap <= 0 else min(cap, self.heading_cap))

    def css(self) -> str:
        """A stylesheet for ``QTextDocument.setDefaultStyleSheet``; set it before the HTML."""
        t, size = self.theme, self.size
        families = ", ".join(_css_family(name) for name in self.font.families)
        gap = self.paragraph_spacing * size
        rules = [
            f"body {{ color: {t.text}; }}",
            f"a {{ color: {t.link}; text-decoration: underline; }}",
            f"p, li, td, th, dt, dd, blockquote {{ font-family: {families}; font-size: {_px(size)}; "
            f"line-height: {round(self.line_spacing * 100)}%; {self._spacing(size)} text-align: left; }}",
            f"p, li {{ margin-top: 0px; margin-bottom: {_px(gap)}; }}",
            f"blockquote {{ margin-left: {_px(size * 1.2)}; font-style: italic; }}",
            f"td, th {{ padding: {_px(size * 0.3)}; }}",
            "th { text-align: left; }",
            ".epigraph { font-style: italic; }",
            ".signature-name { font-weight: bold; margin-bottom: 0px; }",
            ".missing-picture { font-style: italic; }",
        ]
        heading_line = round(self.line_spacing * 100 * HEADING_LINE_SPACING)
        for level in range(1, 7):
            heading = self.heading_size(level)
            rules.append(
                f".h{level} {{ font-family: {families}; font-size: {_px(heading)}; font-weight: bold; "
                f"line-height: {heading_line}%; {self._spacing(heading)} "
                f"margin-top: {_px(max(0.9, self.paragraph_spacing) * size)}; margin-bottom: {_px(size * 0.5)}; }}")
        return "\n".join(rules)

    def _spacing(self, size: float) -> str:
        return f"letter-spacing: {_px(self.letter_spacing * size)}; word-spacing: {_px(self.word_spacing * size)};"

    def character_width(self, average_px: float) -> float:
        """Width of one character of this style, given the font's average advance at ``size``."""
        return typography.character_width(average_px, self.size, self.letter_spacing, self.word_spacing)


def _px(value: float) -> str:
    """A CSS length: two decimals at most, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".") + "px"


def _css_family(name: str) -> str:
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy"}
    return name if name in generic else "'" + name.replace("'", "") + "'"


def active_theme(settings: SettingsLike) -> Theme:
    return themes.get(settings.get("theme"))


def from_settings(settings: SettingsLike, text_size: int | None = None) -> ReadingStyle:
    """The style of the page on screen; ``text_size`` overrides the stored size while it changes."""
    percent = zoom.clamp(settings.get("text_size") if text_size is None else text_size)
    return ReadingStyle(
        theme=active_theme(settings),
        font=typography.font(settings.get("font_family")),
        text_percent=percent,
        size=float(zoom.pixels(percent)),
        line_spacing=settings.get("line_spacing"),
        letter_spacing=settings.get("letter_spacing"),
        word_spacing=settings.get("word_spacing"),
        paragraph_spacing=settings.get("paragraph_spacing"),
        line_length=settings.get("line_length"),
    )


def print_points(text_percent: int) -> float:
    """Large-print body size in points: 18 pt at normal text size, larger as the reader zooms in."""
    wanted = PRINT_BASE_POINTS * PRINT_SCALE * zoom.clamp(text_percent) / 100
    return min(PRINT_MAXIMUM_POINTS, max(PRINT_MINIMUM_POINTS, wanted))


def for_print(settings: SettingsLike) -> ReadingStyle:
    """The large-print style: the reader's font and spacing, dark on white, page-wide lines.

    Headings are not damped on paper: the page is the same width at any text size.
    """
    points = print_points(settings.get("text_size"))
    return replace(from_settings(settings), theme=themes.PRINT, text_percent=zoom.NORMAL,
                   size=points * PIXELS_PER_POINT, line_length=0)
