"""Where the index lives on disk, how we know it is ours and current, and how it is replaced.

Layout of an index folder (``index/`` beside ``content/``, or ``<cache>/index``)::

    current.json      the pointer: which build is live, the fingerprint of the content it
                      holds and the size and hash of every one of its files
    ix-<random>/      a complete Whoosh index, never changed once published
    .build-<random>/  a build in progress (deleted when found abandoned)
    .lock             serialises builds between processes

*Always fresh*: :func:`inspect` compares the pointer with the content the app is about to
show and with the files on disk. Whoosh keeps no checksums and a damaged file fails late and
in many ways, so every file is hashed before the index is trusted; the pointer also records
each file's identity on disk (size, modification and change times, file number), and a file
whose identity is unchanged since this code wrote and hashed it is not read again. Any write,
copy, restore or replacement changes its change time or number (a program cannot set the change
time back), and then the file is hashed in full, as before.

*Never lost*: a build goes to a fresh ``.build-*`` folder, is renamed to ``ix-*`` and only
then published by atomically replacing ``current.json``. A crash at any point leaves the old
pointer and its intact build. Two processes may build at once: each writes its own folder and
the last rename wins; the lock only saves the second one the work.

*Never open what the app did not build*: Whoosh's table of contents is a pickle, so nothing
is opened unless its hash matches the pointer, and the pointer carries an HMAC made with a key
kept beside the index folder (``index.key`` next to ``index/``, created once; the user's data
folder when that cannot be written). Someone able to write the index folder, or a shared folder
it links to, cannot make the reader unpickle a file of their choosing.

*Only touch what we made*: the sweep removes only folders named as this code names them
(``ix-`` or ``.build-`` and 32 hex digits), never follows a link and never enters one.
"""

# No postponed annotations here: a named tuple's fields given as strings are each compiled when it is made.

import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from reader import atomic, paths, userfile
from reader.model import Section

POINTER = "current.json"
LOCK = ".lock"
BUILD_PREFIX = ".build-"
LIVE_PREFIX = "ix-"
POINTER_FORMAT = 1
_LIVE_NAME = re.compile(r"^ix-[0-9a-f]{32}$")
KEY_SUFFIX = ".key"
USER_KEY_FILE = "index.key"
POINTER_MAX_BYTES = 16 * 1024 * 1024
_process_key: bytes | None = None  # used only when the data folder cannot hold a key
ABANDONED_AFTER = 3600.0  # seconds before another process's unfinished build is swept away
_WHOOSH_LOCKS = ("MAIN_WRITELOCK", "MAIN_READLOCK")
IDENTITY_TICK_NS = 50_000_000  # longer than the coarsest clock tick file times are taken from


@cache
def _leftover_names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An abandoned build's folder and pointer file: compiled when leftovers are first looked for."""
    return re.compile(r"^\.build-[0-9a-f]{32}$"), re.compile(r"^\.current\.json\.[A-Za-z0-9_]+\.tmp$")


def default_roots() -> list[Path]:
    """Where to look for the index, best first: beside the content, then the user's cache
    (once only where they are the same folder, as in an installed wheel)."""
    return list(dict.fromkeys([paths.bundled_index_dir(), paths.cache_dir() / "index"]))


def recipe() -> str:
    """What, besides the content, decides the index: our schema, our blocks and the Markdown renderer."""
    from reader.rendered import BLOCKS_VERSION
    from reader.search.schema import SCHEMA_VERSION

    return f"schema {SCHEMA_VERSION}; blocks {BLOCKS_VERSION}; markdown {_markdown_version()}"


def _markdown_version() -> str:
    """Markdown's version, read from its small ``__meta__`` file without importing Markdown: a search
    that finds its index fresh renders nothing, and importing Markdown was a tenth of a command-line
    search. Where that file cannot be found on its own (a frozen build), Markdown is imported."""
    if "markdown" not in sys.modules:
        import importlib.util

        spec = importlib.util.find_spec("markdown")
        meta = Path(spec.origin).with_name("__meta__.py") if spec is not None and spec.origin else None
        if meta is not None and meta.is_file():
            found = importlib.util.spec_from_file_location("reader._markdown_meta", meta)
            if found is not None and found.loader is not None:
                module = importlib.util.module_from_spec(found)
                found.loader.exec_module(module)
                return str(module.__version__)
    import markdown

    return str(markdown.__version__)


_RECORD_ENCODER = json.JSONEncoder(ensure_ascii=False)  # json.dumps's output, without a new encoder each call


def section_hash(section: Section) -> str:
    """A hash of everything about a section that ends up in the index; the body by its digest,
    which the library cache knows without reading ten thousand files."""
    return _record_hash((section.id, section.title, section.kind, section.tags, section.parent, section.pack,
                         section.digest))


@lru_cache(maxsize=1 << 16)
def _record_hash(record: tuple[Any, ...]) -> str:
    """Kept per record: adding a pack checks the index against the content four times, each over
    every section (55-80 ms at ten thousand sections, 15 ms once known)."""
    section_id, title, kind, tags, parent, pack, digest = record
    encoded = _RECORD_ENCODER.encode([section_id, title, kind, list(tags), parent, pack, digest])
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def content_fingerprint(sections: Iterable[Section]) -> dict[str, str]:
    """Section id → hash, for every section the index must hold (order does not matter)."""
    return {section.id: section_hash(section) for section in sections}


def _file_hash(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "blake2b").hexdigest()


def _identity(path: Path) -> list[int]:
    """What changes whenever a file is written, replaced, copied or restored, without reading it."""
    info = path.stat()
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def file_identities(folder: Path) -> dict[str, list[int]] | None:
    """File name → identity, for every file of a built index (see :func:`_identity`); None where the
    file system's times cannot vouch for a file: on Windows the "change" time is the creation time,
    which a program can set, and FAT sticks keep times to 10 ms or 2 s."""
    if os.name != "posix":
        return None
    identities = {path.name: _identity(path) for path in sorted(folder.iterdir()) if path.is_file()}
    if not identities or all(identity[2] % 10_000_000 == 0 for identity in identities.values()):
        return None
    # A later write must get a later change time: let the file system's clock tick past the last one.
    wait = max(identity[2] for identity in identities.values()) + IDENTITY_TICK_NS - time.time_ns()
    if wait > 0:
        time.sleep(wait / 1e9)
    return identities


def file_fingerprint(folder: Path, copied_from: Path | None = None,
                     known: dict[str, list[Any]] | None = None) -> dict[str, list[Any]]:
    """File name → [size, hash] for every file of a built index.

    A file copied unchanged from the build ``copied_from`` (same name, size and modification time:
    Whoosh never writes to a finished segment) keeps the hash ``known`` gives it from when that
    build was published, instead of being read again: a change to a large index (a pack added)
    otherwise hashed every one of its files, 150 ms at ten thousand sections."""
    found: dict[str, list[Any]] = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        size = path.stat().st_size
        old = (known or {}).get(path.name)
        if copied_from is not None and isinstance(old, list) and len(old) == 2 and old[0] == size:
            try:
                same = (copied_from / path.name).stat().st_mtime_ns == path.stat().st_mtime_ns
            except OSError:
                same = False
            if same:
                found[path.name] = [size, old[1]]
                continue
        found[path.name] = [size, _file_hash(path)]
    return found


class Inspection(NamedTuple):
    """What was found in one index folder."""

    root: Path
    status: str  # "fresh", "missing", "stale" or "damaged"
    detail: str
    pointer: dict[str, Any] | None = None

    def __repr__(self) -> str:  # without the pointer (the whole of the pointer file)
        return f"Inspection(root={self.root!r}, status={self.status!r}, detail={self.detail!r})"

    @property
    def fresh(self) -> bool:
        return self.status == "fresh"

    @property
    def live(self) -> Path | None:
        """The build folder the pointer names, once it has been checked to be one of ours."""
        if self.pointer is None:
            return None
        folder: str = self.pointer["dir"]
        return self.root / folder

    @property
    def documents(self) -> int:
        return int(self.pointer.get("documents", 0)) if self.pointer else 0


def key_file(root: Path) -> Path:
    """The key that signs the index in ``root``: beside the folder, never in it, so write access to
    the index folder (or to a shared folder it links to) is not enough to forge one."""
    return root.parent / f"{root.name}{KEY_SUFFIX}"


def _read_key(path: Path) -> bytes | None:
    try:
        data = userfile.read_bytes(path, 1024)
    except userfile.UnreadableFile:
        return None
    return data if data is not None and len(data) >= 32 else None


def _make_key(path: Path) -> bytes | None:
    """The key in ``path``, created once and atomically if missing (two processes agree on one)."""
    found = _read_key(path)
    if found is not None:
        return found
    import tempfile  # here, not above: tempfile and shutil are for writing, a search never writes

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(os.urandom(32))
                handle.flush()
                os.fsync(handle.fileno())
            try:  # a link never replaces a key another process made meanwhile
                os.link(temporary, path)
            except FileExistsError:
                pass
            except OSError:  # no hard links (FAT): Windows' rename never replaces either
                if not path.exists():
                    os.rename(temporary, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    except OSError:
        return None
    return _read_key(path)


def _user_key() -> bytes:
    """The user's own key (data folder), for an index whose folder's parent cannot hold one."""
    global _process_key
    found = _make_key(paths.data_dir() / USER_KEY_FILE)
    if found is not None:
        return found
    if _process_key is None:  # nowhere to keep a key: trust only what this process builds
        _process_key = os.urandom(32)
    return _process_key


def _signature(pointer: dict[str, Any], key: bytes) -> str:
    body = {name: value for name, value in pointer.items() if name != "signature"}
    message = json.dumps(body, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def sign(root: Path, pointer: dict[str, Any]) -> str:
    """The signature for a pointer this process is about to publish in ``root``."""
    return _signature(pointer, _make_key(key_file(root)) or _user_key())


def signed_by_us(root: Path, pointer: dict[str, Any]) -> bool:
    keys = [key for key in (_read_key(key_file(root)), _read_key(paths.data_dir() / USER_KEY_FILE),
                            _process_key) if key is not None]
    return any(hmac.compare_digest(pointer["signature"], _signature(pointer, key)) for key in keys)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _valid_pointer(pointer: Any) -> bool:
    """Every field present with the type this code writes, so nothing later can fail on it."""
    if not isinstance(pointer, dict) or pointer.get("format") != POINTER_FORMAT:
        return False
    sections, files = pointer.get("sections"), pointer.get("files")
    return (isinstance(pointer.get("dir"), str) and bool(_LIVE_NAME.match(pointer["dir"]))
            and isinstance(pointer.get("recipe"), str) and _is_count(pointer.get("documents", 0))
            and isinstance(pointer.get("signature"), str)
            and isinstance(sections, dict) and all(isinstance(v, str) for v in sections.values())
            and isinstance(files, dict)
            and all(isinstance(name, str) and "/" not in name and "\\" not in name and name not in {"", ".", ".."}
                    and isinstance(entry, list) and len(entry) == 2 and _is_count(entry[0])
                    and isinstance(entry[1], str) for name, entry in files.items()))


def read_pointer(root: Path) -> dict[str, Any] | None:
    """The pointer's contents, or None when there is none; raises ValueError when it is malformed."""
    try:
        pointer = userfile.read_json(root / POINTER, POINTER_MAX_BYTES)
    except userfile.UnreadableFile as error:
        raise ValueError(str(error)) from None
    if pointer is None:
        return None
    if not isinstance(pointer, dict) or not _valid_pointer(pointer):
        raise ValueError("unexpected contents")
    return pointer


def _difference(found: dict[str, str], expected: dict[str, str]) -> str:
    changed = sum(1 for key in expected if key in found and found[key] != expected[key])
    added = len(expected.keys() - found.keys())
    removed = len(found.keys() - expected.keys())
    parts = [f"{count} section{'s' if count != 1 else ''} {what}"
             for count, what in ((changed, "changed"), (added, "added"), (removed, "removed")) if count]
    return "content changed since it was built: " + ", ".join(parts)


def _damage(folder: Path, expected: dict[str, list[Any]], identities: Any = None) -> str | None:
    """Why the files in ``folder`` differ from the pointer's record, or None if they match.

    A file whose identity is the one recorded when it was hashed is not hashed again."""
    known = identities if isinstance(identities, dict) else {}
    try:
        present = {path.name: path for path in folder.iterdir() if path.is_file()}
    except FileNotFoundError:
        return f"its folder {folder.name} is missing"
    except OSError as error:
        return f"its folder cannot be read ({error.strerror})"
    for name, (size, digest) in sorted(expected.items()):
        path = present.pop(name, None)
        if path is None:
            return f"file {name} is missing"
        try:
            if path.stat().st_size != size:
                return f"file {name} has the wrong size (truncated or overwritten)"
            if known.get(name) == _identity(path) and known[name][0] == size:
                continue
            if _file_hash(path) != digest:
                return f"file {name} has been altered"
        except OSError as error:
            return f"file {name} cannot be read ({error.strerror})"
    if present:
        return f"unexpected file {sorted(present)[0]}"
    return None


def inspect(root: Path, expected: dict[str, str]) -> Inspection:
    """Check the index in ``root`` against the content fingerprint the app expects."""
    try:
        pointer = read_pointer(root)
    except (ValueError, UnicodeDecodeError) as error:
        return Inspection(root, "damaged", f"its {POINTER} is unreadable ({error})")
    except OSError as error:
        return Inspection(root, "damaged", f"its {POINTER} cannot be read ({error.strerror})")
    if pointer is None:
        return Inspection(root, "missing", "no index has been built here")
    if not signed_by_us(root, pointer):
        return Inspection(root, "damaged", f"its {POINTER} was not written by this reader for this user")
    if pointer["recipe"] != recipe():
        return Inspection(root, "stale", "built by another version of the reader", pointer)
    if pointer["sections"] != expected:
        return Inspection(root, "stale", _difference(pointer["sections"], expected), pointer)
    problem = _damage(root / pointer["dir"], pointer["files"], pointer.get("identities"))
    if problem:
        return Inspection(root, "damaged", problem, pointer)
    count = pointer.get("documents", 0)
    return Inspection(root, "fresh", f"up to date ({len(expected)} sections, {count} passages)", pointer)


def can_write(root: Path) -> bool:
    """Whether builds can go in ``root``: tried for real, as permissions alone miss read-only
    file systems and say nothing useful when running as an administrator."""
    import tempfile

    try:
        root.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".probe-", dir=root)
        os.close(fd)
        os.unlink(name)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def build_lock(root: Path, timeout: float) -> Iterator[bool]:
    """Hold the folder's build lock, waiting up to ``timeout`` seconds; yields whether it was had.

    An operating-system lock on an open file is released by the kernel when its holder exits
    or is killed, so a crashed build never leaves a stale lock behind. The lock is re-entrant
    within a thread: a thread that already holds it (a change that finds the index stale and
    rebuilds) goes on at once, where a second lock on the same file would wait for itself."""
    key = os.path.abspath(root)
    held = _held_roots()
    if key in held:
        yield True
        return
    try:
        handle = (root / LOCK).open("a+b")
    except OSError:
        yield False
        return
    acquired = False
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                _lock_file(handle)
                acquired = True
                break
            except OSError:
                if time.monotonic() >= deadline:
                    break
                time.sleep(0.05)
        if acquired:
            held.add(key)
        yield acquired
    finally:
        if acquired:
            held.discard(key)
            with contextlib.suppress(OSError):
                _unlock_file(handle)
        handle.close()


_holding = threading.local()


def _held_roots() -> set[str]:
    """The folders whose build lock this thread holds."""
    roots: set[str] | None = getattr(_holding, "roots", None)
    if roots is None:
        roots = _holding.roots = set()
    return roots


# A ``sys.platform`` test (not ``try: import fcntl``) so that the type checker reads the branch of
# the platform it checks for and skips the other.
def _lock_file(handle: Any) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock_file(handle: Any) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def new_build_folder(root: Path) -> Path:
    """A fresh, empty folder for one build, unique to this process and call."""
    folder = root / f"{BUILD_PREFIX}{secrets.token_hex(16)}"
    folder.mkdir(parents=True)
    return folder


def publish(root: Path, build: Path, sections: dict[str, str], documents: int, *,
            copied_from: Inspection | None = None) -> dict[str, Any]:
    """Make a finished build the live index: rename it, then atomically replace the pointer.
    ``copied_from``: the fresh live build ``build`` began as a copy of (see :func:`file_fingerprint`)."""
    for name in _WHOOSH_LOCKS:
        with contextlib.suppress(FileNotFoundError):
            (build / name).unlink()
    identities = file_identities(build)
    if copied_from is not None and copied_from.fresh and copied_from.pointer is not None:
        files = file_fingerprint(build, copied_from.live, copied_from.pointer.get("files"))
    else:
        files = file_fingerprint(build)
    if identities is not None and file_identities(build) != identities:
        identities = None  # written to while being hashed: always hash it in full
    live = root / f"{LIVE_PREFIX}{secrets.token_hex(16)}"
    os.rename(build, live)
    pointer = {"format": POINTER_FORMAT, "recipe": recipe(), "dir": live.name, "documents": documents,
               "sections": sections, "files": files, "identities": identities,
               "built": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    pointer["signature"] = sign(root, pointer)
    atomic.write_json(root / POINTER, pointer)
    return pointer


def sweep(root: Path, keep: str) -> None:
    """Delete superseded builds and abandoned temporary folders; failures are harmless.

    A process still searching a superseded build keeps its open files (POSIX); elsewhere the
    deletion fails and is tried again after the next build."""
    now = time.time()
    try:
        entries = list(root.iterdir())
    except OSError:
        return
    for entry in entries:
        name = entry.name
        try:
            info = entry.lstat()  # never follows a link: a link is never ours to empty
            if stat.S_ISLNK(info.st_mode):
                continue
            if _LIVE_NAME.match(name) and name != keep and stat.S_ISDIR(info.st_mode):
                _remove_build(entry)
            elif now - info.st_mtime > ABANDONED_AFTER:
                build_name, pointer_temp = _leftover_names()
                if build_name.match(name) and stat.S_ISDIR(info.st_mode):
                    _remove_build(entry)
                elif pointer_temp.match(name) and stat.S_ISREG(info.st_mode):
                    entry.unlink()
        except OSError:
            continue


def _remove_build(folder: Path) -> None:
    """Delete one of our build folders: Whoosh writes only files there, so anything else means it is not
    one of ours after all, and it is left alone."""
    children = list(folder.iterdir())
    if any(child.is_symlink() or not child.is_file() for child in children):
        return
    for child in children:
        child.unlink()
    folder.rmdir()


def discard(build: Path) -> None:
    atomic.remove_tree(build)
