"""Which folder a save dialog opens in (no Qt): the last one used, else the usual one for the kind.

Audio goes to the Music folder and documents to Documents, as other programs do; once the
reader has saved somewhere, it offers that folder again, even after a restart, as long as
the folder still exists. The program's own folder is never offered: on Windows it is not
writable, and nobody looks for their files there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader import atomic, userfile

KINDS = ("audio", "pdf", "book", "content")


def start_folder(kind: str, remembered: str, usual: dict[str, str], home: Path,
                 exists: Callable[[Path], bool] = Path.is_dir) -> Path:
    """Where to open the dialog for ``kind``: ``remembered`` if it still exists, else ``usual[kind]``
    (the system's Music or Documents folder, when it has one), else the home folder."""
    for candidate in (remembered, usual.get(kind, "")):
        if candidate and exists(Path(candidate)):
            return Path(candidate)
    return home


def load(path: Path) -> dict[str, str]:
    """The folders remembered in ``path`` (kind → folder); nothing if the file is missing or unreadable.

    Losing this file costs only a click in a dialog, so a damaged one is ignored, not reported.
    """
    try:
        raw = userfile.read_object(path)
    except userfile.UnreadableFile:
        return {}
    if raw is None:
        return {}
    return {kind: folder for kind, folder in raw.items() if kind in KINDS and isinstance(folder, str)}


def remember(path: Path, kind: str, folder: Path) -> None:
    """Keep ``folder`` as the place to offer next time for ``kind`` (written atomically)."""
    folders = load(path)
    folders[kind] = str(folder)
    atomic.write_json(path, folders)
