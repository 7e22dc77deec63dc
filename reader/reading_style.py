"""Turn the reader's settings into the reading page's style, so the Qt side stays thin.

:func:`from_settings` gives the style on screen; :func:`for_print` the large-print style
used for printing and PDF export (dark text on white whatever the screen theme, never
smaller than 18 point). :meth:`ReadingStyle.css` writes the stylesheet that Qt's rich
text understands: sizes in pixels or points (Qt ignores ``em`` for word spacing and
reads it as a percentage of the letter width for letter spacing, so the ems are worked
out here).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Protocol

from reader import themes, typography, zoom
from reader.themes import Theme
from reader.typography import FontChoice

# The settings that "Reset to defaults" and the presets govern: how the page looks, never
# where the reader was.
READING_OPTIONS: tuple[str, ...] = (
    "text_size", "theme", "follow_system_theme", "font_family", "line_spacing", "letter_spacing",
    "word_spacing", "paragraph_spacing", "line_length", "reading_ruler", "ruler_lines", "caret_browsing",
)

PRINT_MINIMUM_POINTS = 18.0  # UK large-print guidance: 16 point at least, 18 preferred
PRINT_BASE_POINTS = 12.0  # print size at 100% text: 12 pt × 1.5 = 18 pt large print
PRINT_SCALE = 1.5
PRINT_MAXIMUM_POINTS = 48.0  # beyond this a line of an A4 page holds only a word or two


class SettingsLike(Protocol):
    def get(self, name: str) -> Any: ...


@dataclass(frozen=True)
class ReadingStyle:
    """Everything the reading page needs to draw itself."""

    theme: Theme
    font: FontChoice
    size: float  # body text size, in ``unit``
    unit: str  # "px" on screen, "pt" on paper
    line_spacing: float  # multiple of the text size
    letter_spacing: float  # extra space in ems
    word_spacing: float
    paragraph_spacing: float
    line_length: int  # characters; 0 means as wide as the page

    def heading_size(self, tag: str) -> float:
        return self.size * typography.HEADING_SCALE.get(tag, 1.0)

    def css(self) -> str:
        """A stylesheet for ``QTextDocument.setDefaultStyleSheet``; set it before the HTML."""
        families = ", ".join(_css_family(name) for name in self.font.families)
        t = self.theme
        rules = [
            f"body {{ color: {t.text}; }}",
            f"a {{ color: {t.link}; text-decoration: underline; }}",
            "span.missing-picture { font-style: italic; }",
        ]
        blocks = {"p": self.size, "li": self.size, "td": self.size, "th": self.size, "dt": self.size,
                  "dd": self.size, "blockquote": self.size}
        blocks.update({tag: self.heading_size(tag) for tag in typography.HEADING_SCALE})
        gap = self.paragraph_spacing * self.size
        for tag, size in blocks.items():
            heading = tag.startswith("h") and tag != "th"
            rules.append(
                f"{tag} {{ font-family: {families}; font-size: {_n(size)}{self.unit}; "
                f"line-height: {round(self.line_spacing * 100)}%; "
                f"letter-spacing: {_n(self.letter_spacing * size)}{self.unit}; "
                f"word-spacing: {_n(self.word_spacing * size)}{self.unit}; text-align: left; "
                f"margin-top: {_n(gap if heading else 0)}{self.unit}; "
                f"margin-bottom: {_n(gap * 0.5 if heading else gap)}{self.unit}; }}")
        return "\n".join(rules)


def _n(value: float) -> str:
    """A CSS number: two decimals at most, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _css_family(name: str) -> str:
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy"}
    return name if name in generic else "'" + name.replace("'", "") + "'"


def active_theme(settings: SettingsLike) -> Theme:
    return themes.get(settings.get("theme"))


def from_settings(settings: SettingsLike) -> ReadingStyle:
    """The style of the page on screen, from the current settings."""
    return ReadingStyle(
        theme=active_theme(settings),
        font=typography.font(settings.get("font_family")),
        size=float(zoom.pixels(settings.get("text_size"))),
        unit="px",
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
    """The large-print style: the reader's font and spacing, dark on white, in points, page-wide lines."""
    return replace(from_settings(settings), theme=themes.PRINT, size=print_points(settings.get("text_size")),
                   unit="pt", line_length=0)
