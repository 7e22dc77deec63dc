"""Add one document (Markdown, plain text or a web page) as a new section of a local pack.

The pack is copied to a staging folder, the document and its manifest entry are added there,
the whole pack is checked as any pack is, and the copy then replaces the installed one.
"""

from __future__ import annotations

import codecs
import os
import re
import shutil
import stat
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from reader.loader import ID_PATTERN, MANIFEST_NAME, MAX_MANIFEST_BYTES, ContentError, read_content_file
from reader.model import Section
from reader.packs import store
from reader.packs.errors import PackError
from reader.packs.events import SectionsListener
from reader.packs.file_check import ordinary_file
from reader.packs.htmltext import escape_line_start, escape_text, html_to_markdown
from reader.packs.limits import DEFAULT_LIMITS, Limits
from reader.packs.structure import StructureProblem, check_html, check_text
from reader.packs.validate import RESERVED_NAMES, describe, load_pack, problems_in, prove
from reader.translatable import QT_TR_NOOP, Text

DEFAULT_PACK = "local"
DEFAULT_PACK_TITLE = "Added documents"
IMPORTED_KIND = "added"
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TITLE_LIMIT = 200
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")


@dataclass(frozen=True)
class Document:
    title: str
    markdown: str
    summary: str = ""


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 with its mark (Notepad's "Unicode"), else
    Windows' usual encoding; a PackError for a file that is not text at all."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise PackError(Text(QT_TR_NOOP("{name} is not readable text (damaged UTF-16)"), name=name)) from None
    sample = data[:64 * 1024]
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f")
    if b"\x00" in sample or controls > len(sample) // 100:
        raise PackError(Text(QT_TR_NOOP("{name} is not a text file (it holds binary data): only Markdown, plain text "
                                        "or web pages can be added"), name=name))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of an ordinary file of at most ``limit`` bytes, never blocking on a pipe or device."""
    info = ordinary_file(path, Text(QT_TR_NOOP("{path} is a folder, not a document"), path=path),
                         Text(QT_TR_NOOP("{path} is not an ordinary file (a device or pipe): only documents can be "
                                         "added"), path=path))
    too_large = PackError(Text(QT_TR_NOOP("{name} is larger than {megabytes} MB"),
                               name=path.name, megabytes=limit // (1024 * 1024)))
    if info.st_size > limit:
        raise too_large
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since the first look
                raise PackError(Text(QT_TR_NOOP("{path} is not an ordinary file"), path=path))
            data = handle.read(limit + 1)
    except OSError as error:
        raise PackError(Text(QT_TR_NOOP("{name} cannot be read ({error})"),
                             name=path.name, error=error.strerror or error)) from None
    if len(data) > limit:
        raise too_large
    return data


def title_from_name(path: Path) -> str:
    words = re.sub(r"[_\s]+", " ", path.stem.replace("-", " ")).strip()
    return (words[:1].upper() + words[1:]) if words else "Added document"


def _plain_heading(markdown_text: str) -> str:
    """The text of a Markdown heading without its inline markup."""
    import markdown

    html = markdown.markdown(markdown_text)
    from html import unescape

    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]*>", "", html))).strip()


def read_markdown(text: str, path: Path) -> Document:
    """Front matter is read for a title and summary and then left out (other tools add keys we refuse)."""
    try:
        post = frontmatter.loads(text)
        metadata, body = dict(post.metadata), post.content
    except yaml.YAMLError:
        metadata, body = {}, text
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title, first = "", None
    in_fence = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence or not line.strip():
            continue
        if first is None:
            first = index
        atx = _ATX.match(line)
        if atx:
            title, span = _plain_heading(atx.group(2)), (index, index + 1)
            break
        if index + 1 < len(lines) and _SETEXT.match(lines[index + 1]) and not _ATX.match(line) \
                and (index == 0 or not lines[index - 1].strip()):
            title, span = _plain_heading(line), (index, index + 2)
            break
    if title and span[0] == first:
        del lines[span[0]:span[1]]  # the reader shows the title above the text already
    meta_title = metadata.get("title")
    if isinstance(meta_title, str) and meta_title.strip():
        title = meta_title.strip()
    summary = metadata.get("summary") or metadata.get("description") or ""
    return Document(title or title_from_name(path), "\n".join(lines).strip() + "\n",
                    summary if isinstance(summary, str) else "")


def read_text(text: str, path: Path) -> Document:
    """Plain text: paragraphs split at blank lines, every character shown as written."""
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    blocks = []
    for paragraph in paragraphs:
        lines = [escape_line_start(escape_text(line.strip()))
                 for line in paragraph.split("\n") if line.strip()]
        if lines:
            blocks.append("\n".join(lines))
    return Document(title_from_name(path), "\n\n".join(blocks) + "\n")


def read_document(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in MARKDOWN_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES:
        raise PackError(Text(QT_TR_NOOP("{name}: only Markdown (.md), plain text (.txt) or web pages (.html) can be "
                                        "added as documents"), name=path.name))
    text = _decode(_read_bounded(path, limits.max_document_bytes), path.name).replace("\x00", "")
    try:
        if suffix in HTML_SUFFIXES:
            check_html(text)
            converted = html_to_markdown(text)
            document = Document(converted.title or title_from_name(path), converted.markdown)
        elif suffix in MARKDOWN_SUFFIXES:
            document = read_markdown(text, path)
        else:
            document = read_text(text, path)
    except StructureProblem as problem:
        where = f"{path.name}:{problem.line}" if problem.line else path.name
        raise PackError(Text(QT_TR_NOOP("{where}: {message}"), where=where, message=problem.message)) from None
    except RecursionError:
        raise PackError(Text(QT_TR_NOOP("{name}: its structure is nested too deeply to show"),
                             name=path.name)) from None
    if not document.markdown.strip():
        raise PackError(Text(QT_TR_NOOP("{name} has no text to add"), name=path.name))
    document = Document(" ".join(document.title.split())[:TITLE_LIMIT].strip() or title_from_name(path),
                        document.markdown, document.summary[:1000])
    # Checked here, so that a refusal names the user's file and its line, not the copy.
    try:
        check_text(document.markdown)
    except StructureProblem as problem:
        where = f"{path.name}:{problem.line}" if problem.line and suffix in MARKDOWN_SUFFIXES else path.name
        raise PackError(Text(QT_TR_NOOP("{where}: {message}"), where=where, message=problem.message)) from None
    problems = problems_in(Section(IMPORTED_KIND, document.title, IMPORTED_KIND, path, document.markdown,
                                   pack=IMPORTED_KIND), every=True)
    if problems:
        raise describe(problems, path.name, text)
    return document


def make_id(title: str, taken: Collection[str]) -> str:
    """An id from the title (lower-case ASCII words joined by hyphens), unique among ``taken``."""
    words = re.sub(r"[\W_]+", " ", title)
    ascii_title = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:56].strip("-") or "document"
    candidate, counter = base, 1
    while candidate in taken:
        counter += 1
        candidate = f"{base}-{counter}"
    return candidate


def _new_manifest(pack: str) -> dict[str, Any]:
    title = DEFAULT_PACK_TITLE if pack == DEFAULT_PACK else pack.replace("-", " ").capitalize()
    return {"name": pack, "title": title, "language": "en-GB", "sections": []}


def import_document(path: Path, pack: str = DEFAULT_PACK, *, listener: SectionsListener | None = None,
                    limits: Limits = DEFAULT_LIMITS) -> Section:
    """Add ``path`` as a new section at the end of ``pack`` (made if missing); returns the section."""
    if not ID_PATTERN.match(pack) or pack in RESERVED_NAMES:
        raise PackError(Text(QT_TR_NOOP("'{pack}' cannot be a pack name: use lower-case letters, digits and hyphens "
                                        "(and not 'guide')"), pack=pack))
    document = read_document(Path(path), limits)
    store.tidy()
    target = store.packs_dir() / pack
    known = store.known_except(pack)
    try:
        with store.staging_folder() as staging:
            root = staging / pack
            if target.is_dir():
                shutil.copytree(target, root, symlinks=True)
                try:
                    manifest = yaml.safe_load(read_content_file(root / MANIFEST_NAME, MAX_MANIFEST_BYTES))
                except (ContentError, yaml.YAMLError, RecursionError):
                    manifest = None
                if not isinstance(manifest, dict) or not isinstance(manifest.get("sections"), list):
                    raise PackError(Text(QT_TR_NOOP("the pack '{pack}' has a damaged {manifest}: remove it and "
                                                    "try again"), pack=pack, manifest=MANIFEST_NAME))
            else:
                root.mkdir()
                manifest = _new_manifest(pack)
            taken = set(known) | {str(entry.get("id")) for entry in manifest["sections"]
                                  if isinstance(entry, dict)}
            section_id = make_id(document.title, taken)
            file_name = f"{section_id}.md"
            counter = 1
            while (root / file_name).exists():
                counter += 1
                file_name = f"{section_id}-{counter}.md"
            front = {"source": f"Added from the file {Path(path).name}"}
            if document.summary:
                front["summary"] = document.summary.strip()
            header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
            (root / file_name).write_text(f"---\n{header}---\n{document.markdown}", encoding="utf-8")
            manifest["sections"].append({"id": section_id, "file": file_name, "title": document.title,
                                         "kind": IMPORTED_KIND, "tags": []})
            (root / MANIFEST_NAME).write_text(
                "# Documents added with the reader's import command or menu.\n"
                + yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
            loaded = load_pack(root, known)
            added = loaded.get(section_id)
            assert added is not None, "load_pack returns the section just written"
            prove([added], root, loaded, name_of=lambda _section: Path(path).name)
            section = store.moved([added], root, target)[0]
            store.swap_in(root, target)
    except OSError as error:  # a full or read-only disk: the staging copy is gone, nothing changed
        raise PackError(Text(QT_TR_NOOP("{name} could not be added ({error}); nothing was changed"),
                             name=Path(path).name, error=error.strerror or error)) from None
    if listener is not None:
        listener.on_sections_added([section])
    return section
