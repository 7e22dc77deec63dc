"""Where file dialogs open: the system's Music or Documents folder, then wherever the reader last saved.

The rule is :func:`reader.save_folders.start_folder`; this module asks Qt for the system's
folders and keeps the last ones used in the config folder, so they survive a restart.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from reader import paths, save_folders

_LOCATIONS = {
    "audio": QStandardPaths.StandardLocation.MusicLocation,
    "pdf": QStandardPaths.StandardLocation.DocumentsLocation,
    "book": QStandardPaths.StandardLocation.DocumentsLocation,
    "content": QStandardPaths.StandardLocation.DownloadLocation,  # where a pack sent by email lands
}


def _file() -> Path:
    return paths.config_dir() / "folders.json"


def start(kind: str) -> Path:
    """The folder to open the dialog for ``kind`` ("audio", "pdf", "book" or "content") in."""
    usual = {name: QStandardPaths.writableLocation(location) for name, location in _LOCATIONS.items()}
    return save_folders.start_folder(kind, save_folders.load(_file()).get(kind, ""), usual, Path.home())


def remember(kind: str, folder: Path) -> None:
    """Offer ``folder`` first next time; a folder that cannot be remembered is simply not offered."""
    with contextlib.suppress(OSError):
        save_folders.remember(_file(), kind, folder)


def ask_save_path(parent: QWidget | None, kind: str, title: str, suggested: str, filters: str,
                  suffixes: tuple[str, ...]) -> Path | None:
    """Ask where to save a file of ``kind``, starting where that kind went last; remember the answer.

    A name typed without one of ``suffixes`` gets the first, so the file opens in the apps meant for it.
    """
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start(kind) / suggested), filters)
    if not path:
        return None
    chosen = Path(path)
    if chosen.suffix.lower() not in suffixes:
        chosen = chosen.with_suffix(suffixes[0])
    remember(kind, chosen.parent)
    return chosen
