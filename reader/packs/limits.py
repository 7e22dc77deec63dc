"""How big added content may be, and which files it may hold.

The limits are far above what a guide's pages need (the whole bundled guide is under 100 KB
of Markdown) and far below what could fill a USB stick or a laptop's disk by accident.
"""

# No postponed annotations here: a named tuple's fields given as strings are each compiled when it is made.

from typing import NamedTuple

from reader.translatable import QT_TR_NOOP, Text

MIB = 1024 * 1024


class Limits(NamedTuple):
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


class ContentLimits(NamedTuple):
    """What one section may hold, so that showing, searching and reading it aloud stay quick.

    Python-Markdown's time grows with the square of some counts in one section or paragraph
    (entities, inline tags, unmatched ``[``), and its tree is recursive: these caps keep the
    slowest section within about a second on a slow laptop, checked by a linear scan of the
    source before Markdown ever sees it (:mod:`reader.packs.structure`). They apply to the
    bundled guide and to installed packs at every start, and to everything added."""

    max_section_bytes: int = 256 * 1024
    max_title_chars: int = 300
    max_lines: int = 3_000  # each paragraph or list item is indexed and prepared for speech
    max_paragraph_chars: int = 32 * 1024  # about 5,000 words; sentence splitting for speech is slow
    max_indent: int = 64  # columns of leading space: lists or code nested about 16 deep
    max_quote_depth: int = 16
    max_tag_depth: int = 64  # raw HTML elements inside one another
    max_tags: int = 5_000  # raw HTML tags in one section
    max_entities: int = 5_000  # &amp; and the like in one section
    max_brackets: int = 200  # '[' in one paragraph (links are looked for from each one)
    max_section_brackets: int = 2_000
    #: '[' times the length of its paragraph, summed: Markdown looks for the ']' from each one.
    max_bracket_work: int = 400_000
    max_emphasis: int = 1_000  # '*' and '_' in one paragraph
    max_section_emphasis: int = 10_000
    max_html_tags: int = 100_000  # in a web page being imported, before it becomes Markdown
    max_html_depth: int = 256
    max_path_parts: int = 16  # folders deep inside a pack
    max_name_chars: int = 120  # one file or folder name in a pack
    #: Seconds to render, index and prepare for speech one section: a backstop, checked after each
    #: section (the caps above keep the largest section to a few seconds, nearly all of it sentence
    #: splitting for speech). More would make opening or reading it aloud feel broken.
    section_time_budget: float = 15.0


CONTENT_LIMITS = ContentLimits()
