"""Open the content the reader shows: the bundled guide (and, later, added content packs)."""

from __future__ import annotations

from pathlib import Path

from reader import paths
from reader.loader import load_guide
from reader.model import Guide


def open_guide(folder: Path | None = None) -> Guide:
    """The bundled guide; raises :class:`reader.loader.ContentError` with the file and line at fault."""
    return load_guide(folder or paths.content_dir())
