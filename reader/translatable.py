"""Marks words declared in the Qt-free core for translation, without translating them here.

``pyside6-lupdate`` extracts every string literal passed to :func:`QT_TR_NOOP` (the name is
one it knows), into the same, unnamed context as the window's ``tr()`` calls; the window
translates the string where it shows it (``reader.ui.i18n.tr``). The core itself keeps the
English text: the command line, logs and settings files stay in one language.
"""

from __future__ import annotations


def QT_TR_NOOP(text: str) -> str:
    """Return ``text`` unchanged; its only job is to be seen by ``pyside6-lupdate``."""
    return text
