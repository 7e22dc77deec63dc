"""Bookmarks and the "recently read" list: places in the guide the reader wants to come back to.

A place is a section and a paragraph anchor (``p3``, a heading's slug, or ``title``), so it
survives changes of text size, font and window width. Every change is written at once and
atomically, so a crash loses nothing; a file that cannot be read is kept aside, never
overwritten, and the reader starts with an empty list and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader import atomic, paths, userfile
from reader.translatable import QT_TR_NOOP, Text, message_of

FILE_VERSION = 1
LABEL_LIMIT = 200
RECENT_LIMIT = 12


def default_path() -> Path:
    return paths.data_dir() / "bookmarks.json"


@dataclass(frozen=True)
class Bookmark:
    id: str
    section_id: str
    anchor: str
    label: str
    created: str  # ISO 8601, UTC


@dataclass(frozen=True)
class Visit:
    """A section the reader had open, and the paragraph they were at."""

    section_id: str
    anchor: str
    when: str  # ISO 8601, UTC


def clean_label(label: str) -> str:
    """One line of at most :data:`LABEL_LIMIT` characters; raises ValueError when nothing is left."""
    text = " ".join(label.split())
    if not text:
        raise ValueError("A bookmark needs a name.")
    return text if len(text) <= LABEL_LIMIT else text[: LABEL_LIMIT - 1].rstrip() + "…"


def default_label(section_title: str, block_text: str = "", words: int = 8) -> str:
    """A name to offer for a new bookmark: the section's title and the paragraph's first words."""
    first = block_text.split()
    if not first or block_text.strip() == section_title.strip():
        return clean_label(section_title)
    start = " ".join(first[:words]) + ("…" if len(first) > words else "")
    return clean_label(f"{section_title}: {start}")


def _now() -> datetime:
    return datetime.now(UTC)


class Places:
    """The reader's bookmarks and recently read sections, kept in one JSON file."""

    def __init__(self, path: Path | None = None, clock: Callable[[], datetime] = _now,
                 recent_limit: int = RECENT_LIMIT, *, persist: bool = True) -> None:
        """``persist=False`` keeps everything in memory: nothing is read or written (a screenshot,
        or any window that must leave the user's own places alone)."""
        self.path = path or default_path()
        self.problem: str | None = None  # set when the file had to be set aside or repaired
        self._clock = clock
        self._recent_limit = recent_limit
        self._bookmarks: list[Bookmark] = []
        self._recent: list[Visit] = []
        self._extra: dict[str, Any] = {}  # top-level keys a newer version wrote: kept as they were
        self._item_extra: dict[tuple[str, str], dict[str, Any]] = {}  # the same inside each entry
        self._persist = persist
        self._writable = persist
        if persist:
            self._load()

    # Reading ------------------------------------------------------------------------------
    @property
    def bookmarks(self) -> list[Bookmark]:
        """Bookmarks in the order they were made."""
        return list(self._bookmarks)

    @property
    def recent(self) -> list[Visit]:
        """Recently read sections, the latest first, each section once."""
        return list(self._recent)

    def get(self, bookmark_id: str) -> Bookmark | None:
        return next((b for b in self._bookmarks if b.id == bookmark_id), None)

    def at(self, section_id: str, anchor: str) -> Bookmark | None:
        """The bookmark at exactly this place, if there is one."""
        return next((b for b in self._bookmarks if (b.section_id, b.anchor) == (section_id, anchor)), None)

    def in_section(self, section_id: str) -> list[Bookmark]:
        return [b for b in self._bookmarks if b.section_id == section_id]

    # Changing (each change is saved at once) --------------------------------------------------
    def add(self, section_id: str, anchor: str, label: str) -> Bookmark:
        if not section_id:
            raise ValueError("A bookmark needs a section.")
        import uuid  # it imports platform, which costs more at start-up than any bookmark

        bookmark = Bookmark(uuid.uuid4().hex, section_id, anchor, clean_label(label), self._stamp())
        self._bookmarks.append(bookmark)
        self.save()
        return bookmark

    def rename(self, bookmark_id: str, label: str) -> Bookmark:
        """Give a bookmark a new name; raises KeyError if it is gone, ValueError if the name is empty."""
        index = self._index(bookmark_id)
        renamed = replace(self._bookmarks[index], label=clean_label(label))
        self._bookmarks[index] = renamed
        self.save()
        return renamed

    def remove(self, bookmark_id: str) -> Bookmark:
        removed = self._bookmarks.pop(self._index(bookmark_id))
        self.save()
        return removed

    def record_visit(self, section_id: str, anchor: str = "") -> None:
        """Put a section at the top of the recently read list (once only), with the paragraph reached."""
        if not section_id:
            return
        self._recent = [v for v in self._recent if v.section_id != section_id]
        self._recent.insert(0, Visit(section_id, anchor, self._stamp()))
        del self._recent[self._recent_limit:]
        self._save_quietly()

    def clear_recent(self) -> None:
        self._recent = []
        self.save()

    def save(self) -> None:
        """Write the file atomically; OSError when the disk is full or something else holds its name."""
        if not self._writable:
            if not self._persist:
                return
            raise OSError(f"{self.path} is not a file the reader can write")
        atomic.write_json(self.path, {
            **self._extra,
            "version": FILE_VERSION,
            "bookmarks": [{**self._item_extra.get(("b", b.id), {}), **asdict(b)} for b in self._bookmarks],
            "recent": [{**self._item_extra.get(("r", v.section_id), {}), **asdict(v)} for v in self._recent],
        })

    def _save_quietly(self) -> None:
        """Recently read places are a convenience: failing to write them never stops reading."""
        try:
            self.save()
        except OSError as error:
            if self._persist and self.problem is None:
                self.problem = Text(QT_TR_NOOP("Recently read places cannot be saved ({error})."),
                                    error=error.strerror or error)

    # Inside ---------------------------------------------------------------------------------
    def _stamp(self) -> str:
        return self._clock().astimezone(UTC).isoformat(timespec="seconds")

    def _index(self, bookmark_id: str) -> int:
        for index, bookmark in enumerate(self._bookmarks):
            if bookmark.id == bookmark_id:
                return index
        raise KeyError(bookmark_id)

    def _load(self) -> None:
        try:
            raw = userfile.read_object(self.path)
        except userfile.UnreadableFile as error:
            self._writable = error.replaceable
            self.problem = Text(QT_TR_NOOP("Your bookmarks file could not be read ({error}); the reader starts "
                                           "with no bookmarks. {kept}"), error=message_of(error),
                                kept=userfile.keep_aside(self.path, error))
            return
        if raw is None:
            return
        version = raw.get("version", FILE_VERSION)
        if not isinstance(version, int) or isinstance(version, bool) or version > FILE_VERSION:
            # Written by a newer reader: kept whole before this one writes its own version.
            self.problem = Text(QT_TR_NOOP("Your bookmarks file was written by a newer version of the reader; "
                                           "this version shows what it understands. {kept}"),
                                kept=userfile.keep_copy(self.path, "newer"))
        self._extra = {key: value for key, value in raw.items() if key not in {"version", "bookmarks", "recent"}}
        bookmarks = [_bookmark(item) for item in _list(raw.get("bookmarks"))]
        recent = [_visit(item) for item in _list(raw.get("recent"))]
        self._bookmarks = [b for b, _ in filter(None, bookmarks)]
        self._recent = [v for v, _ in filter(None, recent)][: self._recent_limit]
        self._item_extra = {("b", b.id): extra for b, extra in filter(None, bookmarks) if extra}
        self._item_extra.update({("r", v.section_id): extra for v, extra in filter(None, recent) if extra})
        lost = bookmarks.count(None) + recent.count(None)
        bad_lists = not all(isinstance(raw.get(key, []), list) for key in ("bookmarks", "recent"))
        if (lost or bad_lists) and self.problem is None:
            self.problem = Text(QT_TR_NOOP("Some bookmarks or recently read places could not be read and were "
                                           "left out. {kept}"), kept=userfile.keep_copy(self.path))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _strings(item: Any, names: tuple[str, ...]) -> dict[str, str] | None:
    if not isinstance(item, dict) or not all(isinstance(item.get(name), str) for name in names):
        return None
    return {name: item[name] for name in names}


_BOOKMARK_FIELDS = ("id", "section_id", "anchor", "label", "created")
_VISIT_FIELDS = ("section_id", "anchor", "when")


def _bookmark(item: Any) -> tuple[Bookmark, dict[str, Any]] | None:
    """A bookmark as saved, and the fields this version does not know (kept for the one that does)."""
    values = _strings(item, _BOOKMARK_FIELDS)
    if values is None or not values["id"] or not values["section_id"] or not values["label"].strip():
        return None
    # The label is kept exactly as saved: only new names are cut to LABEL_LIMIT.
    extra = {key: value for key, value in item.items() if key not in _BOOKMARK_FIELDS}
    return Bookmark(**values), extra


def _visit(item: Any) -> tuple[Visit, dict[str, Any]] | None:
    values = _strings(item, _VISIT_FIELDS)
    if values is None or not values["section_id"]:
        return None
    return Visit(**values), {key: value for key, value in item.items() if key not in _VISIT_FIELDS}
