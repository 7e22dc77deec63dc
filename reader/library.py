"""Open the content the reader shows: the bundled guide, then every installed content pack.

This is the single place that puts them together. A pack that no longer loads is reported
and left out; it never stops the reader from showing the guide.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader import paths
from reader.lazy_log import LazyLogger
from reader.library_cache import LibraryCache
from reader.model import Guide
from reader.translatable import QT_TR_NOOP, Text

if TYPE_CHECKING:
    from reader.packs import InstalledPack

log = LazyLogger(__name__)


class Library:
    """The content as listed: the guide with the packs' sections, the packs, and those left out."""

    def __init__(self, guide: Guide, packs: list[InstalledPack] | None = None, problems: list[str] | None = None,
                 cache: LibraryCache | None = None) -> None:
        self.guide = guide  # the bundled guide with the packs' sections appended
        self.packs: list[InstalledPack] = [] if packs is None else packs  # in the order shown
        self.problems: list[str] = [] if problems is None else problems  # one sentence per pack left out
        self.cache = cache  # what it was listed from (see :meth:`changed_since_listed`)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Library)
        return ((self.guide, self.packs, self.problems, self.cache)
                == (other.guide, other.packs, other.problems, other.cache))

    __hash__ = None  # type: ignore[assignment]  # it can change: not a dictionary key

    def __repr__(self) -> str:
        return f"Library(guide={self.guide!r}, packs={self.packs!r}, problems={self.problems!r}, cache={self.cache!r})"

    def changed_since_listed(self) -> bool:
        """Whether a file listed without being checked (``open_library(quick=True)``) has changed since:
        then :func:`open_library` gives the content as it is now."""
        return self.cache is not None and self.cache.changed_since_listed()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the library is listed: the ten thousand sections and the
    hundred thousand strings of a hundred packs, all kept and none in a cycle, set off one pass
    after another over everything already in memory (a fifth of the listing's time, more once Qt
    is loaded); what is left over is collected as usual afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def open_library(folder: Path | None = None, *, include_packs: bool = True, quick: bool = False) -> Library:
    """The bundled guide (a :class:`reader.loader.ContentError` if it cannot load) plus the packs.

    ``quick``: folders whose manifest and folders are unchanged are listed without checking each of
    their files, for a start that paints first; check them afterwards with
    :meth:`Library.changed_since_listed`."""
    with _collector_paused():
        return _open_library(folder, include_packs=include_packs, quick=quick)


def _open_library(folder: Path | None, *, include_packs: bool, quick: bool) -> Library:
    from reader.packs import store

    cache = LibraryCache(quick=quick)
    if folder is not None:
        from reader.loader import load_guide

        guide = load_guide(folder)
    else:
        guide = store.bundled_guide(cache)
    if not include_packs:
        cache.save()
        return Library(guide, cache=cache)
    store.tidy()
    installed, broken = store.scan({section.id: "guide" for section in guide}, cache)
    cache.keep_only([folder or paths.content_dir(), *(pack.folder for pack in installed)])
    cache.save()
    problems: list[str] = [Text(QT_TR_NOOP("The added content '{name}' was left out because it could not be "
                                           "read: {problem}"), name=pack.name, problem=pack.problem)
                           for pack in broken]
    for problem in problems:
        log.warning("%s", problem)
    extra = [section for pack in installed for section in pack.sections]
    return Library(guide.extended(extra) if extra else guide, list(installed), problems, cache)


def open_for_start(last_section: str | None) -> tuple[Library, bool]:
    """The library the window's first page needs, and whether the packs are still to be listed.

    With packs installed, listing them all (ten thousand sections for a hundred packs) took a fifth
    of the time to the first paint. When the window opens on a section of the bundled guide (the
    one it closed on, else the first) and the page kept from last time was made from that very
    section (no pack replaced it then), the bundled guide alone is listed now and the packs just
    after the first paint: see :func:`open_library` for the whole library then. Otherwise (the
    section comes from a pack or is replaced by one, or no page is kept) everything is listed now."""
    from reader import page_cache
    from reader.packs import store

    if _has_pack_folders(store.packs_dir()):
        guide_only = open_library(quick=True, include_packs=False)
        guide = guide_only.guide
        section = guide.get(last_section) if last_section else guide.first()
        if section is not None and page_cache.load(section) is not None:
            return guide_only, True
    return open_library(quick=True), False


def _has_pack_folders(folder: Path) -> bool:
    try:
        return any(not child.name.startswith(".") for child in folder.iterdir())
    except OSError:  # no packs folder yet
        return False


def open_guide(folder: Path | None = None, *, include_packs: bool = True) -> Guide:
    """The guide as the reader shows it; a broken pack is logged and left out (see :func:`open_library`)."""
    return open_library(folder, include_packs=include_packs).guide
