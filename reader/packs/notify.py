"""Who is told when sections come and go outside the window (the command line)."""

from __future__ import annotations

from reader.packs.events import SectionsListener


def index_listener() -> SectionsListener | None:
    """The listener that keeps the user's search index in step, or None while there is no index."""
    return None
