"""The pronunciation list: how the voice says local names and terms.

Shipped entries come from ``pronunciations.yaml`` beside this module; the listener's own
live in ``pronunciations.json`` in the user's data folder, written atomically, and win over
shipped ones for the same word. Entries rewrite only the spoken text, through
:class:`~reader.speech.mapping.MappedText`, so highlighting still lands on the displayed words.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from reader import atomic, paths, userfile
from reader.speech.mapping import MappedText

SHIPPED_FILE = Path(__file__).with_name("pronunciations.yaml")
USER_FILE_NAME = "pronunciations.json"
MAX_WORD = 100
MAX_SAY = 200


class PronunciationError(ValueError):
    """A pronunciation file or entry that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Pronunciation:
    """Say ``word`` as ``say``; ``match_case`` makes "Nesta" differ from "nesta"."""

    word: str
    say: str
    match_case: bool = False
    why: str = ""

    def problem(self) -> str | None:
        """Why this entry cannot be used, or None."""
        if not self.word.strip():
            return "the word is empty"
        if not self.say.strip():
            return f"“{self.word}” has nothing to say instead"
        if len(self.word) > MAX_WORD or len(self.say) > MAX_SAY:
            return f"“{self.word[:40]}” is too long (at most {MAX_WORD} characters, and {MAX_SAY} to say)"
        if any(ch in self.word + self.say for ch in "\n\r\t\0"):
            return f"“{self.word[:40]}” contains a line break or tab"
        return None


def _entry(raw: object, where: str) -> Pronunciation:
    if not isinstance(raw, dict) or not isinstance(raw.get("word"), str) or not isinstance(raw.get("say"), str):
        raise PronunciationError(f"{where}: each entry needs a “word” and a “say” (text)")
    entry = Pronunciation(raw["word"].strip(), raw["say"].strip(), bool(raw.get("match_case", False)),
                          str(raw.get("why", "")))
    problem = entry.problem()
    if problem:
        raise PronunciationError(f"{where}: {problem}")
    return entry


def shipped() -> list[Pronunciation]:
    import yaml  # only when the shipped list is first read, not while the window starts

    raw = yaml.safe_load(SHIPPED_FILE.read_text(encoding="utf-8")) or []
    return [_entry(item, f"{SHIPPED_FILE.name}, entry {n}") for n, item in enumerate(raw, 1)]


def user_file() -> Path:
    return paths.data_dir() / USER_FILE_NAME


def load_user(path: Path | None = None) -> list[Pronunciation]:
    """The listener's entries; a missing file is an empty list, a damaged one an error (never overwritten)."""
    path = path or user_file()
    try:
        raw = userfile.read_json(path)
    except userfile.UnreadableFile as error:
        raise PronunciationError(f"Your pronunciation list ({path}) could not be read: {error}") from error
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise PronunciationError(f"Your pronunciation list ({path}) is not a list of entries")
    return [_entry(item, f"{path.name}, entry {n}") for n, item in enumerate(raw, 1)]


def save_user(entries: Iterable[Pronunciation], path: Path | None = None) -> None:
    entries = list(entries)
    for entry in entries:
        problem = entry.problem()
        if problem:
            raise PronunciationError(problem)
    atomic.write_json(path or user_file(), [{k: v for k, v in asdict(e).items() if v or k in ("word", "say")}
                                            for e in entries])


class Lexicon:
    """Whole-word replacements, longest word first, applied to spoken text only."""

    def __init__(self, entries: Iterable[Pronunciation]) -> None:
        merged: dict[str, Pronunciation] = {}
        for entry in entries:  # later entries (the listener's) win
            merged[entry.word if entry.match_case else entry.word.casefold()] = entry
        self.entries = tuple(merged.values())
        self._exact = {e.word: e.say for e in self.entries if e.match_case}
        self._folded = {e.word.casefold(): e.say for e in self.entries if not e.match_case}
        words = sorted(self.entries, key=lambda e: len(e.word), reverse=True)
        alternatives = [re.escape(e.word) if e.match_case else f"(?i:{re.escape(e.word)})" for e in words]
        self._pattern = (re.compile(rf"(?<![\w’'-])(?:{'|'.join(alternatives)})(?![\w-])")
                         if alternatives else None)
        self.version = hashlib.sha1(json.dumps([asdict(e) for e in self.entries]).encode()).hexdigest()[:12]

    def say(self, word: str) -> str:
        return self._exact.get(word) or self._folded.get(word.casefold(), word)

    def apply(self, text: MappedText) -> MappedText:
        if self._pattern is None:
            return text
        return text.sub(self._pattern, lambda match: self.say(match.group(0)))


def load_lexicon(user_path: Path | None = None) -> tuple[Lexicon, str | None]:
    """Shipped plus the listener's entries, and a problem to show if their file could not be used."""
    try:
        return Lexicon([*shipped(), *load_user(user_path)]), None
    except PronunciationError as error:
        return Lexicon(shipped()), str(error)
