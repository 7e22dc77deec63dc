"""Back and forward through the places a reader has been, as in a web browser."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    section_id: str
    anchor: str = ""


class History:
    def __init__(self, limit: int = 200) -> None:
        self._back: list[Location] = []
        self._forward: list[Location] = []
        self._limit = limit

    def visit(self, leaving: Location | None) -> None:
        """Record the place being left for a new one; a new visit clears the forward list."""
        if leaving is not None:
            self._back.append(leaving)
            del self._back[: -self._limit]
        self._forward.clear()

    def keep_only(self, section_ids: Container[str]) -> None:
        """Forget places in sections that are gone (removed content), so Back never leads nowhere."""
        self._back = [place for place in self._back if place.section_id in section_ids]
        self._forward = [place for place in self._forward if place.section_id in section_ids]

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self, current: Location) -> Location | None:
        if not self._back:
            return None
        self._forward.append(current)
        return self._back.pop()

    def forward(self, current: Location) -> Location | None:
        if not self._forward:
            return None
        self._back.append(current)
        return self._forward.pop()
