"""Content packs: more sections for the reader, added and removed without touching the bundled guide.

A pack is a zip of a content folder (``manifest.yaml`` plus Markdown, the format of
``content/``). It is checked completely before anything is installed: :mod:`.archive` (the
zip itself), :mod:`.validate` (the manifest and sections, through the same loader as the
guide) and :mod:`.safety` (what the HTML may do). :mod:`.store` installs and removes packs
with atomic renames; :mod:`.importer` adds a single document as a section of a local pack.

The names below are imported on first use: listing installed packs at start-up (from the
library cache) needs none of the zip, YAML and HTML checking behind them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.packs.create import CreatedPack, create
    from reader.packs.errors import PackError, PackExistsError
    from reader.packs.events import SectionsListener
    from reader.packs.importer import DEFAULT_PACK, import_document
    from reader.packs.limits import DEFAULT_LIMITS, Limits
    from reader.packs.store import BrokenPack, InstalledPack, add, list_packs, packs_dir, remove, scan

_HOME = {
    "CreatedPack": "create", "create": "create",
    "PackError": "errors", "PackExistsError": "errors",
    "SectionsListener": "events",
    "DEFAULT_PACK": "importer", "import_document": "importer",
    "DEFAULT_LIMITS": "limits", "Limits": "limits",
    "BrokenPack": "store", "InstalledPack": "store", "add": "store", "list_packs": "store",
    "packs_dir": "store", "remove": "store", "scan": "store",
}

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_PACK",
    "BrokenPack",
    "CreatedPack",
    "InstalledPack",
    "Limits",
    "PackError",
    "PackExistsError",
    "SectionsListener",
    "add",
    "create",
    "import_document",
    "list_packs",
    "packs_dir",
    "remove",
    "scan",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'reader.packs' has no attribute '{name}'")
    value = getattr(importlib.import_module(f"reader.packs.{module}"), name)
    globals()[name] = value
    return value
