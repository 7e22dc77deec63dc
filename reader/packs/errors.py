"""The one error a refused pack or document raises: ``str()`` is the message for the user."""

from __future__ import annotations

from pathlib import Path

from reader.loader import ContentError
from reader.translatable import QT_TR_NOOP, Text


class PackError(Exception):
    """A pack or document that was refused; nothing on disk was changed."""


class PackExistsError(PackError):
    """A pack of the same name is installed: the caller may ask whether to replace it."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(Text(QT_TR_NOOP("a pack named '{name}' is already installed: remove it first, or "
                                         "replace it"), name=name))


def from_content_error(error: ContentError, root: Path) -> PackError:
    """Name the file relative to the pack, not the temporary folder it was checked in."""
    try:
        where = error.path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        where = error.path.name
    if error.line:
        where = f"{where}:{error.line}"
    return PackError(Text(QT_TR_NOOP("{where}: {message}"), where=where, message=error.message))
