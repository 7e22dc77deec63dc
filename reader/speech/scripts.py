"""What reading aloud says, prepared once and kept: section scripts, the pronunciation list, where to start.

The window's Listen commands ask this service for a section's script (cached until the
content or the pronunciations change), for the sentence to start from, and to load and save
the listener's pronunciations. It imports no Qt, so its rules are tested on their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reader import userfile
from reader.model import Guide
from reader.render import Rendered
from reader.speech.prepare import Script, prepare_range, prepare_section
from reader.speech.pronounce import Lexicon, Pronunciation, PronunciationError, load_lexicon, load_user, save_user


def start_index(script: Script, anchor: str, offset: int, block_anchors: Sequence[str]) -> int:
    """The sentence to start reading from: the one at ``anchor`` (and ``offset`` in its text).

    A block with nothing to say (a portrait, an empty cell) starts at the next block that has
    words; no anchor, or one past the last words, starts at the top.
    """
    if not anchor:
        return 0
    index = script.index_at(anchor, offset)
    if index is not None:
        return index
    position = list(block_anchors).index(anchor) if anchor in block_anchors else -1
    return next((i for i, utterance in enumerate(script) if utterance.block_index > position), 0)


class SpeechScripts:
    """Section scripts and the pronunciation list, prepared on first use and forgotten when stale.

    ``report`` is told, once, of a pronunciation list that could not be used (the shipped list
    is used alone meanwhile).
    """

    def __init__(self, report: Callable[[str], None], user_file: Path | None = None) -> None:
        self.report = report
        self.user_file = user_file
        self._lexicon: Lexicon | None = None
        self._scripts: dict[str, Script] = {}

    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon, problem = load_lexicon(self.user_file)
            if problem:
                self.report(problem)
        return self._lexicon

    def section(self, guide: Guide, section_id: str, rendered: Rendered | None = None) -> Script:
        """The whole section's script; ``rendered`` (the page on screen) saves rendering it again."""
        if section_id not in self._scripts:
            section = guide.get(section_id)
            if section is None:
                raise KeyError(section_id)
            self._scripts[section_id] = prepare_section(section, guide, self.lexicon(), rendered)
        return self._scripts[section_id]

    def selection(self, guide: Guide, section_id: str, rendered: Rendered, start: tuple[str, int],
                  end: tuple[str, int]) -> Script:
        """Only the words between two (anchor, offset) places; never cached (selections differ)."""
        section = guide.get(section_id)
        if section is None:
            raise KeyError(section_id)
        return prepare_range(section, rendered, start, end, self.lexicon())

    def forget(self) -> None:
        """Content was added, removed or replaced: never read a section's old text."""
        self._scripts.clear()

    def forget_pronunciations(self) -> None:
        """The pronunciation list changed: every script is said differently now."""
        self._lexicon = None
        self._scripts.clear()

    # The listener's own pronunciations ------------------------------------------------------

    def user_entries(self) -> tuple[list[Pronunciation], str | None]:
        """The listener's entries, or none and a problem to show when their file is damaged."""
        try:
            return load_user(self.user_file), None
        except PronunciationError as error:
            return [], str(error)

    def save_user_entries(self, entries: Sequence[Pronunciation]) -> None:
        """Save the listener's entries; a damaged file is kept aside first (reader.userfile), never lost."""
        from reader.speech.pronounce import user_file

        path = self.user_file or user_file()
        try:
            load_user(path)
        except PronunciationError:
            userfile.keep_aside(path)
        save_user(entries, path)
        self.forget_pronunciations()
