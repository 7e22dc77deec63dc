"""Every user setting declared once, validated on load, saved atomically.

The registry (:data:`OPTIONS`) is the single description of each setting: the
preferences dialog, the loading code and the tests all read it. A settings file that
cannot be read is kept aside (never overwritten) and the reader starts from defaults.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import atomic, themes, typography, userfile


@dataclass(frozen=True)
class Option:
    """One setting: its name, type, default and allowed values, and a label for people."""

    name: str
    type: type
    default: Any
    label: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] | None = None

    def accepts(self, value: Any) -> bool:
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            return False
        if self.type is float and not math.isfinite(value):  # NaN passes every comparison below
            return False
        if self.minimum is not None and value < self.minimum:
            return False
        if self.maximum is not None and value > self.maximum:
            return False
        return self.choices is None or value in self.choices


OPTIONS: tuple[Option, ...] = (
    Option("text_size", int, 100, "Text size (percent of normal)", 50, 400),
    Option("last_section", str, "", "Section open when the reader was closed"),
    Option("last_scroll", float, 0.0, "Scroll position in that section (0 to 1)", 0.0, 1.0),
    Option("window_geometry", str, "", "Window size and place (Qt geometry, base64)"),
    Option("splitter_state", str, "", "Width of the contents panel (Qt state, base64)"),
    # How the page looks: see reader/reading_style.py, which turns these into the page's style.
    Option("theme", str, themes.DEFAULT, "Colours", choices=tuple(themes.THEMES)),
    Option("follow_system_theme", bool, True, "Match the computer's light, dark or high-contrast setting"),
    Option("font_family", str, typography.DEFAULT_FONT, "Font", choices=tuple(typography.FONTS)),
    Option("line_spacing", float, typography.LINE_SPACING.default, "Line spacing (times the text size)",
           typography.LINE_SPACING.minimum, typography.LINE_SPACING.maximum),
    Option("letter_spacing", float, typography.LETTER_SPACING.default,
           "Extra space between letters (times the text size)",
           typography.LETTER_SPACING.minimum, typography.LETTER_SPACING.maximum),
    Option("word_spacing", float, typography.WORD_SPACING.default,
           "Extra space between words (times the text size)",
           typography.WORD_SPACING.minimum, typography.WORD_SPACING.maximum),
    Option("paragraph_spacing", float, typography.PARAGRAPH_SPACING.default,
           "Space after each paragraph (times the text size)",
           typography.PARAGRAPH_SPACING.minimum, typography.PARAGRAPH_SPACING.maximum),
    Option("line_length", int, int(typography.LINE_LENGTH.default), "Longest line (characters)",
           typography.LINE_LENGTH.minimum, typography.LINE_LENGTH.maximum),
    Option("reading_ruler", bool, False, "Reading ruler: dim all but the lines being read"),
    Option("ruler_lines", int, 3, "Lines the reading ruler leaves clear", 1, 8),
    Option("speech_rate", int, 175, "Reading speed (words per minute)", 80, 450),
    Option("speech_voice", str, "", "Voice for reading aloud (empty: one for the guide's language)"),
    Option("speech_volume", int, 100, "Reading volume (percent)", 10, 100),
    Option("speech_end_of_section", str, "stop", "At the end of a section, stop or carry on",
           choices=("stop", "continue")),
)
REGISTRY: dict[str, Option] = {option.name: option for option in OPTIONS}


class Settings:
    """Settings backed by a JSON file; unknown keys are kept so nothing a newer version wrote is lost."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None  # set when the file had to be set aside or repaired
        self._values: dict[str, Any] = {}
        self._load()

    def _load(self) -> None:
        try:
            raw = userfile.read_object(self.path)
        except userfile.UnreadableFile as error:
            self.problem = (f"Your settings file could not be read ({error}); the reader is using the "
                            f"default settings. {userfile.keep_aside(self.path, error)}")
            return
        if raw is None:
            return
        rejected = [key for key, value in raw.items() if key in REGISTRY and not REGISTRY[key].accepts(value)]
        self._values = {key: value for key, value in raw.items() if key not in rejected}
        if rejected:  # perhaps values a newer version allows: the file is copied before it is rewritten
            self.problem = (f"Some settings were not valid and were reset: {', '.join(sorted(rejected))}. "
                            f"{userfile.keep_copy(self.path)}")

    def get(self, name: str) -> Any:
        option = REGISTRY[name]
        value = self._values.get(name, option.default)
        return float(value) if option.type is float else value

    def set(self, name: str, value: Any) -> None:
        option = REGISTRY[name]
        if not option.accepts(value):
            raise ValueError(f"{value!r} is not a valid value for {name}")
        self._values[name] = value

    def reset(self, names: list[str] | None = None) -> None:
        for name in names if names is not None else list(REGISTRY):
            self._values.pop(name, None)

    def save(self) -> None:
        atomic.write_json(self.path, self._values)
