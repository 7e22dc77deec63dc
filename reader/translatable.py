"""Marks words declared in the Qt-free core for translation, without translating them here.

``pyside6-lupdate`` extracts every string literal passed to :func:`QT_TR_NOOP` (the name is
one it knows), into the same, unnamed context as the window's ``tr()`` calls; the window
translates the string where it shows it (``reader.ui.i18n.tr``). The core itself keeps the
English text: the command line, logs and settings files stay in one language.

A message the core composes (a file name or an error inside a sentence) is a :class:`Text`:
the English sentence itself, carrying its pattern and parts so the window can translate the
pattern and fill the parts in again (``reader.ui.i18n.translated``).
"""

from __future__ import annotations

from typing import Any


def QT_TR_NOOP(text: str) -> str:  # the name pyside6-lupdate looks for
    """Return ``text`` unchanged; its only job is to be seen by ``pyside6-lupdate``."""
    return text


class Text(str):
    """A sentence for people, in English, that the window can still translate as a whole.

    It *is* the English string (code, logs, the command line and tests use it as one); the
    window translates ``pattern`` (marked with :func:`QT_TR_NOOP` where it is written) and puts
    ``values`` (plain, or :class:`Text` themselves) back in."""

    pattern: str
    values: dict[str, Any]

    def __new__(cls, pattern: str, **values: Any) -> Text:
        text = super().__new__(cls, pattern.format(**values) if values else pattern)
        text.pattern = pattern
        text.values = values
        return text


def message_of(error: BaseException) -> str:
    """An error's message for people, still a :class:`Text` when it was raised with one (``str()`` loses it)."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Text) else str(error)
