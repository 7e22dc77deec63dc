"""One-click looks for common needs, applied together and then adjustable one by one.

A preset starts from the defaults of every reading setting and changes only what it is
for, so choosing one after another never leaves a mixture of both behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from reader.reading_style import READING_OPTIONS
from reader.settings import REGISTRY
from reader.translatable import QT_TR_NOOP


class WritableSettings(Protocol):
    def get(self, name: str) -> Any: ...
    def set(self, name: str, value: Any) -> None: ...
    def reset(self, names: list[str] | None = None) -> None: ...


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    description: str
    values: Mapping[str, Any]

    def full_values(self) -> dict[str, Any]:
        """Every reading setting as this preset leaves it (defaults for those it does not name)."""
        return {name: self.values.get(name, REGISTRY[name].default) for name in READING_OPTIONS}


PRESETS: dict[str, Preset] = {preset.key: preset for preset in (
    Preset("large-print", QT_TR_NOOP("Large print"),
           QT_TR_NOOP("Text twice the normal size in a clear font, menus and buttons half as large again, and a "
                      "little more space between lines and paragraphs. Colours follow your computer."),
           {"text_size": 200, "interface_size": 150, "font_family": "atkinson", "line_spacing": 1.6,
            "paragraph_spacing": 1.5, "line_length": 60}),
    # Following the British Dyslexia Association's style guide: a plain, clear font, a cream page
    # rather than bright white, wider letter, word and line spacing, and shorter lines.
    Preset("dyslexia", QT_TR_NOOP("Dyslexia-friendly"),
           QT_TR_NOOP("A clear font on a cream page, with wider spacing between letters, words, lines and "
                      "paragraphs, and shorter lines."),
           {"theme": "sepia", "follow_system_theme": False, "text_size": 125, "font_family": "atkinson",
            "line_spacing": 1.8, "letter_spacing": 0.12, "word_spacing": 0.16, "paragraph_spacing": 2.0,
            "line_length": 60}),
    Preset("low-vision", QT_TR_NOOP("Low vision"),
           QT_TR_NOOP("White text on black at three times the normal size, in a clear font, menus and buttons "
                      "twice their size, and a reading ruler that dims all but the lines you are reading."),
           {"theme": "high-contrast", "follow_system_theme": False, "text_size": 300, "interface_size": 200,
            "font_family": "atkinson", "line_spacing": 1.6, "letter_spacing": 0.04, "word_spacing": 0.08,
            "paragraph_spacing": 1.5, "line_length": 50, "reading_ruler": True, "ruler_lines": 2}),
    # A screen reader reads the text line by line as the text cursor moves: lines as long as the
    # window allows mean fewer breaks in the middle of a sentence. Colours follow the computer, so
    # its own high-contrast mode and magnifier apply, and nothing is laid over the page.
    Preset("screen-reader", QT_TR_NOOP("Screen reader"),
           QT_TR_NOOP("Lines as long as the window allows, so a screen reader reading line by line stops less often; "
                      "normal text size, colours that follow your computer and no reading ruler."),
           {"follow_system_theme": True, "reading_ruler": False, "line_length": 150}),
)}


def apply(settings: WritableSettings, key: str, system_theme: str | None = None) -> None:
    """Put every reading setting to what preset ``key`` says; raises KeyError for an unknown preset.

    ``system_theme`` is the theme the computer asks for, used when the preset follows it.
    """
    preset = PRESETS[key]
    settings.reset(list(READING_OPTIONS))
    for name, value in preset.values.items():
        settings.set(name, value)
    follow_system(settings, system_theme)


def reset(settings: WritableSettings, system_theme: str | None = None) -> None:
    """Every reading setting back to its default ("Reset to defaults")."""
    settings.reset(list(READING_OPTIONS))
    follow_system(settings, system_theme)


def follow_system(settings: WritableSettings, system_theme: str | None) -> None:
    """While the reader follows the computer's colours, the theme is the one the computer asks for."""
    if system_theme is not None and settings.get("follow_system_theme"):
        settings.set("theme", system_theme)


def matching(settings: WritableSettings) -> str | None:
    """The preset the current settings are exactly set to, if any (shown as checked in menus).

    The theme counts only when the preset chooses one: the others follow the computer.
    """
    for preset in PRESETS.values():
        wanted = preset.full_values()
        names = [name for name in READING_OPTIONS if name != "theme" or "theme" in preset.values]
        if all(settings.get(name) == wanted[name] for name in names):
            return preset.key
    return None
