"""How the rest of the reader hears about sections coming and going (the search index, the window)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from reader.model import Section


class SectionsListener(Protocol):
    """Told after a change is on disk, so a listener never sees content that was then refused."""

    def on_sections_added(self, sections: Sequence[Section]) -> None: ...

    def on_sections_removed(self, section_ids: Sequence[str]) -> None: ...
