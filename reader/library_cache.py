"""What the library lists (section ids, titles, order, kinds, tags), remembered between starts.

Reading every manifest and section file of a hundred packs with YAML takes seconds; the list
of sections a window needs is a couple of megabytes of plain tuples and strings, kept with
``marshal`` (read in three quarters of the time JSON took, written in under half) behind a format number
and a checksum of the rest: a file this did not write whole, or that changed since, is not read.
Each folder's entry is marshalled on its own and read only when that folder is listed, so a
start that shows a page of the bundled guide before listing the packs reads only the guide's.
Each content folder's entry records the size and modification time of its manifest and of every
section file it lists, and is used only while all of them still match: one ``stat`` per file, no
parsing. A section listed from here has no body yet; it is read from its file when shown, searched
or spoken, and its digest (a hash of the body, kept here) lets the search index check itself
without reading.

A start need not wait for ten thousand ``stat`` calls before its first paint: a *quick* listing
checks only each folder's manifest and the identity (inode and modification time) of the folders
holding its files, which every file added, removed or renamed there changes (our own writes
replace files by renaming, and ``pack add`` swaps in a whole new folder). A file edited in place
changes neither, so what was listed quickly is checked file by file just after the first paint
(:meth:`LibraryCache.changed_since_listed`), and the window lists the content again if it changed.

An entry that does not match, or a cache that cannot be read, is never trusted: the folder is
loaded strictly again (with file and line for any error) and the entry rewritten. The file is
replaced atomically, so two copies of the reader starting at once each write a whole file and
the last one wins; neither can leave half a file behind.
"""

# No postponed annotations here: a named tuple's fields given as strings are each compiled when it is made.

import contextlib
import marshal
import os
import zlib
from pathlib import Path
from typing import Any, NamedTuple

from reader import atomic, paths, userfile
from reader.lazy_log import LazyLogger
from reader.loader import MANIFEST_NAME
from reader.model import Guide, Section

log = LazyLogger(__name__)

CACHE_NAME = "library.cache"
OLD_CACHE_NAMES = ("library.json",)  # formats 1-3, no longer read: removed once the new file is written
# 2: a section's ``replaces``; 3: the folders' identities; 4: marshal, not JSON (rows and stamps are tuples);
# 5: each folder's entry marshalled on its own, read only when that folder is listed
FORMAT = 5
# marshal's own format is named too: a Python that writes another never reads this one
MAGIC = b"coproduction-reader library %d marshal %d\n" % (FORMAT, marshal.version)
MAX_CACHE_BYTES = 256 * 1024 * 1024  # about 200 bytes a section


def cache_file() -> Path:
    return paths.cache_dir() / CACHE_NAME


class Listing(NamedTuple):
    """One content folder as the cache lists it: the same as a strict load, bodies unread."""

    title: str
    language: str
    sections: tuple[Section, ...]

    def guide(self) -> Guide:
        return Guide(self.title, list(self.sections), self.language)


def _stat(path: Path | str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _folder_stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns


def encode(entries: dict[str, Any]) -> bytes:
    """The file's bytes: the format's line, a CRC-32 of the payload, and the entries marshalled, each
    one on its own (an entry still as it was read, see :func:`decode`, is written as it was)."""
    payload = marshal.dumps({key: entry if type(entry) is bytes else marshal.dumps(entry)
                             for key, entry in entries.items()})
    return MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload


def decode(raw: bytes) -> dict[str, Any]:
    """The entries :func:`encode` wrote, each one still marshalled (:func:`unpack` reads it when its folder
    is listed: a start that lists only the bundled guide need not read a hundred packs' entries);
    ValueError for anything else (another version, damage)."""
    if not raw.startswith(MAGIC):
        raise ValueError("it is from another version or damaged")
    start = len(MAGIC) + 4
    payload = memoryview(raw)[start:]
    if zlib.crc32(payload).to_bytes(4, "big") != raw[len(MAGIC):start]:
        raise ValueError("it is damaged (its checksum does not match)")
    try:
        entries = marshal.loads(payload)
    except (EOFError, ValueError, TypeError) as error:
        raise ValueError(f"it is damaged ({error})") from None
    if type(entries) is not dict or not all(type(entry) is bytes for entry in entries.values()):
        raise ValueError("it is damaged")
    return entries


def unpack(entry: object) -> Any:
    """An entry as :func:`decode` left it, read; ValueError if it cannot be (the file's checksum matched,
    so only a bug could make it so)."""
    if type(entry) is not bytes:
        return entry
    try:
        return marshal.loads(entry)
    except (EOFError, ValueError, TypeError) as error:
        raise ValueError(f"it is damaged ({error})") from None


def _key(folder: Path, parents: dict[Path, Path] | None = None) -> str:
    """The folder's real path. ``parents`` remembers resolved parent folders: a folder that is not a
    link is its resolved parent plus its name, one ``lstat`` instead of one per part of the path
    (a hundred packs' paths took about 30 ms to resolve one by one)."""
    if parents is None or folder.name in {"", ".", ".."} or os.path.islink(folder):
        return str(folder.resolve())
    parent = parents.get(folder.parent)
    if parent is None:
        parent = parents[folder.parent] = folder.parent.resolve()
    return str(parent / folder.name)


class LibraryCache:
    """The cache file's entries, one per content folder; :meth:`save` writes it back if changed."""

    def __init__(self, path: Path | None = None, *, quick: bool = False) -> None:
        self.path = path or cache_file()
        self.quick = quick  # list folders after checking only their manifests and folders (see above)
        self.listed_quickly: list[str] = []  # the entries listed so, to check file by file later
        self.entries: dict[str, Any] = {}
        self.changed = False
        self.problem: str | None = None  # why the file on disk was not used, when it was not
        self._parents: dict[Path, Path] = {}  # resolved parent folders, for :func:`_key`
        self._read()

    def _read(self) -> None:
        try:  # an ordinary file of bounded size only: a pipe or a device in its place is not waited on
            raw = userfile.read_bytes(self.path, MAX_CACHE_BYTES)
        except userfile.UnreadableFile as error:
            self._distrust(f"it cannot be used ({error})")
            return
        if raw is None:
            return
        try:
            self.entries = decode(raw)
        except ValueError as error:
            self._distrust(str(error))

    def _distrust(self, why: str) -> None:
        self.problem = f"The list of content in {self.path} was rebuilt because {why}."
        log.warning("%s", self.problem)
        self.changed = True

    def entry(self, key: str) -> Any:
        """The entry of the folder ``key`` (its resolved path), read if it was not yet; None if there is none."""
        entry = self.entries.get(key)
        if type(entry) is bytes:
            entry = self.entries[key] = unpack(entry)
        return entry

    def listing(self, folder: Path, pack: str) -> Listing | None:
        """The folder's sections, if its entry is for ``pack`` and every file still matches."""
        key = _key(folder, self._parents)
        if key not in self.entries:
            return None
        try:
            entry = self.entry(key)
            found = self._listing(Path(key), pack, entry, self.quick)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            found = None
            self._distrust(f"its entry for {folder} is damaged")
        if found is None:
            self.forget(folder)
        elif self.quick:
            self.listed_quickly.append(key)
        return found

    @staticmethod
    def _listing(root: Path, pack: str, entry: dict[str, Any], quick: bool = False) -> Listing | None:
        if entry["pack"] != pack or _stat(root / MANIFEST_NAME) != entry["manifest"]:
            return None
        folders = entry["folders"]
        if not isinstance(folders, dict):
            raise ValueError("unexpected types")
        if any(_folder_stamp(root / name) != stamp for name, stamp in folders.items()):
            return None
        sections = []
        prefix = f"{root}/"
        listed = Section.listed
        for (section_id, title, kind, file, tags, parent, summary, digest, stamp, replaces) in entry["sections"]:
            path = prefix + file  # a string: Section makes it a Path when it is used (TypeError if not text)
            if not quick and _stat(path) != stamp:
                return None
            # Exact types, checked at C speed: "".join refuses a list holding anything but text.
            if (type(section_id) is not str or type(title) is not str or type(kind) is not str
                    or type(digest) is not str or type(summary) is not str or type(tags) is not tuple
                    or (parent is not None and type(parent) is not str)
                    or (replaces is not None and type(replaces) is not str)):
                raise ValueError("unexpected types")
            "".join(tags)
            sections.append(listed(section_id, title, kind, path, tags, parent, summary, pack, replaces, digest))
        if not sections or not isinstance(entry["title"], str) or not isinstance(entry["language"], str):
            raise ValueError("unexpected types")
        return Listing(entry["title"], entry["language"], tuple(sections))

    def remember(self, folder: Path, guide: Guide) -> None:
        """Record a folder just loaded strictly (its bodies are in memory)."""
        root = Path(_key(folder, self._parents))
        rows = []
        parents: set[Path] = set()  # the folders holding the files, inside root
        for section in guide:
            stamp = _stat(section.path)
            if stamp is None:
                self.forget(folder)
                return
            try:
                relative = section.path.relative_to(root)
            except ValueError:  # reached through a link: compare real paths
                relative = section.path.resolve().relative_to(root)
            parents.update([relative.parent, *relative.parent.parents])
            rows.append((section.id, section.title, section.kind, relative.as_posix(), tuple(section.tags),
                         section.parent, section.summary, section.digest, stamp, section.replaces))
        pack = guide.sections[0].pack if guide.sections else "guide"
        folders = {name.as_posix(): _folder_stamp(root / name) for name in sorted({Path("."), *parents})}
        self.entries[str(root)] = {"pack": pack, "title": guide.title, "language": guide.language,
                                   "manifest": _stat(root / MANIFEST_NAME), "folders": folders, "sections": tuple(rows)}
        self.changed = True

    def changed_since_listed(self) -> bool:
        """Whether a file of a folder listed quickly has changed since its entry was made (an edit in
        place); the entries that no longer match are forgotten (on disk too), so the next listing
        reloads them."""
        changed = False
        for key in self.listed_quickly:
            entry = self.entry(key)  # read already, when it was listed
            if entry is None:
                continue
            prefix = f"{key}/"
            try:
                if all(_stat(prefix + row[3]) == row[8] for row in entry["sections"]):
                    continue
            except (TypeError, IndexError, KeyError):
                pass
            self.forget(Path(key))
            changed = True
        self.listed_quickly = []
        self.save()  # the next listing, here or in another copy of the reader, loads those folders again
        return changed

    def forget(self, folder: Path) -> None:
        if self.entries.pop(_key(folder, self._parents), None) is not None:
            self.changed = True

    def keep_only(self, folders: list[Path]) -> None:
        """Drop the entries of folders no longer listed (packs removed), so the file stays small."""
        wanted = {_key(folder, self._parents) for folder in folders}
        for key in [key for key in self.entries if key not in wanted]:
            del self.entries[key]
            self.changed = True

    def save(self) -> None:
        """Write the cache back if it changed; a read-only or busy disk only costs the next start time."""
        if not self.changed:
            return
        try:
            data = encode(self.entries)
        except ValueError as error:  # something marshal cannot write: no file beats a wrong one
            log.info("the library cache %s was not written: %s", self.path, error)
            return
        try:
            atomic.write_bytes(self.path, data)
        except OSError as error:
            log.info("the library cache %s was not written: %s", self.path, error)
            return
        self.changed = False
        for name in OLD_CACHE_NAMES:
            with contextlib.suppress(OSError):  # tried again at the next write
                self.path.with_name(name).unlink(missing_ok=True)
