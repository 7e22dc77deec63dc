"""Plain words for numbers and settings, shared by every window (no Qt).

People read "1 new section", not "1 new section(s)"; and "Letter spacing: a little
more" says more than "Extra space between letters (times the text size): 0.04". The
form shows a short name with a word picture of the value; the long description stays
the tooltip and the screen reader's description.
"""

from __future__ import annotations

from reader import typography
from reader.translatable import QT_TR_NOOP, Text

SHORT_LABELS: dict[str, str] = {
    "text_size": QT_TR_NOOP("Text size"),
    "interface_size": QT_TR_NOOP("Interface size"),
    "theme": QT_TR_NOOP("Colours"),
    "follow_system_theme": QT_TR_NOOP("Follow the computer's colours"),
    "reading_ruler": QT_TR_NOOP("Reading ruler"),
    "font_family": QT_TR_NOOP("Font"),
    "line_spacing": QT_TR_NOOP("Line spacing"),
    "letter_spacing": QT_TR_NOOP("Letter spacing"),
    "word_spacing": QT_TR_NOOP("Word spacing"),
    "paragraph_spacing": QT_TR_NOOP("Paragraph spacing"),
    "line_length": QT_TR_NOOP("Longest line"),
    "ruler_lines": QT_TR_NOOP("Lines the ruler leaves clear"),
}
_SPACINGS = {"line_spacing": typography.LINE_SPACING, "letter_spacing": typography.LETTER_SPACING,
             "word_spacing": typography.WORD_SPACING, "paragraph_spacing": typography.PARAGRAPH_SPACING}


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``1 section``, ``2 sections``; ``plural`` for words that do not just add an s."""
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


def amount(value: float, default: float, maximum: float, minimum: float) -> str:
    """A spacing in words, measured from its normal value towards the end of its range."""
    if abs(value - default) < 1e-9:
        return QT_TR_NOOP("normal")
    if value > default:
        share = (value - default) / (maximum - default)
        return (QT_TR_NOOP("a little more") if share <= 0.25 else QT_TR_NOOP("more") if share <= 0.6
                else QT_TR_NOOP("much more"))
    share = (default - value) / (default - minimum) if default > minimum else 1.0
    return QT_TR_NOOP("a little less") if share <= 0.5 else QT_TR_NOOP("less")


def preview(name: str, value: object) -> str:
    """The value of setting ``name`` as a reader would say it."""
    if name in _SPACINGS and isinstance(value, (int, float)):
        spacing = _SPACINGS[name]
        return amount(float(value), spacing.default, spacing.maximum, spacing.minimum)
    if name in ("text_size", "interface_size") and isinstance(value, int):
        return QT_TR_NOOP("normal") if value == 100 else Text(QT_TR_NOOP("{percent}%"), percent=value)
    if name == "line_length" and isinstance(value, int):
        return count(value, "character")
    if name == "ruler_lines" and isinstance(value, int):
        return count(value, "line")
    return str(value)


def setting_label(name: str, value: object) -> str:
    """``Letter spacing: a little more``: the short name and the value in words."""
    return f"{SHORT_LABELS.get(name, name)}: {preview(name, value)}"
