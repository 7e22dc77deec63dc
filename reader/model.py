"""The guide as the rest of the app sees it: ordered sections with their metadata.

:class:`Section` and :class:`Guide` are plain classes that compare, hash and print as dataclasses
would: a command-line search makes them at every start, and ``dataclasses`` (with ``inspect``,
which it imports) was a tenth of that search's own time."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from reader.lazy_log import LazyLogger

log = LazyLogger(__name__)


@cache
def _word_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A word, and the Markdown left out when words are counted: compiled when first counted."""
    return re.compile(r"[\w’'-]+"), re.compile(r"\]\([^)]*\)|[#>*_`\[\]!]|\{[^}]*\}")


class _Unread:
    """The body of a section listed from the library cache: read from its file when first needed."""

    def __repr__(self) -> str:
        return "<unread>"


UNREAD: Any = _Unread()


class _Body:
    """``Section.body``: the Markdown given, or (when :data:`UNREAD`) read from the file on first use,
    so listing ten thousand sections costs no file reads."""

    def __get__(self, section: Section | None, owner: type | None = None) -> Any:
        if section is None:
            return UNREAD
        body = section.__dict__["_body"]
        if body is UNREAD:
            from reader.loader import ContentError, read_body

            try:
                body = read_body(section.path)
            except (ContentError, ValueError) as error:  # changed on disk since it was listed
                log.warning("section %s could not be read: %s", section.id, error)
                body = ""
            section.__dict__["_body"] = body
        return body

    def __set__(self, section: Section, value: str) -> None:
        section.__dict__["_body"] = value


class _PathField:
    """``Section.path``: the library cache gives a string (making ten thousand ``Path`` objects
    costs more than the rest of the listing); it becomes a ``Path`` when first used."""

    def __get__(self, section: Section | None, owner: type | None = None) -> Any:
        if section is None:
            raise AttributeError("path")
        path = section.__dict__["_path"]
        if isinstance(path, str):
            path = section.__dict__["_path"] = Path(path)
        return path

    def __set__(self, section: Section, value: Path | str) -> None:
        section.__dict__["_path"] = value


_SECTION_FIELDS = ("id", "title", "kind", "path", "body", "tags", "parent", "summary", "pack", "replaces")


class Section:
    """One page of the guide: a Markdown file plus the manifest's description of it. Immutable:
    equal, and hashed alike, when every field but ``known_digest`` is equal."""

    __match_args__ = _SECTION_FIELDS
    id: str
    title: str
    kind: str
    path: Path = _PathField()  # type: ignore[assignment]
    body: str = _Body()  # type: ignore[assignment]  # omitted: read from ``path`` when needed
    tags: tuple[str, ...]
    parent: str | None
    summary: str
    pack: str
    replaces: str | None  # a pack's full page takes the place of this section (a short entry)
    # sha256 of the body, known without reading it when listed from the library cache
    known_digest: str

    def __init__(self, id: str, title: str, kind: str, path: Path | str, body: str = UNREAD,
                 tags: tuple[str, ...] = (), parent: str | None = None, summary: str = "", pack: str = "guide",
                 replaces: str | None = None, known_digest: str = "") -> None:
        self.__dict__.update(id=id, title=title, kind=kind, _path=path, _body=body, tags=tags, parent=parent,
                             summary=summary, pack=pack, replaces=replaces, known_digest=known_digest)

    @classmethod
    def listed(cls, id: str, title: str, kind: str, path: str, tags: tuple[str, ...], parent: str | None,
               summary: str, pack: str, replaces: str | None, known_digest: str) -> Section:
        """A section listed from the library cache, body unread: the same as ``Section(...)`` with
        ``body=UNREAD``, made without a call to ``__init__`` (ten thousand of them are listed)."""
        section = object.__new__(cls)
        section.__dict__.update(id=id, title=title, kind=kind, _path=path, _body=UNREAD, tags=tags, parent=parent,
                                summary=summary, pack=pack, replaces=replaces, known_digest=known_digest)
        return section

    def copy(self, **changes: Any) -> Section:
        """The same section with some fields changed (``dataclasses.replace``): the others,
        ``known_digest`` too, are copied as they are (the body read if it was not)."""
        values = {name: getattr(self, name) for name in (*_SECTION_FIELDS, "known_digest")}
        values.update(changes)
        return Section(**values)

    def _values(self) -> tuple[Any, ...]:
        return (self.id, self.title, self.kind, self.path, self.body, self.tags, self.parent, self.summary,
                self.pack, self.replaces)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Section)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = zip(_SECTION_FIELDS, self._values(), strict=True)
        return "Section(" + ", ".join(f"{name}={value!r}" for name, value in fields) + ")"

    def __setattr__(self, name: str, value: Any) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    @property
    def loaded(self) -> bool:
        """Whether the body is in memory (given, or read since)."""
        return self.__dict__["_body"] is not UNREAD

    @property
    def digest(self) -> str:
        """A hash of the body, for the search index's fingerprint: from the cache when listed from it."""
        if self.known_digest:
            return self.known_digest
        return body_digest(self.body)

    @property
    def word_count(self) -> int:
        word, markup = _word_patterns()
        return len(word.findall(markup.sub(" ", self.body)))


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class Guide:
    """Sections in reading order, with the look-ups that navigation needs."""

    __match_args__ = ("title", "sections", "language", "replaced")

    def __init__(self, title: str, sections: list[Section], language: str = "en-GB",
                 replaced: dict[str, Section] | None = None) -> None:
        self.title = title
        self.sections = sections
        self.language = language  # BCP 47 tag from the manifest: picks the voice that reads it
        #: Sections a pack's page took the place of, by id: links, bookmarks and history that name
        #: them open the page that replaced them.
        self.replaced: dict[str, Section] = {} if replaced is None else replaced
        self._by_id = {section.id: section for section in self.sections}
        for old_id, old in self.replaced.items():
            self._by_id.setdefault(old_id, self._replacement(old_id) or old)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Guide)
        # The look-up by id is made from these: equal whenever they are.
        return ((self.title, self.sections, self.language, self.replaced)
                == (other.title, other.sections, other.language, other.replaced))

    __hash__ = None  # type: ignore[assignment]  # it can change: not a dictionary key

    def __repr__(self) -> str:
        return (f"Guide(title={self.title!r}, sections={self.sections!r}, language={self.language!r}, "
                f"replaced={self.replaced!r})")

    def _replacement(self, old_id: str) -> Section | None:
        return next((s for s in self.sections if s.replaces == old_id), None)

    def __iter__(self) -> Iterator[Section]:
        return iter(self.sections)

    def __len__(self) -> int:
        return len(self.sections)

    def __contains__(self, section_id: object) -> bool:
        return section_id in self._by_id

    def get(self, section_id: str) -> Section | None:
        return self._by_id.get(section_id)

    def first(self) -> Section:
        return self.sections[0]

    def position(self, section_id: str) -> int:
        """Zero-based reading position of a section."""
        return self.sections.index(self._by_id[section_id])

    def neighbour(self, section_id: str, step: int) -> Section | None:
        """The section ``step`` places before or after, or None at either end."""
        index = self.position(section_id) + step
        return self.sections[index] if 0 <= index < len(self.sections) else None

    def children(self, section_id: str | None) -> list[Section]:
        return [s for s in self.sections if s.parent == section_id]

    def by_file(self, path: Path) -> Section | None:
        resolved = path.resolve()
        found = next((s for s in self.sections if s.path.resolve() == resolved), None)
        if found is None:
            old = next((s for s in self.replaced.values() if s.path.resolve() == resolved), None)
            found = self.get(old.id) if old is not None else None
        return found

    def kinds(self) -> list[str]:
        return sorted({s.kind for s in self.sections})

    def tags(self) -> list[str]:
        return sorted({tag for s in self.sections for tag in s.tags})

    def extended(self, extra: Sequence[Section]) -> Guide:
        """A new guide with more sections (added content packs): appended, or in the place of
        the section they name in ``replaces``, under its parent unless they name their own."""
        sections, replaced = list(self.sections), dict(self.replaced)
        # Where each id is, so that 10,000 sections cost 10,000 look-ups, not 50 million comparisons.
        where: dict[str, int] = {}
        for i, s in enumerate(sections):
            where.setdefault(s.id, i)
        for section in extra:
            at = where.get(section.replaces) if section.replaces is not None else None
            if at is None:
                where.setdefault(section.id, len(sections))
                sections.append(section)
                continue
            old = sections[at]
            replaced[old.id] = old
            del where[old.id]
            where.setdefault(section.id, at)
            sections[at] = section.copy(parent=section.parent or old.parent)
        return Guide(self.title, sections, self.language, replaced)
