"""Installed packs: one folder each under ``<data>/packs/<name>/``, changed only by atomic renames.

A pack is unpacked and checked in a hidden staging folder beside the installed ones (the same
disk, so the final rename is atomic); only a pack that passed every check is renamed into
place. On any failure the staging folder, and any folder this made, are removed again, so the
user's data folder is exactly as it was.
"""

# No postponed annotations here: a named tuple's fields given as strings are each compiled when it is made.

import contextlib
import os
import secrets
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from reader import atomic, paths
from reader.library_cache import LibraryCache, Listing
from reader.loader import ID_PATTERN, MANIFEST_NAME
from reader.model import Guide, Section
from reader.packs.errors import PackError, PackExistsError
from reader.packs.events import SectionsListener
from reader.packs.limits import DEFAULT_LIMITS, Limits
from reader.translatable import QT_TR_NOOP, Text, message_of

STAGING_PREFIX = ".incoming-"
REPLACED_PREFIX = ".replaced."
REMOVED_PREFIX = ".removed."
STALE_SECONDS = 600  # leftovers older than this belong to no running operation


class InstalledPack(NamedTuple):
    name: str
    title: str
    folder: Path
    sections: tuple[Section, ...]


class BrokenPack(NamedTuple):
    """An installed folder that no longer loads (edited by hand, or from an older version)."""

    name: str
    folder: Path
    problem: str


def packs_dir() -> Path:
    return paths.data_dir() / "packs"


def bundled_guide(cache: LibraryCache | None = None) -> Guide:
    """The bundled guide, listed from the library cache when its files are unchanged, else loaded strictly."""
    own_cache = cache is None
    cache = cache or LibraryCache()
    folder = paths.content_dir()
    listing = cache.listing(folder, "guide")
    if listing is not None:
        return listing.guide()
    from reader.loader import load_guide

    guide = load_guide(folder)
    cache.remember(folder, guide)
    if own_cache:
        cache.save()
    return guide


def bundled_known(cache: LibraryCache | None = None) -> dict[str, str]:
    """Ids of the bundled guide's sections, which no pack may reuse."""
    return {section.id: "guide" for section in bundled_guide(cache)}


def _pack_folders() -> Iterator[Path]:
    folder = packs_dir()
    if not folder.is_dir():
        return
    for child in sorted(folder.iterdir()):
        if child.is_dir() and not child.name.startswith(".") and not child.is_symlink():
            yield child


def tidy() -> None:
    """Finish or undo operations that a crash interrupted (see the renames in :func:`_swap_in`)."""
    folder = packs_dir()
    if not folder.is_dir():
        return
    now = time.time()
    for child in folder.iterdir():
        if not child.name.startswith(".") or now - child.stat().st_mtime < STALE_SECONDS:
            continue
        if child.name.startswith(REPLACED_PREFIX):
            name = child.name[len(REPLACED_PREFIX):].split(".")[0]
            if ID_PATTERN.match(name) and not (folder / name).exists():
                with contextlib.suppress(OSError):
                    os.rename(child, folder / name)  # the new copy never arrived: keep the old one
                continue
        if child.name.startswith((STAGING_PREFIX, REPLACED_PREFIX, REMOVED_PREFIX)):
            atomic.remove_tree(child)


def _listed(folder: Path, taken: Mapping[str, str], cache: LibraryCache) -> Listing | None:
    """The pack as the cache lists it, if its files are unchanged and it still fits beside ``taken``
    (no id reused, every parent known); otherwise None, and it is loaded strictly for its message."""
    listing = cache.listing(folder, folder.name)
    if listing is None:
        return None
    ids = {section.id for section in listing.sections}
    # ``taken.keys()`` looks up each of the pack's ids; ``ids.isdisjoint(taken)`` walked every id
    # taken so far, for each pack in turn (half a million look-ups at a hundred packs).
    if not taken.keys().isdisjoint(ids) or any(section.parent is not None and section.parent not in ids
                                        and section.parent not in taken for section in listing.sections):
        return None
    return listing


def scan(known: Mapping[str, str] | None = None,
         cache: LibraryCache | None = None) -> tuple[list[InstalledPack], list[BrokenPack]]:
    """Every installed pack, in name order; a pack that fails is reported, never fatal.

    Packs whose files are unchanged are listed from the library cache (bodies read later); the
    others are loaded and checked strictly, and the cache is updated."""
    own_cache = cache is None
    cache = cache or LibraryCache()
    taken = dict(bundled_known(cache) if known is None else known)
    installed: list[InstalledPack] = []
    broken: list[BrokenPack] = []
    for folder in _pack_folders():
        pack: Listing | Guide | None = _listed(folder, taken, cache)
        if pack is None:
            from reader.packs.validate import load_pack  # strict checking: only for what the cache lacks

            try:
                pack = load_pack(folder, taken)
                if pack.sections[0].pack != folder.name:
                    raise PackError(Text(QT_TR_NOOP("{manifest}: its name '{pack}' does not match its folder "
                                                    "'{name}'"),
                                         manifest=MANIFEST_NAME, pack=pack.sections[0].pack, name=folder.name))
            except PackError as error:
                cache.forget(folder)
                broken.append(BrokenPack(folder.name, folder, message_of(error)))
                continue
            cache.remember(folder, pack)
        taken.update(dict.fromkeys([section.id for section in pack.sections], folder.name))
        installed.append(InstalledPack(folder.name, pack.title, folder, tuple(pack.sections)))
    if own_cache:
        cache.save()
    return installed, broken


def list_packs() -> list[InstalledPack]:
    """The packs that load; :func:`scan` also gives the ones that do not."""
    return scan()[0]


def find(name: str) -> InstalledPack | None:
    return next((pack for pack in list_packs() if pack.name == name), None)


def known_except(name: str, installed: Sequence[InstalledPack] | None = None,
                 cache: LibraryCache | None = None) -> dict[str, str]:
    """Ids shown by the bundled guide and every pack but ``name`` (``installed``: a scan already made)."""
    cache = cache or LibraryCache()
    known = bundled_known(cache)
    for pack in scan(known, cache)[0] if installed is None else installed:
        if pack.name != name:
            known.update({section.id: pack.name for section in pack.sections})
    return known


@contextlib.contextmanager
def staging_folder() -> Iterator[Path]:
    """A hidden folder beside the installed packs, removed afterwards with any folder made for it."""
    created: list[Path] = []
    probe = packs_dir()
    while not probe.exists():
        created.append(probe)
        probe = probe.parent
    packs_dir().mkdir(parents=True, exist_ok=True)
    import tempfile  # here, not above: tempfile and shutil are for installing, a search only lists

    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=packs_dir()))
    try:
        yield staging
    finally:
        atomic.remove_tree(staging)
        for folder in created:  # deepest first; only if still empty (nothing was installed)
            with contextlib.suppress(OSError):
                folder.rmdir()


def _pack_root(staging: Path) -> Path:
    """The folder holding the manifest: the zip's top level, or its only folder (a zipped folder)."""
    if (staging / MANIFEST_NAME).is_file():
        return staging
    children = [child for child in staging.iterdir() if not child.name.startswith(".")]
    if len(children) == 1 and children[0].is_dir() and (children[0] / MANIFEST_NAME).is_file():
        return children[0]
    raise PackError(Text(QT_TR_NOOP("the zip has no {manifest} at its top level: it is not a content pack"),
                         manifest=MANIFEST_NAME))


def swap_in(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``, replacing any old copy: two renames, undone if the second fails."""
    if not target.exists():
        os.rename(new, target)
        return
    aside = target.with_name(f"{REPLACED_PREFIX}{target.name}.{secrets.token_hex(4)}")
    os.rename(target, aside)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(aside, target)
        raise
    atomic.remove_tree(aside)


def moved(sections: Sequence[Section], old_root: Path, new_root: Path) -> tuple[Section, ...]:
    """The same sections, with their files where the final rename put them."""
    return tuple(s.copy(path=new_root / s.path.relative_to(old_root)) for s in sections)


def add(zip_path: Path, *, replace: bool = False, listener: SectionsListener | None = None,
        limits: Limits = DEFAULT_LIMITS, split: bool = False) -> InstalledPack:
    """Install the pack in ``zip_path``; a PackError says why it was refused (nothing changed).

    ``split``: the sections may be proven by two processes at once (the command line, which runs
    no other thread; see :mod:`reader.packs.halves`)."""
    from reader.packs.archive import extract
    from reader.packs.validate import Ahead, load_pack, pack_name, prove_ahead, read_pack_manifest

    tidy()
    zip_path = Path(zip_path)
    try:
        with staging_folder() as staging:
            extract(zip_path, staging, limits)
            root = _pack_root(staging)
            manifest = read_pack_manifest(root)
            name = pack_name(root, manifest)
            target = packs_dir() / name
            if target.exists() and not replace:
                raise PackExistsError(name)
            # A copy of this process may start proving the last sections now, while this one lists
            # the installed packs and loads the pack (see :class:`reader.packs.validate.Ahead`).
            ahead: Ahead | None = prove_ahead(root, name, manifest) if split else None
            try:
                cache = LibraryCache()
                present = scan(cache=cache)[0]  # one scan gives both the old copy and the ids taken
                old = next((pack for pack in present if pack.name == name), None) if target.exists() else None
                pack = load_pack(root, known_except(name, present, cache), manifest, proven=True, split=split,
                                 ahead=ahead)
            finally:
                if ahead is not None:
                    ahead.stop()
            swap_in(root, target)
            installed = InstalledPack(name, pack.title, target, moved(pack.sections, root, target))
    except OSError as error:  # a full or read-only disk: the staging folder is gone, nothing changed
        raise PackError(Text(QT_TR_NOOP("the pack could not be installed ({error}); nothing was changed"),
                             error=error.strerror or error)) from None
    try:  # the cache only saves time: if it cannot be written, the next start reads the pack itself
        cache.remember(target, Guide(pack.title, list(installed.sections), pack.language))
        cache.save()
    except OSError:
        pass
    if any(section.replaces for section in installed.sections):
        from reader import page_cache

        page_cache.forget()  # it may be the page of a section this pack now replaces
    if listener is not None:
        if old is not None:
            listener.on_sections_removed([section.id for section in old.sections])
        listener.on_sections_added(installed.sections)
    return installed


def remove(name: str, *, listener: SectionsListener | None = None) -> list[str]:
    """Remove an installed pack; returns the ids of the sections that went with it."""
    tidy()
    target = packs_dir() / name
    if not ID_PATTERN.match(name) or not target.is_dir():
        names = [folder.name for folder in _pack_folders()]
        hint = f" (installed: {', '.join(names)})" if names else " (no packs are installed)"
        raise PackError(Text(QT_TR_NOOP("no pack named '{name}' is installed{hint}"), name=name, hint=hint))
    pack = find(name)
    ids = [section.id for section in pack.sections] if pack else []
    aside = target.with_name(f"{REMOVED_PREFIX}{name}.{secrets.token_hex(4)}")
    os.rename(target, aside)
    atomic.remove_tree(aside)
    if listener is not None and ids:
        listener.on_sections_removed(ids)
    return ids
