"""Make the talking book: sections in reading order, spoken with read-aloud's pipeline, written atomically.

A cancelled or failed build raises before anything reaches the target name: the book is
written to a temporary file beside it and renamed only once complete.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader import atomic
from reader.book.narration import Encoder, Progress, narrate
from reader.book.package import BookInfo, BookSection, write_epub
from reader.book.xhtml import content_document, ids_in, section_linker
from reader.html_tree import parse
from reader.model import Guide, Section
from reader.render import render_section
from reader.speech.engine import DEFAULT_RATE, SpeechEngine
from reader.speech.export import ExportCancelled
from reader.speech.prepare import Script, block_classes, prepare_blocks
from reader.speech.pronounce import Lexicon
from reader.translatable import QT_TR_NOOP, Text

SUMMARY_AUDIO = (
    "The whole text with a synthetic voice reading it aloud: each sentence is highlighted as it is heard. "
    "Every section has a heading and is listed in the table of contents; headings, lists and tables are marked "
    "up as such. The pictures of the printed guide are not included; what they showed is said in words in the "
    "text. There are no page numbers, as there is no print edition to match."
)
SUMMARY_TEXT = (
    "The whole text, with no audio. Every section has a heading and is listed in the table of contents; "
    "headings, lists and tables are marked up as such. The pictures of the printed guide are not included; what "
    "they showed is said in words in the text. There are no page numbers, as there is no print edition to match."
)


@dataclass(frozen=True)
class BookResult:
    path: Path
    size: int
    duration_ms: float  # 0 for a book without audio
    sections: int
    sentences: int


@dataclass(frozen=True)
class _Prepared:
    section: Section
    key: str
    markup: str
    script: Script
    block_texts: dict[str, str]


def file_keys(sections: Sequence[Section]) -> dict[str, str]:
    """Section id → a file name stem that is safe in a zip, a URL and an XML id (and unique)."""
    keys: dict[str, str] = {}
    used: set[str] = set()
    for section in sections:
        key = re.sub(r"[^a-z0-9-]+", "-", section.id.lower()).strip("-") or "section"
        candidate, counter = key, 1
        while candidate in used or candidate in ("nav", "book"):
            counter += 1
            candidate = f"{key}-{counter}"
        used.add(candidate)
        keys[section.id] = candidate
    return keys


def _prepare(guide: Guide, sections: Sequence[Section], lexicon: Lexicon | None) -> list[_Prepared]:
    keys = file_keys(sections)
    prepared = []
    for section in sections:
        rendered = render_section(section, guide)
        script = Script(section.id, section.title,
                        tuple(prepare_blocks(section.id, rendered.blocks, lexicon, block_classes(rendered.html))))
        prepared.append(_Prepared(section, keys[section.id], rendered.html, script,
                                  {block.anchor: block.text for block in rendered.blocks}))
    return prepared


def build_book(guide: Guide, path: Path, *, sections: Sequence[Section] | None = None,
               engine: SpeechEngine | None = None, voice: str = "", rate: int = DEFAULT_RATE,
               lexicon: Lexicon | None = None, progress: Progress | None = None,
               cancel: threading.Event | None = None, narrator: str = "") -> BookResult:
    """The book of ``sections`` (default: all of ``guide``); without ``engine``, a book with no audio."""
    chosen = list(sections if sections is not None else guide.sections)
    if not chosen:
        raise ValueError("there are no sections to put in the book")
    prepared = _prepare(guide, chosen, lexicon)
    file_of = {item.section.id: f"{item.key}.xhtml" for item in prepared}
    ids_of = {item.section.id: ids_in(parse(item.markup)) for item in prepared}
    link = section_linker(file_of, ids_of)
    keys = {item.section.id: item.key for item in prepared}
    total = sum(len(item.script) for item in prepared)
    done = 0
    built: list[BookSection] = []
    with Encoder() as encoder:
        for item in prepared:
            if cancel is not None and cancel.is_set():
                raise ExportCancelled()
            document = content_document(item.section.title, guide.language, item.section.kind, item.markup,
                                        item.script.utterances, item.block_texts, link)
            narration = None
            if engine is not None and item.script.utterances:
                narration = narrate(engine, item.script, voice=voice, rate=rate, progress=progress, cancel=cancel,
                                    counted=(done, total), encoder=encoder)
            done += len(item.script)
            if progress is not None and engine is None:
                progress(done, total, item.section.title)
            parent = item.section.parent
            built.append(BookSection(item.key, item.section.title, keys.get(parent) if parent else None,
                                     document.xhtml, document.sentence_ids, narration))
        for section in built:  # the last sections' audio may still be encoding
            if section.narration is not None:
                section.narration.encoded.result()
    if cancel is not None and cancel.is_set():
        raise ExportCancelled()
    identity = "\n".join([guide.title, voice if engine else "text", str(rate)] + [s.id for s in chosen])
    info = BookInfo(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, identity)}", guide.title, guide.language,
                    SUMMARY_AUDIO if engine is not None else SUMMARY_TEXT, narrator if engine else "")
    with atomic.replacing(path, suffix=".part") as temporary:
        write_epub(temporary, info, built)
        size = temporary.stat().st_size
    _shareable(path)
    duration = sum(s.narration.duration_ms for s in built if s.narration is not None)
    return BookResult(path, size, duration, len(built), total)


def _shareable(path: Path) -> None:
    """A book is made to be copied and shared: the usual permissions (the atomic write makes it private)."""
    mask = os.umask(0)
    os.umask(mask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~mask)


def file_size(size: int) -> str:
    """``9.5 MB`` or ``24 KB``: a text-only book is far below a megabyte and should not say 0.0 MB."""
    if size >= 1e6:
        return Text(QT_TR_NOOP("{megabytes:.1f} MB"), megabytes=size / 1e6)
    return Text(QT_TR_NOOP("{kilobytes} KB"), kilobytes=max(1, round(size / 1e3)))


def listening_time(ms: float) -> str:
    """``1 h 02 min``, ``31 min 5 s``: how long the book takes to hear, in plain words."""
    seconds = round(ms / 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return Text(QT_TR_NOOP("{hours} h {minutes:02d} min"), hours=hours, minutes=minutes)
    return Text(QT_TR_NOOP("{minutes} min {seconds} s"), minutes=minutes, seconds=seconds)
