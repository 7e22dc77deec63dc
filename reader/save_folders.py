"""Which folder a save dialog opens in (no Qt): the last one used, else the usual one for the kind.

Audio goes to the Music folder and documents to Documents, as other programs do; once the
reader has saved somewhere, it offers that folder again, even after a restart, as long as
the folder still exists. The program's own folder is never offered: on Windows it is not
writable, and nobody looks for their files there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

KINDS = ("audio", "pdf", "content")


def start_folder(kind: str, remembered: str, usual: dict[str, str], home: Path,
                 exists: Callable[[Path], bool] = Path.is_dir) -> Path:
    """Where to open the dialog for ``kind``: ``remembered`` if it still exists, else ``usual[kind]``
    (the system's Music or Documents folder, when it has one), else the home folder."""
    for candidate in (remembered, usual.get(kind, "")):
        if candidate and exists(Path(candidate)):
            return Path(candidate)
    return home
