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

from reader import atomic, interface_size, themes, typography, userfile
from reader.translatable import QT_TR_NOOP, Text, message_of

FORMAT = 2  # 1 (no "format" key): one flat object; 2: preferences at the top, window state under "window"
WINDOW_SECTION = "window"


@dataclass(frozen=True)
class Option:
    """One setting: its name, type, default, allowed values and step, and words for people.

    ``group`` says what it belongs to: ``window`` options are the window's own state (size,
    place, last section), kept in their own part of the file and never reset with the preferences.
    """

    name: str
    type: type[Any]
    default: Any
    label: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] | None = None
    step: float | None = None
    description: str = ""
    group: str = "reading"

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


def _spacing(name: str, spacing: typography.Range, label: str, description: str, type_: type = float) -> Option:
    return Option(name, type_, type_(spacing.default), label, spacing.minimum, spacing.maximum,
                  step=spacing.step, description=description)


OPTIONS: tuple[Option, ...] = (
    Option("text_size", int, 100, QT_TR_NOOP("Text size (percent of normal)"), 50, 400, step=10,
           description=QT_TR_NOOP("Size of the text, from half to four times the normal size.")),
    Option("interface_size", int, 100, QT_TR_NOOP("Interface size: menus, buttons and dialogs (percent of normal)"),
           100, interface_size.MAXIMUM, step=25,
           description=QT_TR_NOOP("Size of the menus, buttons, lists and dialogs around the page, from normal to "
                                  "four times normal. The page's text has its own size.")),
    # How the page looks: see reader/reading_style.py, which turns these into the page's style.
    Option("theme", str, themes.DEFAULT, QT_TR_NOOP("Colours"), choices=tuple(themes.THEMES),
           description=QT_TR_NOOP("Colours of the whole window. Choosing one stops following the computer's "
                                  "setting.")),
    Option("follow_system_theme", bool, True, QT_TR_NOOP("Match the computer's light, dark or high-contrast setting"),
           description=QT_TR_NOOP("Use dark colours when the computer is set to dark, and high contrast when it "
                                  "asks for high contrast.")),
    Option("font_family", str, typography.DEFAULT_FONT, QT_TR_NOOP("Font"), choices=tuple(typography.FONTS),
           description=QT_TR_NOOP("The font of the guide's text.")),
    _spacing("line_spacing", typography.LINE_SPACING, QT_TR_NOOP("Line spacing (times the text size)"),
             QT_TR_NOOP("Space from one line to the next, as a multiple of the text size. 1.5 or more helps many "
                        "readers.")),
    _spacing("letter_spacing", typography.LETTER_SPACING,
             QT_TR_NOOP("Extra space between letters (times the text size)"),
             QT_TR_NOOP("Extra space between letters, as a share of the text size. 0.12 is the amount the "
                        "accessibility guidelines test with.")),
    _spacing("word_spacing", typography.WORD_SPACING, QT_TR_NOOP("Extra space between words (times the text size)"),
             QT_TR_NOOP("Extra space between words, as a share of the text size. 0.16 is the amount the "
                        "accessibility guidelines test with.")),
    _spacing("paragraph_spacing", typography.PARAGRAPH_SPACING,
             QT_TR_NOOP("Space after each paragraph (times the text size)"),
             QT_TR_NOOP("Space after each paragraph, as a multiple of the text size.")),
    _spacing("line_length", typography.LINE_LENGTH, QT_TR_NOOP("Longest line (characters)"),
             QT_TR_NOOP("The most characters on one line; the page keeps even margins on both sides."), int),
    Option("reading_ruler", bool, False, QT_TR_NOOP("Reading ruler: dim all but the lines being read"),
           description=QT_TR_NOOP("Dim all but the lines at the text cursor. Move it with the arrow keys.")),
    Option("ruler_lines", int, 3, QT_TR_NOOP("Lines the reading ruler leaves clear"), 1, 8, step=1,
           description=QT_TR_NOOP("How many lines the reading ruler leaves clear.")),
    # Reading aloud: the engine, the Listen commands and the voice dialog all take their limits from here.
    Option("speech_rate", int, 175, QT_TR_NOOP("Reading speed (words per minute)"), 80, 450, step=25,
           description=QT_TR_NOOP("How fast the voice reads, in words a minute."), group="speech"),
    Option("speech_voice", str, "", QT_TR_NOOP("Voice for reading aloud (empty: one for the guide's language)"),
           group="speech"),
    Option("speech_volume", int, 100, QT_TR_NOOP("Reading volume (percent)"), 10, 100, step=10,
           description=QT_TR_NOOP("How loud the voice reads, compared with the computer's own volume."),
               group="speech"),
    Option("speech_end_of_section", str, "stop", QT_TR_NOOP("At the end of a section, stop or carry on"),
           choices=("stop", "continue"), group="speech"),
    Option("speech_pause_on_keys", bool, True, "Pause reading aloud while you press other keys",
           description="So that your screen reader can speak: any key that is not a reading-aloud key pauses "
                       "the voice; Read aloud carries on.", group="speech"),
    Option("keys", dict, {}, "Keys you chose for commands (command name -> keys); others keep their own",
           group="keys"),
    # The window's own state, not preferences.
    Option("last_section", str, "", "Section open when the reader was closed", group=WINDOW_SECTION),
    Option("last_scroll", float, 0.0, "Scroll position in that section (0 to 1)", 0.0, 1.0, group=WINDOW_SECTION),
    Option("window_geometry", str, "", "Window size and place (Qt geometry, base64)", group=WINDOW_SECTION),
    Option("splitter_state", str, "", "Width of the contents panel (Qt state, base64)", group=WINDOW_SECTION),
)
REGISTRY: dict[str, Option] = {option.name: option for option in OPTIONS}
WINDOW_STATE: tuple[str, ...] = tuple(option.name for option in OPTIONS if option.group == WINDOW_SECTION)


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
            self.problem = Text(QT_TR_NOOP("Your settings file could not be read ({error}); the reader is using "
                                           "the default settings. {kept}"), error=message_of(error),
                                kept=userfile.keep_aside(self.path, error))
            return
        if raw is None:
            return
        raw = migrate(raw)
        rejected = [key for key, value in raw.items() if key in REGISTRY and not REGISTRY[key].accepts(value)]
        self._values = {key: value for key, value in raw.items() if key not in rejected}
        if rejected:  # perhaps values a newer version allows: the file is copied before it is rewritten
            self.problem = Text(QT_TR_NOOP("Some settings were not valid and were reset: {names}. {kept}"),
                                names=", ".join(sorted(rejected)), kept=userfile.keep_copy(self.path))

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
        """Back to the defaults: these settings, or every preference (never the window's own state)."""
        for name in names if names is not None else [n for n in REGISTRY if n not in WINDOW_STATE]:
            self._values.pop(name, None)

    def save(self) -> None:
        preferences = {key: value for key, value in self._values.items() if key not in WINDOW_STATE}
        window = {key: value for key, value in self._values.items() if key in WINDOW_STATE}
        atomic.write_json(self.path, {"format": FORMAT, **preferences, WINDOW_SECTION: window})


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """The settings of a file of any format as one flat mapping (unknown keys kept, to be written back).

    Format 1 had no ``format`` key and the window's state beside the preferences; format 2 keeps
    it under ``window``. A newer format is read as far as its keys are understood."""
    values = dict(raw)
    values.pop("format", None)
    window = values.pop(WINDOW_SECTION, None) if isinstance(raw.get("format"), int) else None
    if isinstance(window, dict):
        values.update({key: value for key, value in window.items() if key in WINDOW_STATE})
    return values
