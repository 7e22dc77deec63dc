"""Read a pack's zip without trusting it: every name, size and file type is checked first.

Nothing is written until the whole listing passes; extraction then counts the bytes really
written, because the sizes a zip declares can lie.
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reader import atomic
from reader.packs.errors import PackError
from reader.packs.file_check import ordinary_file
from reader.packs.limits import (
    ALLOWED_DESCRIPTION,
    ALLOWED_SUFFIXES,
    CONTENT_LIMITS,
    DEFAULT_LIMITS,
    MIB,
    PICTURE_SIGNATURES,
    ContentLimits,
    Limits,
    is_ignored,
)
from reader.translatable import QT_TR_NOOP, Text

_CHUNK = 64 * 1024
_WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)),
                              *(f"LPT{n}" for n in range(10)), "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"})
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*]')
# Characters that change the order text is shown in: "gpj.md" can look like "md.jpg".
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")


@dataclass(frozen=True)
class Member:
    info: zipfile.ZipInfo
    parts: tuple[str, ...]  # the checked relative path


def _safe_parts(name: str, limits: ContentLimits = CONTENT_LIMITS) -> tuple[str, ...]:
    """The path's parts, or a PackError for anything that could land outside the pack's folder."""
    if any(ord(ch) < 32 or ch in _BIDI for ch in name) or "\\" in name:
        raise PackError(Text(QT_TR_NOOP("'{name}' has characters not allowed in a file name in a pack"),
                             name=ascii(name)[1:-1]))
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise PackError(Text(QT_TR_NOOP("'{name}' is an absolute path: files in a pack must be inside its folder"),
                             name=name))
    parts = tuple(part for part in PurePosixPath(name).parts if part not in {"", "."})
    if ".." in parts:
        raise PackError(Text(QT_TR_NOOP("'{name}' points outside the pack's folder ('..'): refused"), name=name))
    if not parts:
        raise PackError(Text(QT_TR_NOOP("'{name}' is not a usable file name"), name=name))
    if len(parts) > limits.max_path_parts:
        raise PackError(Text(QT_TR_NOOP("'{name}…' is inside more than {count} folders"),
                             name=name[:80], count=limits.max_path_parts))
    for part in parts:
        check_portable_name(part, name, limits)
    return parts


def check_portable_name(part: str, whole: str, limits: ContentLimits = CONTENT_LIMITS) -> None:
    """Refuse a name Windows cannot hold (``CON.md``, ``a?.md``, a trailing dot) or a very long one."""
    shown = whole if len(whole) <= 80 else whole[:80] + "…"
    if len(part) > limits.max_name_chars:
        raise PackError(Text(QT_TR_NOOP("'{shown}': a name in a pack may be at most {max_name_chars} characters"),
                             shown=shown, max_name_chars=limits.max_name_chars))
    if any(ch in _BIDI for ch in part):
        raise PackError(Text(QT_TR_NOOP("'{name}' has characters not allowed in a file name in a pack"),
                             name=ascii(shown)[1:-1]))
    if part.split(".")[0].rstrip(" ").upper() in _WINDOWS_DEVICES or _WINDOWS_FORBIDDEN.search(part) \
            or part.endswith((".", " ")):
        raise PackError(Text(QT_TR_NOOP("'{shown}' is not a name Windows can hold: rename it"), shown=shown))


def check_file_type(parts: tuple[str, ...], head: bytes | None = None) -> None:
    """Only text and pictures; a picture must really be one (its first bytes say so)."""
    suffix = PurePosixPath(parts[-1]).suffix.lower()
    shown = "/".join(parts)
    if suffix not in ALLOWED_SUFFIXES:
        raise PackError(Text(QT_TR_NOOP("'{shown}' is not allowed in a pack (only {allowed})"),
                             shown=shown, allowed=ALLOWED_DESCRIPTION))
    signatures = PICTURE_SIGNATURES.get(suffix)
    if signatures and head is not None and not head.startswith(signatures):
        raise PackError(Text(QT_TR_NOOP("'{shown}' is named as a picture but is not one"), shown=shown))


def _unix_mode(info: zipfile.ZipInfo) -> int:
    return (info.external_attr >> 16) & 0xFFFF


def list_members(zip_file: zipfile.ZipFile, limits: Limits = DEFAULT_LIMITS) -> list[Member]:
    """Check the zip's listing: names, links, encryption, count, declared sizes, compression ratio."""
    members: list[Member] = []
    seen: set[str] = set()
    total = 0
    for info in zip_file.infolist():
        parts = _safe_parts(info.filename)
        mode = _unix_mode(info)
        if mode and stat.S_ISLNK(mode):
            raise PackError(Text(QT_TR_NOOP("'{filename}' is a link: links are not allowed in a pack"),
                                 filename=info.filename))
        if info.is_dir():
            continue
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG):  # zip tools may leave the type bits unset
            raise PackError(Text(QT_TR_NOOP("'{filename}' is not an ordinary file"), filename=info.filename))
        if is_ignored(parts):
            continue
        if info.flag_bits & 0x1:
            raise PackError(Text(QT_TR_NOOP("'{filename}' is encrypted: packs must not be password-protected"),
                                 filename=info.filename))
        key = "/".join(parts).casefold()  # Windows and macOS would merge names that differ in case
        if key in seen:
            raise PackError(Text(QT_TR_NOOP("'{filename}' appears twice in the zip"), filename=info.filename))
        seen.add(key)
        check_file_type(parts)
        total += info.file_size
        if len(members) + 1 > limits.max_files:
            raise PackError(Text(QT_TR_NOOP("the pack has more than {max_files} files"), max_files=limits.max_files))
        if total > limits.max_total_bytes:
            raise PackError(Text(QT_TR_NOOP("the pack's files add up to more than {megabytes} MB"),
                                 megabytes=limits.max_total_bytes // MIB))
        if info.file_size > limits.ratio_floor_bytes and \
                info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise PackError(Text(QT_TR_NOOP("'{filename}' is compressed suspiciously well (a possible zip bomb): "
                                            "refused"), filename=info.filename))
        members.append(Member(info, parts))
    if not members:
        raise PackError(Text(QT_TR_NOOP("the zip is empty")))
    return members


def open_zip(path: Path) -> zipfile.ZipFile:
    """Open ``path`` as a zip, or a PackError saying plainly that it is not one."""
    ordinary_file(path,
                  Text(QT_TR_NOOP("{path} is a folder: a pack is a zip file (make one with 'pack create')"), path=path),
                  Text(QT_TR_NOOP("{path} is not an ordinary file (a device or pipe): a pack is a zip file"),
                       path=path))
    if not zipfile.is_zipfile(path):
        raise PackError(Text(QT_TR_NOOP("{name} is not a zip file"), name=path.name))
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise PackError(Text(QT_TR_NOOP("{name} is a damaged zip file ({error})"),
                             name=path.name, error=error)) from None


def extract(path: Path, destination: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Extract a checked zip into the empty folder ``destination``, enforcing the limits on real bytes."""
    with open_zip(path) as zip_file:
        members = list_members(zip_file, limits)
        written = 0
        root = destination.resolve()
        for member in members:
            target = destination.joinpath(*member.parts)
            if not target.resolve().is_relative_to(root):
                raise PackError(Text(QT_TR_NOOP("'{filename}' points outside the pack's folder: refused"),
                                     filename=member.info.filename))
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with zip_file.open(member.info) as source, open(target, "xb") as out:
                    head = source.read(_CHUNK)
                    check_file_type(member.parts, head)
                    chunk = head
                    size = 0
                    while chunk:
                        size += len(chunk)
                        written += len(chunk)
                        if size > member.info.file_size or written > limits.max_total_bytes:
                            raise PackError(Text(QT_TR_NOOP("'{filename}' is larger than the zip says: refused"),
                                                 filename=member.info.filename))
                        out.write(chunk)
                        chunk = source.read(_CHUNK)
            except (zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError, zlib.error) as error:
                raise PackError(Text(QT_TR_NOOP("'{filename}' is damaged in the zip ({error})"),
                                     filename=member.info.filename, error=error)) from None
            except OSError as error:
                raise PackError(Text(QT_TR_NOOP("could not write '{filename}': {error}"),
                                     filename=member.info.filename, error=error.strerror or error)) \
                    from None


def write_zip(files: list[tuple[Path, str]], out: Path) -> None:
    """Write ``(file, name in zip)`` pairs to ``out`` atomically, in a stable order."""
    with atomic.replacing(out) as temporary, zipfile.ZipFile(temporary, "w",
                                                           compression=zipfile.ZIP_DEFLATED) as zip_file:
        for file, name in sorted(files, key=lambda pair: pair[1]):
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            zip_file.writestr(info, file.read_bytes())
