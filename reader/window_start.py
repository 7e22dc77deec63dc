"""The core modules the window needs before its first paint, imported before Qt is.

PySide6 reads the whole source of every module imported after it (looking for its
``__feature__`` switches) and keeps those lines in memory. The core imports no Qt, so the modules
the first page needs are imported here first: each is then imported once, and read by no one.
"""

from __future__ import annotations

# Everything the window's start reaches in the core (tests/test_window_start.py keeps the list whole).
from reader import (  # noqa: F401
    action_specs,
    contrast,
    history,
    interface_size,
    library,
    library_cache,
    loader,
    model,
    page_cache,
    pane_room,
    paths,
    peak_memory,
    presets,
    reading_style,
    rendered,
    rich_text,
    settings,
    themes,
    toolbar_fit,
    translatable,
    typography,
    userfile,
    window_fit,
    zoom,
)
from reader.packs import store  # noqa: F401
