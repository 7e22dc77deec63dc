"""The reader's colour themes as plain data, with the colour pairs that must stay readable.

Each theme names every colour the window uses, so the Qt side only copies them into a
palette and a stylesheet. :func:`text_pairs` and :func:`non_text_pairs` list which colours
meet on screen; a test checks each pair against WCAG 2.2 for every theme, so a new or
edited theme cannot quietly lose contrast.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from reader.contrast import NON_TEXT_MINIMUM, TEXT_ENHANCED, TEXT_MINIMUM, blend, contrast_ratio
from reader.translatable import QT_TR_NOOP


@dataclass(frozen=True)
class Theme:
    """All the colours of one look. Colours are ``#rrggbb`` strings."""

    name: str
    label: str
    dark: bool
    high_contrast: bool
    window: str  # dialogs, menus, panels
    window_text: str
    base: str  # the reading page, lists and text boxes
    text: str
    alternate_base: str  # every other row of a list
    button: str
    button_text: str
    border: str  # edges of buttons, boxes and panels
    link: str
    visited_link: str
    search_background: str  # words found by a search
    search_text: str
    spoken_background: str  # the sentence being read aloud
    spoken_text: str
    selection_background: str
    selection_text: str
    focus: str  # outline around the control that has keyboard focus
    disabled_text: str
    placeholder_text: str
    tooltip_background: str
    tooltip_text: str
    ruler_opacity: float  # how strongly the reading ruler covers the lines outside it

    def colours(self) -> dict[str, str]:
        """Every colour of the theme by field name (for palettes and stylesheets)."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if isinstance(getattr(self, f.name), str) and getattr(self, f.name).startswith("#")}

    @property
    def text_minimum(self) -> float:
        return TEXT_ENHANCED if self.high_contrast else TEXT_MINIMUM

    @property
    def non_text_minimum(self) -> float:
        # A high-contrast theme holds its outlines and edges to the text standard too.
        return TEXT_ENHANCED if self.high_contrast else NON_TEXT_MINIMUM

    def dimmed(self, colour: str) -> str:
        """What ``colour`` looks like under the reading ruler's shade (the page colour laid over it)."""
        return blend(self.base, colour, self.ruler_opacity)


# Text colour on the colour behind it: each must meet 4.5:1 (7:1 in the high-contrast theme).
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "base"),
    ("text", "alternate_base"),
    ("window_text", "window"),
    ("window_text", "button"),
    ("button_text", "button"),
    ("link", "base"),
    ("link", "alternate_base"),
    ("link", "window"),
    ("visited_link", "base"),
    ("search_text", "search_background"),
    ("spoken_text", "spoken_background"),
    ("selection_text", "selection_background"),
    ("disabled_text", "window"),
    ("disabled_text", "button"),
    ("disabled_text", "base"),
    ("placeholder_text", "base"),
    ("tooltip_text", "tooltip_background"),
)

# Shapes that show where a control is or what state it is in (WCAG 1.4.11): at least 3:1.
NON_TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("focus", "window"),
    ("focus", "base"),
    ("focus", "button"),
    ("border", "window"),
    ("border", "base"),
    ("selection_background", "base"),
)


def text_pairs(theme: Theme) -> list[tuple[str, str, float]]:
    """(foreground, background, ratio) for every text pair of ``theme``."""
    return [(fg, bg, contrast_ratio(getattr(theme, fg), getattr(theme, bg))) for fg, bg in TEXT_PAIRS]


def non_text_pairs(theme: Theme) -> list[tuple[str, str, float]]:
    return [(fg, bg, contrast_ratio(getattr(theme, fg), getattr(theme, bg))) for fg, bg in NON_TEXT_PAIRS]


def failures(theme: Theme) -> list[str]:
    """Every pair of ``theme`` below its minimum, in words; empty when the theme is sound."""
    problems = [f"{fg} on {bg}: {ratio:.2f}:1, needs {theme.text_minimum}:1"
                for fg, bg, ratio in text_pairs(theme) if ratio < theme.text_minimum]
    problems += [f"{fg} against {bg}: {ratio:.2f}:1, needs {theme.non_text_minimum}:1"
                 for fg, bg, ratio in non_text_pairs(theme) if ratio < theme.non_text_minimum]
    problems += quieter_failures(theme)
    return problems


# A disabled control must stand out less than an enabled one: readable, but never the brightest
# (or darkest) thing on screen, and never a colour of its own that could read as a warning.
QUIETER_PAIRS: tuple[tuple[str, str], ...] = (("disabled_text", "window_text"), ("disabled_text", "button_text"))
GREY_TOLERANCE = 24  # largest difference between the red, green and blue of a "grey"


def quieter_failures(theme: Theme) -> list[str]:
    """Disabled text that is as strong as enabled text, or not a grey (in a high-contrast theme)."""
    problems = [f"{quiet} is as strong as {loud} on {bg}"
                for quiet, loud in QUIETER_PAIRS for bg in ("window", "button")
                if contrast_ratio(getattr(theme, quiet), getattr(theme, bg))
                >= contrast_ratio(getattr(theme, loud), getattr(theme, bg))]
    if theme.high_contrast:
        red, green, blue = (int(theme.disabled_text[i:i + 2], 16) for i in (1, 3, 5))
        if max(red, green, blue) - min(red, green, blue) > GREY_TOLERANCE:
            problems.append(f"disabled_text {theme.disabled_text} is a colour, not a grey")
    return problems


LIGHT = Theme(
    name="light", label=QT_TR_NOOP("Light"), dark=False, high_contrast=False,
    window="#f2f2f2", window_text="#1a1a1a", base="#ffffff", text="#1a1a1a", alternate_base="#f5f5f5",
    button="#e6e6e6", button_text="#1a1a1a", border="#6b6b6b",
    link="#0b57d0", visited_link="#7b1fa2",
    search_background="#ffe066", search_text="#1a1a1a",
    spoken_background="#c7ecc9", spoken_text="#1a1a1a",
    selection_background="#0b57d0", selection_text="#ffffff",
    focus="#0b57d0", disabled_text="#5c5c5c", placeholder_text="#5c5c5c",
    tooltip_background="#1a1a1a", tooltip_text="#ffffff", ruler_opacity=0.6,
)

DARK = Theme(
    name="dark", label=QT_TR_NOOP("Dark"), dark=True, high_contrast=False,
    window="#1f1f1f", window_text="#e6e6e6", base="#121212", text="#e6e6e6", alternate_base="#1a1a1a",
    button="#2e2e2e", button_text="#f0f0f0", border="#8c8c8c",
    link="#8ab4f8", visited_link="#d7aefb",
    search_background="#6b5400", search_text="#ffffff",
    spoken_background="#1d5a32", spoken_text="#ffffff",
    selection_background="#3d6fb0", selection_text="#ffffff",
    focus="#ffc94d", disabled_text="#a6a6a6", placeholder_text="#a6a6a6",
    tooltip_background="#e6e6e6", tooltip_text="#121212", ruler_opacity=0.6,
)

SEPIA = Theme(
    name="sepia", label=QT_TR_NOOP("Sepia (cream page)"), dark=False, high_contrast=False,
    window="#ebe0c7", window_text="#3a2e1f", base="#f7efdc", text="#3a2e1f", alternate_base="#f1e7d0",
    button="#e0d3b5", button_text="#3a2e1f", border="#7d6b50",
    link="#1b4d8c", visited_link="#6e2c7a",
    search_background="#ffd84d", search_text="#3a2e1f",
    spoken_background="#bfe0c4", spoken_text="#3a2e1f",
    selection_background="#5b4636", selection_text="#fff8e8",
    focus="#005a9c", disabled_text="#65553f", placeholder_text="#65553f",
    tooltip_background="#3a2e1f", tooltip_text="#fff8e8", ruler_opacity=0.6,
)

HIGH_CONTRAST = Theme(
    name="high-contrast", label=QT_TR_NOOP("High contrast, dark"), dark=True, high_contrast=True,
    window="#000000", window_text="#ffffff", base="#000000", text="#ffffff", alternate_base="#000000",
    button="#000000", button_text="#ffffff", border="#ffffff",
    link="#ffff00", visited_link="#ff9ef9",
    search_background="#ffff00", search_text="#000000",
    spoken_background="#00ffff", spoken_text="#000000",
    selection_background="#ffffff", selection_text="#000000",
    focus="#00ff00", disabled_text="#a6a6a6", placeholder_text="#c0c0c0",
    tooltip_background="#ffffff", tooltip_text="#000000", ruler_opacity=0.7,
)

# The colours of Windows' "High Contrast White", for readers who need strong contrast on a light page.
HIGH_CONTRAST_LIGHT = Theme(
    name="high-contrast-light", label=QT_TR_NOOP("High contrast, light"), dark=False, high_contrast=True,
    window="#ffffff", window_text="#000000", base="#ffffff", text="#000000", alternate_base="#ffffff",
    button="#ffffff", button_text="#000000", border="#000000",
    link="#00009f", visited_link="#600060",
    search_background="#ffff00", search_text="#000000",
    spoken_background="#9fffff", spoken_text="#000000",
    selection_background="#37006e", selection_text="#ffffff",
    focus="#00009f", disabled_text="#555555", placeholder_text="#404040",
    tooltip_background="#ffffff", tooltip_text="#000000", ruler_opacity=0.7,
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (LIGHT, DARK, SEPIA, HIGH_CONTRAST, HIGH_CONTRAST_LIGHT)}
DEFAULT = LIGHT.name
# Printing and PDF export are always dark text on white, whatever the screen shows.
PRINT = LIGHT


def get(name: str) -> Theme:
    """The theme called ``name``; an unknown name gives the default theme rather than failing."""
    return THEMES.get(name, THEMES[DEFAULT])


def for_system(dark: bool | None, high_contrast: bool) -> str:
    """The theme that matches what the operating system asks for (``dark`` None: it does not say)."""
    if high_contrast:  # a light high-contrast scheme gets black on white; otherwise white on black
        return HIGH_CONTRAST_LIGHT.name if dark is False else HIGH_CONTRAST.name
    return DARK.name if dark else LIGHT.name
