"""The page shown first at start, kept rendered (and, for added content, sanitised) from last time.

The window opens on the section it closed on. Importing Markdown and rendering that section
took about a tenth of the time to the first paint, so the page is kept in one small file under
a key made of everything its rendering depends on that is known without rendering: the
section's id, title, pack, file and the hash of its text (from the library cache, so the file
is not even read), the renderer's format, the reader's version and the identity of the
installed Markdown's files.

It is a cache and never the last word: the window renders the page again just after the first
paint and shows the new result if it differs (links and pictures depend on other files too), and
then keeps that one. A missing, damaged or foreign file is simply not used.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
from pathlib import Path
from typing import Any

from reader import __version__, atomic, paths, userfile
from reader.model import Section
from reader.rendered import BLOCKS_VERSION, Block, Rendered

log = logging.getLogger(__name__)

PAGE_NAME = "first-page.json"
FORMAT = 1
MAX_PAGE_BYTES = 16 * 1024 * 1024  # far above any section the checks let through


def page_file() -> Path:
    return paths.cache_dir() / PAGE_NAME


def _markdown_identity() -> list[object]:
    """Where the installed Markdown lives and its files' sizes and times: an upgrade changes them.
    Found without importing it (which is what the cache saves)."""
    spec = importlib.util.find_spec("markdown")
    origin = spec.origin if spec is not None else None
    if origin is None:
        return [None]
    identity: list[object] = [origin]
    for name in ("__init__.py", "__meta__.py", "core.py"):
        try:
            info = os.stat(Path(origin).parent / name)
        except OSError:
            identity.append(None)
        else:
            identity.append([info.st_size, info.st_mtime_ns])
    return identity


def key(section: Section) -> str:
    """What the kept page must have been rendered from to be shown for ``section``."""
    parts = [FORMAT, BLOCKS_VERSION, __version__, _markdown_identity(), section.id, section.title,
             section.pack, section.replaces, str(section.path), section.digest]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def load(section: Section, path: Path | None = None) -> Rendered | None:
    """The kept page, when it was rendered from ``section`` as it is now; otherwise None."""
    path = path or page_file()
    try:
        data = userfile.read_object(path, MAX_PAGE_BYTES)
    except userfile.UnreadableFile as error:
        log.info("the kept first page %s is not used: %s", path, error)
        return None
    if data is None or data.get("format") != FORMAT or data.get("key") != key(section):
        return None
    try:
        return _rendered(data)
    except (TypeError, ValueError) as error:
        log.info("the kept first page %s is not used: %s", path, error)
        return None


def _rendered(data: dict[str, Any]) -> Rendered:
    html, rows = data["html"], data["blocks"]
    if not isinstance(html, str) or not isinstance(rows, list):
        raise ValueError("unexpected types")
    blocks = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 3 and all(isinstance(part, str) for part in row)):
            raise ValueError("unexpected block")
        blocks.append(Block(*row))
    return Rendered(html, tuple(blocks))


def forget(path: Path | None = None) -> None:
    """Drop the kept page (added content now replaces a section: the next start lists the packs
    before its first paint, so that it opens on the replacement, not on the page it replaced)."""
    path = path or page_file()
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        log.info("the kept first page %s could not be removed: %s", path, error)


def store(section: Section, rendered: Rendered, path: Path | None = None) -> None:
    """Keep ``rendered`` as the page of ``section``; a disk that refuses only costs the next start time."""
    path = path or page_file()
    data = {"format": FORMAT, "key": key(section), "html": rendered.html,
            "blocks": [[block.anchor, block.kind, block.text] for block in rendered.blocks]}
    try:
        atomic.write_bytes(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    except OSError as error:
        log.info("the first page was not kept in %s: %s", path, error)
