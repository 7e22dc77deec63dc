"""Check a pack's folder completely: its manifest and sections (through the loader) and their HTML."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reader.loader import ID_PATTERN, MANIFEST_NAME, ContentError, load_guide, read_manifest
from reader.model import Guide, Section
from reader.packs import safety
from reader.packs.errors import PackError, from_content_error
from reader.translatable import QT_TR_NOOP, Text

RESERVED_NAMES = frozenset({"guide"})


def pack_name(root: Path) -> str:
    """The manifest's ``name``: a pack is installed, listed and removed by it. It needs a title too."""
    try:
        manifest = read_manifest(root)
    except ContentError as error:
        raise from_content_error(error, root) from None
    name = manifest.get("name")
    if not isinstance(name, str) or not ID_PATTERN.match(name):
        raise PackError(Text(QT_TR_NOOP("{manifest}: the pack needs a 'name' of lower-case letters, digits and "
                                        "hyphens (found {name!r})"), manifest=MANIFEST_NAME, name=name))
    if name in RESERVED_NAMES:
        raise PackError(Text(QT_TR_NOOP("{manifest}: the name '{name}' is kept for the bundled guide; choose "
                                        "another"), manifest=MANIFEST_NAME, name=name))
    title = manifest.get("title")
    if not isinstance(title, str) or not title.strip():
        raise PackError(Text(QT_TR_NOOP("{manifest}: the pack needs a 'title' (shown when packs are listed)"),
                             manifest=MANIFEST_NAME))
    return name


def problems_in(section: Section, root: Path | None = None) -> list[safety.Problem]:
    """What :mod:`reader.packs.safety` refuses in a section's HTML (``root``: the pack's folder)."""
    if not safety.needs_inspection(section.body):
        return []
    from reader.render import render_unsanitised

    return safety.inspect_html(render_unsanitised(section).html, root)


def describe(problems: list[safety.Problem], where: str, source: str) -> PackError:
    """One line: the file (and line, found in ``source``) and the first problem."""
    problem = problems[0]
    line = safety.line_of(source, problem.needle)
    where = f"{where}:{line}" if line else where
    if len(problems) > 1:
        return PackError(Text(QT_TR_NOOP("{where}: {problem} (and {count} more)"), where=where,
                              problem=problem.message, count=len(problems) - 1))
    return PackError(Text(QT_TR_NOOP("{where}: {problem}"), where=where, problem=problem.message))


def check_section(section: Section, root: Path) -> None:
    """Refuse code, web resources and unsafe links in a section (see :mod:`reader.packs.safety`)."""
    problems = problems_in(section, root)
    if not problems:
        return
    try:
        where = section.path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        where = section.path.name
    raise describe(problems, where, section.path.read_text(encoding="utf-8"))


def load_pack(root: Path, known: Mapping[str, str]) -> Guide:
    """Load and check the pack in ``root``; its sections carry the pack's name.

    ``known`` maps section ids already shown by the reader to their pack, so no id is reused."""
    name = pack_name(root)
    try:
        pack = load_guide(root, pack=name, known=known)
    except ContentError as error:
        raise from_content_error(error, root) from None
    for section in pack:
        check_section(section, root)
    return pack
