"""Reading the reader's own JSON files (settings, bookmarks): a damaged one is kept, never lost."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

from reader.translatable import QT_TR_NOOP, Text


class UnreadableFile(Exception):
    """The file exists but is not a JSON object; ``str()`` says why."""


def read_object(path: Path) -> dict[str, Any] | None:
    """The JSON object in ``path``, or None when there is no file yet; UnreadableFile when it is damaged."""
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UnreadableFile(str(error)) from None
    if not isinstance(raw, dict):
        raise UnreadableFile("not a JSON object")
    return raw


def keep_aside(path: Path) -> str:
    """Copy a damaged file beside itself before it is overwritten; a sentence saying where it went."""
    kept = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        shutil.copy2(path, kept)
    except OSError:
        return Text(QT_TR_NOOP("It could not be copied aside."))
    return Text(QT_TR_NOOP("The file as it was is kept as {file}."), file=kept)
