"""Open the content the reader shows: the bundled guide, then every installed content pack.

This is the single place that puts them together. A pack that no longer loads is reported
and left out; it never stops the reader from showing the guide.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths
from reader.loader import load_guide
from reader.model import Guide
from reader.translatable import QT_TR_NOOP, Text

log = logging.getLogger(__name__)


@dataclass
class Library:
    guide: Guide  # the bundled guide with the packs' sections appended
    packs: list = field(default_factory=list)  # reader.packs.InstalledPack, in the order shown
    problems: list[str] = field(default_factory=list)  # one sentence per pack left out


def open_library(folder: Path | None = None, *, include_packs: bool = True) -> Library:
    """The bundled guide (a :class:`reader.loader.ContentError` if it cannot load) plus the packs."""
    guide = load_guide(folder or paths.content_dir())
    if not include_packs:
        return Library(guide)
    from reader.packs import store

    store.tidy()
    installed, broken = store.scan({section.id: "guide" for section in guide})
    problems: list[str] = [Text(QT_TR_NOOP("The added content '{name}' was left out because it could not be "
                                           "read: {problem}"), name=pack.name, problem=pack.problem)
                           for pack in broken]
    for problem in problems:
        log.warning("%s", problem)
    extra = [section for pack in installed for section in pack.sections]
    return Library(guide.extended(extra) if extra else guide, list(installed), problems)


def open_guide(folder: Path | None = None, *, include_packs: bool = True) -> Guide:
    """The guide as the reader shows it; a broken pack is logged and left out (see :func:`open_library`)."""
    return open_library(folder, include_packs=include_packs).guide
