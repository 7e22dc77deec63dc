"""A portable copy keeps everything beside itself, so nothing is written to the computer it runs on.

A built folder that holds a file named ``portable`` (next to the program) is portable: the
user's settings, added content and caches go to ``user-data/`` in that folder, through
``COPRODUCTION_READER_HOME`` (see :mod:`reader.paths`). On Linux the XDG folders are
pointed there too, so Qt and fontconfig keep their own small files beside the app as well.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

from reader.paths import HOME_ENV

MARKER = "portable"
DATA_FOLDER = "user-data"


def program_folder() -> Path:
    """The folder holding the program a person started (the built app's executable)."""
    return Path(sys.executable).resolve().parent


def apply(folder: Path, environ: MutableMapping[str, str] = os.environ) -> Path | None:
    """Use ``folder/user-data`` for all user files when ``folder/portable`` exists; returns that folder.

    An explicit ``COPRODUCTION_READER_HOME`` wins: it is how tests and scripts choose."""
    if not (folder / MARKER).is_file() or environ.get(HOME_ENV):
        return None
    home = folder / DATA_FOLDER
    environ[HOME_ENV] = str(home)
    if sys.platform.startswith("linux"):
        for name, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data")):
            environ[name] = str(home / "system" / sub)
    return home
