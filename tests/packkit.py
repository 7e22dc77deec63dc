"""Build content folders and zips (good and deliberately bad) for the pack tests."""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path

import yaml

from reader.library_cache import CACHE_NAME


def write_pack_folder(folder: Path, name: str = "local-stories", title: str = "Local stories",
                      sections: Iterable[tuple[str, str, str]] | None = None,
                      extra: dict[str, bytes | str] | None = None) -> Path:
    """A valid pack folder: ``sections`` are (id, title, Markdown body)."""
    if sections is None:
        sections = [
            ("lunch-club", "The lunch club", "Carers and volunteers planned the **lunch club** together.\n\n"
             "- Everyone cooks\n- Everyone decides\n"),
            ("garden-group", "The garden group", "The garden group grew vegetables with the clinic.\n"),
        ]
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for section_id, section_title, body in sections:
        (folder / f"{section_id}.md").write_text(f"---\nsummary: About {section_title}.\n---\n{body}",
                                                 encoding="utf-8")
        entries.append({"id": section_id, "file": f"{section_id}.md", "title": section_title, "kind": "examples",
                        "tags": ["local"]})
    manifest = {"name": name, "title": title, "language": "en-GB", "sections": entries}
    (folder / "manifest.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    for relative, data in (extra or {}).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    return folder


def zip_folder(folder: Path, out: Path, prefix: str = "") -> Path:
    """Zip a folder as a person would with any zip tool (no checks at all)."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zip_file:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zip_file.write(path, prefix + path.relative_to(folder).as_posix())
    return out


def zip_entries(out: Path, entries: Iterable[tuple[str | zipfile.ZipInfo, bytes | str]],
                compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Write a zip entry by entry, including names and attributes no tool should produce."""
    with zipfile.ZipFile(out, "w", compression) as zip_file:
        for name, data in entries:
            zip_file.writestr(name, data)
    return out


def folder_entries(folder: Path) -> list[tuple[str, bytes]]:
    return [(p.relative_to(folder).as_posix(), p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()]


LIBRARY_CACHE = CACHE_NAME


def tree_hash(folder: Path) -> str:
    """One hash of every folder, file, link and byte under ``folder`` (or of its absence), but the
    library cache: derived data, written by any command that lists the content."""
    digest = hashlib.sha256()
    if not folder.exists():
        return "absent"
    for current, dirs, files in sorted(os.walk(folder)):
        dirs.sort()
        here = Path(current)
        relative = here.relative_to(folder).as_posix()
        if relative == "cache" and files == [LIBRARY_CACHE] and not dirs:
            continue  # only the library's list of sections, which any command may refresh
        digest.update(f"D {relative}\n".encode())
        for name in sorted(files):
            path = here / name
            if relative == "cache" and name == LIBRARY_CACHE:
                continue
            digest.update(f"F {path.relative_to(folder).as_posix()}\n".encode())
            digest.update(os.readlink(path).encode() if path.is_symlink() else path.read_bytes())
    return digest.hexdigest()
