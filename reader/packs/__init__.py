"""Content packs: more sections for the reader, added and removed without touching the bundled guide.

A pack is a zip of a content folder (``manifest.yaml`` plus Markdown, the format of
``content/``). It is checked completely before anything is installed: :mod:`.archive` (the
zip itself), :mod:`.validate` (the manifest and sections, through the same loader as the
guide) and :mod:`.safety` (what the HTML may do). :mod:`.store` installs and removes packs
with atomic renames; :mod:`.importer` adds a single document as a section of a local pack.

The importer (and the HTML reader it needs) loads when first used: opening the library, which
every command and the window do, only scans.
"""

from __future__ import annotations

from typing import Any

from reader.packs.create import CreatedPack, create
from reader.packs.errors import PackError, PackExistsError
from reader.packs.events import SectionsListener
from reader.packs.limits import DEFAULT_LIMITS, Limits
from reader.packs.store import BrokenPack, InstalledPack, add, list_packs, packs_dir, remove, scan

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
    if name in {"DEFAULT_PACK", "import_document"}:
        from reader.packs import importer

        return getattr(importer, name)
    raise AttributeError(name)
