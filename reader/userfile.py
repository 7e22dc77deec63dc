"""Reading the reader's own JSON files (settings, bookmarks, pronunciations, the index pointer).

Every one is read the same careful way: only an ordinary file (a folder, pipe or device in its
place is never opened, so nothing can hang), only so many bytes, strict JSON (no ``NaN`` or
``Infinity``, which other programs cannot read back) and only so deep (Python's parser recurses).
A damaged file is kept aside once, under a name that says so, and never lost or cut down.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import stat
import time
from pathlib import Path
from typing import Any

from reader.translatable import QT_TR_NOOP, Text

MAX_BYTES = 4 * 1024 * 1024  # far above any real settings or bookmarks file
MAX_DEPTH = 32
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


class UnreadableFile(Exception):
    """The file exists but cannot be used; ``str()`` says why in plain words.

    ``replaceable`` is False when something other than a file (a folder, a pipe) is in its place:
    the reader then neither moves it nor writes over it."""

    def __init__(self, message: str, *, replaceable: bool = True) -> None:
        super().__init__(message)
        self.replaceable = replaceable


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number this file may hold")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large a number")
    return value


def _check_depth(text: str, max_depth: int) -> None:
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub('""', text)):
        depth += 1 if match.group(0) in "[{" else -1
        if depth > max_depth:
            raise ValueError(f"nested more than {max_depth} levels deep")


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes | None:
    """The bytes of ``path`` when it is an ordinary file of at most ``max_bytes``; None when absent."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise UnreadableFile(Text(QT_TR_NOOP("it cannot be read: {error}"), error=error.strerror or error),
                             replaceable=False) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(Text(QT_TR_NOOP("a folder has the file's name")), replaceable=False)
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(Text(QT_TR_NOOP("something other than a file (a pipe or device) has its name")),
                             replaceable=False)
    if info.st_size > max_bytes:
        raise UnreadableFile(Text(QT_TR_NOOP("it is {megabytes:.0f} MB, far larger than such a file can be"),
                                  megabytes=info.st_size / 1e6))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise UnreadableFile(Text(QT_TR_NOOP("it is not an ordinary file")), replaceable=False)
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UnreadableFile(Text(QT_TR_NOOP("it cannot be read: {error}"), error=error.strerror or error),
                             replaceable=False) from None
    if len(data) > max_bytes:
        raise UnreadableFile(Text(QT_TR_NOOP("it is far larger than such a file can be")))
    return data


def read_json(path: Path, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """The JSON value in ``path`` (None when there is no file); UnreadableFile when it cannot be used."""
    data = read_bytes(path, max_bytes)
    if data is None:
        return None
    try:
        text = data.decode("utf-8-sig")
        _check_depth(text, max_depth)
        return json.loads(text, parse_constant=_reject_constant, parse_float=_finite)
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise UnreadableFile(str(error) or type(error).__name__) from None


def read_object(path: Path, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> dict[str, Any] | None:
    """The JSON object in ``path``, or None when there is no file yet; UnreadableFile when it is damaged."""
    raw = read_json(path, max_bytes, max_depth)
    if raw is not None and not isinstance(raw, dict):
        raise UnreadableFile(Text(QT_TR_NOOP("not a JSON object")))
    return raw


def _digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()[:12]


def keep_aside(path: Path, error: UnreadableFile | None = None) -> str:
    """Move a file that cannot be used out of the way, once; a sentence saying where it went.

    Moving (not copying) means a damaged file of any size costs no space and is kept exactly
    once: at the next start there is nothing left to keep. Something that is not a file is
    left where it is."""
    if error is not None and not error.replaceable:
        return Text(QT_TR_NOOP("Nothing was changed: remove or rename {file} to let the reader save it again."),
                    file=path)
    kept = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    counter = 1
    while kept.exists() or kept.is_symlink():
        counter += 1
        kept = kept.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}-{counter}")
    try:
        os.rename(path, kept)
    except OSError:
        return keep_copy(path)
    return Text(QT_TR_NOOP("The file as it was is kept as {file}."), file=kept)


def keep_copy(path: Path, label: str = "corrupt") -> str:
    """Copy a file that is still in use (partly damaged, or from a newer version) beside itself before
    it is rewritten; an identical copy already kept is not made again."""
    import shutil  # here, not above: only a damaged file needs it, and a search reads user files

    try:
        kept = path.with_name(f"{path.name}.{label}-{_digest(path)}")
        if not kept.exists():
            shutil.copy2(path, kept)
    except OSError:
        return Text(QT_TR_NOOP("It could not be copied aside."))
    return Text(QT_TR_NOOP("The file as it was is kept as {file}."), file=kept)
