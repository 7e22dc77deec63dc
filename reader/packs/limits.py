"""How big added content may be, and which files it may hold.

The limits are far above what a guide's pages need (the whole bundled guide is under 100 KB
of Markdown) and far below what could fill a USB stick or a laptop's disk by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.translatable import QT_TR_NOOP, Text

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_files: int = 500
    max_total_bytes: int = 20 * MIB
    # A text file compresses 3 to 10 times; a zip bomb compresses thousands of times.
    max_ratio: int = 100
    ratio_floor_bytes: int = 1 * MIB  # small files may compress well without being suspect
    max_document_bytes: int = 5 * MIB  # one imported document


DEFAULT_LIMITS = Limits()

TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".yaml", ".yml"})
PICTURE_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
}
ALLOWED_SUFFIXES = TEXT_SUFFIXES | frozenset(PICTURE_SIGNATURES)
ALLOWED_DESCRIPTION = Text(QT_TR_NOOP("Markdown or text files, the manifest, and PNG, JPEG or GIF pictures"))

# Files that operating systems add to folders and zips by themselves: left out, never refused.
IGNORED_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
IGNORED_FOLDERS = frozenset({"__MACOSX", ".git"})


def is_ignored(parts: tuple[str, ...]) -> bool:
    return any(part in IGNORED_FOLDERS for part in parts[:-1]) or parts[-1] in IGNORED_NAMES \
        or parts[-1].startswith("._")
