"""How text becomes search terms, shared by the index, the query parser and the highlighter.

One tokeniser and one normalisation serve all three, so a word is highlighted exactly when
it can match. Two rules matter beyond the usual lower-casing, accent folding and English
stemming:

* **Prefixed compounds.** "co-production", "co production", "co–production" and
  "coproduction" must be the same word. The token pattern reads ``co`` followed by a
  hyphen, dash or spaces and a letter as part of the next word, and normalisation drops the
  joiner, so all of them index and search as ``coproduction`` (stemmed ``coproduct``). The
  query parser splits on spaces before it analyses words, so :func:`join_prefixes`
  rewrites the query text the same way first.
  The index also records the second half of such a word at the same position
  ("co-commissioning" is found by "commissioning", "co-design" by "design"); a joined
  spelling counts as two words only for the roots in :data:`JOINED_ROOTS`, as "cook" or
  "cooperate" must not be split. Queries never split, so "co-design" asks for exactly that.
* **Stop words** are dropped on both sides and positions are renumbered, so phrase queries
  match across them consistently.

This module imports no Whoosh at module level: the highlighter uses it in the window's
thread, where start-up must not pay for the search engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whoosh.analysis import Analyzer

#: Prefixes written joined, hyphenated or spaced ("co-design", "co design", "codesign").
JOINED_PREFIXES = ("co",)
_JOINERS = "\\-\u2010\u2011\u2012\u2013"  # hyphen-minus, hyphen, non-breaking hyphen, figure and en dash
_PREFIX_GROUP = "|".join(JOINED_PREFIXES)
#: Second halves that make a joined spelling ("coproduction", "codesign") two words too.
JOINED_ROOTS = ("produc", "design", "commission", "deliver", "assess", "creat", "evaluat", "research",
                "plan", "manag", "lead")

#: A word, optionally led by a joined prefix. ``\w+(?:\.?\w+)*`` keeps "e.g" and "3.5" whole.
TOKEN_PATTERN = (rf"(?:\b(?i:{_PREFIX_GROUP})(?:[\s{_JOINERS}]+)(?=[^\W\d_]))?"
                 r"\w+(?:\.?\w+)*")
TOKEN = re.compile(TOKEN_PATTERN)

MIN_WORD, MAX_WORD = 2, 40

#: Whoosh's English stop words (kept here so the highlighter needs no Whoosh import).
STOP_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "have", "if", "in",
    "is", "it", "may", "not", "of", "on", "or", "tbd", "that", "the", "this", "to", "us", "we",
    "when", "will", "with", "yet", "you", "your",
))

_QUERY_OPERATORS = "AND|OR|NOT|ANDNOT|ANDMAYBE|TO"
_QUERY_JOIN = re.compile(
    rf"\b((?i:{_PREFIX_GROUP}))[\s{_JOINERS}]+(?!(?:{_QUERY_OPERATORS})\b)(?=[^\W\d_])")
_DROP = re.compile(rf"[\s{_JOINERS}]+")


#: Letters that decomposing leaves as they are, folded the way English writers spell them.
_FOLD_SPECIAL = {ord("ß"): "ss", ord("æ"): "ae", ord("Æ"): "AE", ord("ø"): "o", ord("Ø"): "O",
                 ord("œ"): "oe", ord("Œ"): "OE", ord("đ"): "d", ord("ł"): "l", ord("Ł"): "L"}
_FOLD_RANGE = range(0xC0, 0x2000)  # Latin-1 letters to the end of Greek Extended


class _FoldTable(dict[int, str]):
    """Accent folding for ``str.translate``, each character worked out when first met and kept.

    Working out all 7,900 characters of :data:`_FOLD_RANGE` up front took 4–5 ms, paid by every
    command-line search that folded a single word; a text meets a few dozen of them."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _FOLD_SPECIAL.get(code, char) if code in _FOLD_RANGE else char
        if folded == char and code in _FOLD_RANGE:
            from unicodedata import combining, normalize

            base = "".join(c for c in normalize("NFKD", char) if not combining(c))
            if base and base != char and base.isascii():
                folded = base
        self[code] = folded
        return folded


@cache
def _fold_table() -> dict[int, str]:
    return _FoldTable()


def fold(text: str) -> str:
    """Lower-case and fold accents in a whole text at once (what :func:`normalise` does to a word,
    joiners aside)."""
    return text.lower().translate(_fold_table())


def normalise(word: str) -> str:
    """Lower-case, fold accents and drop prefix joiners: "Co-Producción" → "coproduccion"."""
    word = word.lower().translate(_fold_table())
    if len(word) > 2 and not word.isalnum():
        word = _DROP.sub("", word)
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The English (Porter) stem of a normalised word, cached: the same few thousand words recur."""
    from whoosh.lang.porter import stem as porter_stem

    stemmed: str = porter_stem(word)
    return stemmed


def keep(word: str) -> bool:
    """Whether a normalised word is indexed at all (not a stop word, not too short or long)."""
    return MIN_WORD <= len(word) <= MAX_WORD and word not in STOP_WORDS


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """Every indexable word of ``text`` as (start, end, normalised word)."""
    for match in TOKEN.finditer(text):
        word = normalise(match.group())
        if keep(word):
            yield match.start(), match.end(), word


def second_part(raw: str, word: str) -> str | None:
    """The word after a joined prefix, when it counts as a word of its own.

    ``raw`` is the word as written, ``word`` its normalised form: ("Co-design", "codesign")
    → "design"; ("codesigned", "codesigned") → "designed"; ("cooperate", ...) → None."""
    for prefix in JOINED_PREFIXES:
        size = len(prefix)
        if len(word) > size + 1 and word.startswith(prefix):
            rest = word[size:]
            written_apart = not raw[size:size + 1].isalnum()
            if (written_apart or rest.startswith(JOINED_ROOTS)) and keep(rest):
                return rest
    return None


def join_prefixes(query: str) -> str:
    """Write "co production" as "coproduction" in a query, as the index does (not before AND/OR/NOT)."""
    return _QUERY_JOIN.sub(r"\1", query)


def make_analyzer(stemming: bool, pairs: bool = False) -> Analyzer:
    """The Whoosh analyser for the stemmed ``text`` field, the unstemmed ``words`` field or
    (``pairs``) the field of neighbouring stems."""
    from whoosh.analysis import RegexTokenizer

    from reader.search.filters import PairFilter, WordFilter

    analyzer = RegexTokenizer(TOKEN_PATTERN) | WordFilter(stemming)
    return analyzer | PairFilter() if pairs else analyzer
