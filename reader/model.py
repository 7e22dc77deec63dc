"""The guide as the rest of the app sees it: ordered sections with their metadata."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

_WORD = re.compile(r"[\w’'-]+")
_MARKUP = re.compile(r"\]\([^)]*\)|[#>*_`\[\]!]|\{[^}]*\}")


@dataclass(frozen=True)
class Section:
    """One page of the guide: a Markdown file plus the manifest's description of it."""

    id: str
    title: str
    kind: str
    path: Path
    body: str
    tags: tuple[str, ...] = ()
    parent: str | None = None
    summary: str = ""
    pack: str = "guide"

    @property
    def word_count(self) -> int:
        return len(_WORD.findall(_MARKUP.sub(" ", self.body)))


@dataclass
class Guide:
    """Sections in reading order, with the look-ups that navigation needs."""

    title: str
    sections: list[Section]
    language: str = "en-GB"  # BCP 47 tag from the manifest: picks the voice that reads it
    _by_id: dict[str, Section] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {section.id: section for section in self.sections}

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
        return next((s for s in self.sections if s.path.resolve() == resolved), None)

    def kinds(self) -> list[str]:
        return sorted({s.kind for s in self.sections})

    def tags(self) -> list[str]:
        return sorted({tag for s in self.sections for tag in s.tags})

    def extended(self, extra: Sequence[Section]) -> Guide:
        """A new guide with more sections appended (added content packs)."""
        return Guide(self.title, [*self.sections, *extra], self.language)
