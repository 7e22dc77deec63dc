"""Atomic writes for user data: a crash mid-write leaves the old file, never half a file. And the
removal of a folder already set aside, which only ever finishes a change made atomically."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any


@contextlib.contextmanager
def replacing(path: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary file beside ``path`` for the block to write; it takes ``path``'s place only if the
    block finishes, and is removed if it fails."""
    import tempfile  # here, not above: a search never writes, and tempfile imports shutil (2 ms)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    except OSError as error:
        raise _about(error, path) from None
    os.close(fd)
    try:
        yield Path(tmp_name)
        os.replace(tmp_name, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if error.filename not in (None, tmp_name):
            raise  # about another file (one being copied in, say): its own name is the right one
        # The user asked for ``path``: the temporary file's name would only puzzle them.
        raise _about(error, path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _about(error: OSError, path: Path) -> OSError:
    """The same error, naming ``path`` instead of a temporary file beside it."""
    if error.errno is None:
        return error
    return type(error)(error.errno, error.strerror, str(path))


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path``, flush it to disk, then rename it over ``path``."""
    with replacing(path) as temporary, temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def write_json(path: Path, value: Any) -> None:
    write_bytes(path, (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def remove_tree(folder: Path) -> None:
    """Delete a folder already out of the way (renamed aside, or a build never published): what cannot
    be removed now is left for the next tidy-up, never raised."""
    import shutil  # here, not above: a search never deletes, and shutil imports three compression modules

    shutil.rmtree(folder, ignore_errors=True)
