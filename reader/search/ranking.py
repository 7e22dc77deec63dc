"""What a person reads first: the guide before the reader's own help, each passage once.

Whoosh scores each passage on its own. Three rules on top of that score make the list usable:

* **Phrases hold the phrase.** The index drops stop words and pairs neighbouring stems, so
  "the default value" would also find "default of value" or "defaults. Value". A quoted
  phrase is checked against the passage's own words, stop words included.
* **The guide's text first.** The help and glossary explain the reader and restate the guide
  in other words; they come after every one of the guide's passages unless the query is about
  using the reader (a word of :data:`READER_WORDS`). A question about what a word means
  ("what is co-design", "meaning of mutuality") is the glossary's to answer: it then ranks with
  the guide.
* **Each passage once.** Identical or near-identical passages (the same sentence on several
  pages, a short entry per example), or passages whose extracts read the same, collapse into
  the best-scored one, which says where else it appears.

Plain data and the analysis rules only: no Whoosh, so it is tested and reasoned about alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from reader.search.analysis import JOINED_PREFIXES, TOKEN, fold, join_prefixes, keep, normalise, second_part, stem
from reader.search.snippets import Highlighter

#: Kinds of section that are about the reader or restate the guide: listed after the guide's own.
SECONDARY_KINDS = frozenset({"help", "glossary"})
#: Query words (stemmed) that ask about using the reader rather than about co-production.
READER_WORDS = frozenset(stem(word) for word in (
    "reader", "keyboard", "key", "keys", "shortcut", "search", "searching", "bookmark", "font", "theme",
    "zoom", "aloud", "speech", "voice", "listen", "listening", "contents", "pack", "size", "print",
    "ruler", "setting", "preferences", "screen", "spacing", "dyslexia", "contrast", "import", "audio",
    "mp3", "help", "menu", "window",
))
#: Passages at least this alike (shared words over all words) count as the same passage.
NEAR_IDENTICAL = 0.8
MIN_WORDS_TO_COMPARE = 6

_QUOTED = re.compile(r'"([^"]+)"(~\d+)?')


def about_the_reader(text: str) -> bool:
    """Whether a query asks how to use the reader (then the help is not weighed down)."""
    return any(stem(normalise(m.group())) in READER_WORDS for m in TOKEN.finditer(text))


_MEANING = re.compile(r"^\s*(?:what\s+(?:is|are|does)|define|definition|meaning)\b|\bmeans?\s*\??\s*$",
                      re.IGNORECASE)


def asks_meaning(text: str) -> bool:
    """Whether a query asks what a word means."""
    return bool(_MEANING.search(text))


def tier(kind: str, about_reader: bool, meaning: bool = False) -> int:
    """0 for the guide's own text, 1 for the help and glossary (0 for all when about the reader,
    0 for the glossary when the question is what a word means)."""
    if about_reader or kind not in SECONDARY_KINDS or (meaning and kind == "glossary"):
        return 0
    return 1


# Phrases -----------------------------------------------------------------------------------

def _stems(text: str) -> list[str]:
    """Every word of ``text`` as a stem, stop words included (they are part of a phrase)."""
    return [stem(word) if keep(word) else word for word in (normalise(m.group()) for m in TOKEN.finditer(text))]


def _forms(folded: str) -> list[frozenset[str]]:
    """Each word of a passage (already folded, see :func:`fold`) as the stems it can match:
    "co-production" is also "production", as indexed. Each word as written is analysed once
    (checking every candidate of a common phrase word by word was most of a phrase search's time)."""
    return [_word_forms(match.group()) for match in TOKEN.finditer(folded)]


@lru_cache(maxsize=100_000)
def _word_forms(word: str) -> frozenset[str]:
    raw = word
    if not word.isalnum():
        word = normalise(word)
    if not keep(word):
        return frozenset((word,))
    part = second_part(raw, word) if word.startswith(JOINED_PREFIXES) else None
    return frozenset((stem(word), stem(part))) if part else frozenset((stem(word),))


def quoted_phrases(query: str) -> tuple[tuple[str, ...], ...]:
    """The exact phrases a query asks for ("quoted", two words or more, no slop), as stems."""
    found = []
    for match in _QUOTED.finditer(join_prefixes(query)):
        if match.group(2):
            continue  # "words near each other"~3 is not an exact phrase
        stems = tuple(_stems(match.group(1)))
        if len(stems) > 1:
            found.append(stems)
    return tuple(found)


def holds(text: str, phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether ``text`` holds every phrase, word for word (stems, stop words included).

    A regular expression over the folded text (each stem, less its last letters, as the start of a
    word) turns most passages away first, at C speed; only those it lets through are checked word
    for word."""
    phrases = tuple(phrases)
    folded = fold(text)
    if not all(_rough(phrase).search(folded) for phrase in phrases):
        return False
    forms = _forms(folded)
    return all(_contains(forms, phrase) for phrase in phrases)


@lru_cache(maxsize=64)
def _rough(phrase: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern every passage holding ``phrase`` matches (and a few more): stop words, and each
    stem's first letters, as a word's start (Porter changes at most a word's last letters), the
    prefixed "co" with or without its joiner."""
    parts = []
    for word in phrase:
        # A stop word as written, but a stem can be one too ("use" → "us"): every part may go on.
        start = word if not keep(word) else word[:max(2, len(word) - 2)]
        for prefix in JOINED_PREFIXES:
            if start.startswith(prefix) and len(start) > len(prefix):
                start = f"{prefix}[\\W_]*{re.escape(start[len(prefix):])}"
                break
        else:
            start = re.escape(start)
        parts.append(f"{start}\\w*")
    return re.compile(r"(?<!\w)" + r"\W+".join(parts))


def _contains(forms: Sequence[frozenset[str]], phrase: tuple[str, ...]) -> bool:
    size, first = len(phrase), phrase[0]
    last = len(forms) - size
    return any(i <= last and all(word in forms[i + j] for j, word in enumerate(phrase[1:], 1))
               for i, form in enumerate(forms) if first in form)


# Near-identical passages ---------------------------------------------------------------------

class Candidate:
    """A matching passage, its tier (see :func:`tier`) and the places of the passages folded into it.
    Its stored fields are read only when it is looked at."""

    __slots__ = ("also", "docnum", "extract", "fields", "score", "tier")

    def __init__(self, tier: int, score: float, docnum: int, fields: dict[str, Any] | None = None) -> None:
        self.tier = tier
        self.score = score
        self.docnum = docnum
        self.fields = fields
        self.also: list[tuple[str, str, str]] = []  # (section, title, anchor) of twins
        self.extract: Any = None  # reader.search.snippets.Extract, once made

    def place(self) -> tuple[str, str, str]:
        assert self.fields is not None
        return self.fields["section"], self.fields["title"], self.fields["anchor"]


def fingerprint(text: str) -> frozenset[str]:
    """The passage's words, folded in one pass: what :func:`alike` compares."""
    return frozenset(TOKEN.findall(fold(text)))


def alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """Near-identical: the same words, or (for passages long enough to judge) nearly the same."""
    if a == b:
        return True
    smaller, larger = sorted((len(a), len(b)))
    if smaller < MIN_WORDS_TO_COMPARE or smaller / larger < NEAR_IDENTICAL:
        return False  # shared over all is at most smaller over larger: no need to count
    return len(a & b) / len(a | b) >= NEAR_IDENTICAL


def collapse(candidates: list[Candidate], highlighter: Highlighter, load: Callable[[int], dict[str, Any]],
             limit: int) -> tuple[list[Candidate], int]:
    """Fold each near-identical passage into the best-ranked one before it (``candidates`` are best
    first) until ``limit`` are kept, reading (``load``) and extracting only what is looked at;
    returns the kept ones and how many were folded."""
    kept: list[tuple[frozenset[str], Candidate]] = []
    # A text seen before folds into the passage it was alike to, or that kept it, then: passages kept
    # since come after that one, so the same words meet it first again. Repeated passages are common.
    by_text: dict[str, Candidate] = {}
    folded = 0
    for candidate in candidates:
        if len(kept) >= limit:
            break
        if candidate.fields is None:
            candidate.fields = load(candidate.docnum)
        text = candidate.fields["text"]
        if text in by_text:
            by_text[text].also.append(candidate.place())
            folded += 1
            continue
        words = fingerprint(text)
        twin = next((c for w, c in kept if alike(w, words)), None)
        if twin is not None:  # kept passages are only ever added after it: this stays the first alike
            by_text[text] = twin
        else:  # the extract only when the words differ: most twins are found without it
            candidate.extract = highlighter.extract(candidate.fields["text"])
            shown = candidate.extract.text
            twin = next((c for _, c in kept if c.extract.text == shown), None)
        if twin is None:
            kept.append((words, candidate))
            by_text[text] = candidate
        else:
            twin.also.append(candidate.place())
            folded += 1
    return [c for _, c in kept], folded
