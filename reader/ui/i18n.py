"""The window's one translation function, in the form ``pyside6-lupdate`` extracts.

``pyside6-lupdate`` reads a bare ``tr("…")`` call (not ``self.tr``) into the unnamed context
"", whatever module or class it is in, so that is the context looked up here: a translation
made from the extracted catalogue then really applies. Identical English words that need
different translations are told apart by the second argument, a disambiguation that
translators see (``tr("Stop", "reading aloud")``). A count is shown with Qt's numerus:
``tr("%n passages found.", None, count)``; the English forms come from
``translations/coproduction-reader_en.qm`` (see :mod:`reader.ui.translation`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.translatable import Text

CONTEXT = ""  # what pyside6-lupdate records for a bare tr() call


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the reader's language (itself when no translation is loaded)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def translated(text: str) -> str:
    """A message from the core in the reader's language: its pattern translated, its parts put back in."""
    if not isinstance(text, Text):
        return text
    if not text.values:
        return tr(text.pattern)
    try:
        return tr(text.pattern).format(**{key: translated(value) if isinstance(value, str) else value
                                          for key, value in text.values.items()})
    except (KeyError, IndexError, ValueError):  # a translation whose placeholders do not match: English
        return str(text)
