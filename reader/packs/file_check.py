"""The first look at a file the user names for a pack or a document: there, readable, and ordinary.

A folder cannot be read as a file, and opening a device or a named pipe can wait for ever: both
are refused from what ``os.stat`` says, before anything is opened. One place turns what can go
wrong into the same plain words for a pack and a document; only what the file should have been
is said by the caller.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.packs.errors import PackError
from reader.translatable import QT_TR_NOOP, Text


def ordinary_file(path: Path, folder: Text, special: Text) -> os.stat_result:
    """``path``'s status when it is an ordinary file; otherwise a PackError: ``folder`` for a folder,
    ``special`` for a device or pipe, plain words for a file that is missing or cannot be looked at."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise PackError(Text(QT_TR_NOOP("{path}: no such file"), path=path)) from None
    except OSError as error:
        raise PackError(Text(QT_TR_NOOP("{path} cannot be read ({error})"),
                             path=path, error=error.strerror or error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise PackError(folder)
    if not stat.S_ISREG(info.st_mode):
        raise PackError(special)
    return info
