"""Make a pack's zip from a content folder, refusing anything ``add`` would refuse later."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reader.loader import MANIFEST_NAME
from reader.packs.archive import check_file_type, check_portable_name, write_zip
from reader.packs.errors import PackError
from reader.packs.limits import DEFAULT_LIMITS, IGNORED_FOLDERS, Limits, is_ignored
from reader.packs.store import bundled_known
from reader.packs.validate import load_pack
from reader.translatable import QT_TR_NOOP, Text


@dataclass(frozen=True)
class CreatedPack:
    name: str
    title: str
    sections: int
    files: int
    path: Path


def _pack_files(folder: Path, skip: Path, limits: Limits) -> list[tuple[Path, str]]:
    files: list[tuple[Path, str]] = []
    total = 0
    for current, dirs, names in os.walk(folder, followlinks=False):
        here = Path(current)
        for name in list(dirs):
            if (here / name).is_symlink():
                link = (here / name).relative_to(folder).as_posix()
                raise PackError(Text(QT_TR_NOOP("'{link}' is a link: links are not allowed in a pack"), link=link))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in IGNORED_FOLDERS)
        for name in sorted(names):
            path = here / name
            relative = path.relative_to(folder)
            if name.startswith(".") or is_ignored(relative.parts) or path.resolve() == skip:
                continue
            if path.is_symlink():
                raise PackError(Text(QT_TR_NOOP("'{relative}' is a link: links are not allowed in a pack"),
                                     relative=relative.as_posix()))
            for part in relative.parts:
                check_portable_name(part, relative.as_posix())
            with path.open("rb") as handle:
                check_file_type(relative.parts, handle.read(16))
            total += path.stat().st_size
            files.append((path, relative.as_posix()))
            if len(files) > limits.max_files:
                raise PackError(Text(QT_TR_NOOP("the folder has more than {max_files} files"),
                                     max_files=limits.max_files))
            if total > limits.max_total_bytes:
                raise PackError(Text(QT_TR_NOOP("the folder's files add up to more than {megabytes} MB"),
                                     megabytes=limits.max_total_bytes // (1024 * 1024)))
    return files


def create(folder: Path, out_zip: Path, limits: Limits = DEFAULT_LIMITS) -> CreatedPack:
    """Check ``folder`` as ``add`` will (against the bundled guide's ids) and zip it to ``out_zip``."""
    folder = Path(folder)
    out_zip = Path(out_zip)
    if not (folder / MANIFEST_NAME).is_file():
        raise PackError(Text(QT_TR_NOOP("{folder}: no {manifest} in this folder (see the content format)"),
                             folder=folder, manifest=MANIFEST_NAME))
    if out_zip.suffix.lower() != ".zip":
        raise PackError(Text(QT_TR_NOOP("{name}: the pack's file name must end in .zip"), name=out_zip.name))
    pack = load_pack(folder, bundled_known(), proven=True)
    files = _pack_files(folder, out_zip.resolve(), limits)
    try:
        write_zip(files, out_zip)
    except OSError as error:  # a full or read-only disk: the zip is written whole or not at all
        raise PackError(Text(QT_TR_NOOP("{file} could not be written ({error})"),
                             file=out_zip, error=error.strerror or error)) from None
    return CreatedPack(pack.sections[0].pack, pack.title, len(pack), len(files), out_zip)
