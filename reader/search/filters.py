"""The Whoosh filter behind both analysers (kept apart so :mod:`analysis` imports no Whoosh).

The schema pickles this class by its module path into the index's table of contents:
renaming or moving it makes old indexes unreadable, which the freshness check turns into a
rebuild; bump :data:`reader.search.schema.SCHEMA_VERSION` with any change here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from reader.search import engine

engine.load()  # before any other Whoosh import: see the module for why

from whoosh.analysis import Filter, Token  # noqa: E402

from reader.search.analysis import keep, normalise, second_part, stem  # noqa: E402


class WordFilter(Filter):
    """Normalise, drop stop words (renumbering positions) and optionally stem, in one pass.

    When indexing, a prefixed compound also yields its second half at the same position,
    marked ``alternative`` (see :func:`reader.search.analysis.second_part`)."""

    def __init__(self, stemming: bool = True) -> None:
        self.stemming = stemming
        self.is_morph = stemming  # tells Whoosh which field holds stems

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        skipped = 0
        stemming = self.stemming
        for token in tokens:
            token.alternative = False  # the tokenizer reuses one Token object throughout
            kept, is_word, text, alternative = _forms(token.text, stemming)
            if not kept:
                if not token.removestops and is_word:
                    token.stopped = True
                    yield token
                else:
                    skipped += 1
                continue
            if token.positions and skipped:
                token.pos -= skipped
            token.text = text
            yield token
            if alternative is not None and token.mode != "query":
                token.text = alternative
                token.alternative = True
                yield token


@lru_cache(maxsize=100_000)
def _forms(raw: str, stemming: bool) -> tuple[bool, bool, str, str | None]:
    """What :class:`WordFilter` makes of a word as written: whether it is kept, whether it is a word
    at all (not empty once normalised), its term, and its second half's term (see
    :func:`reader.search.analysis.second_part`). Worked out once per spelling and analyser: a
    passage's words recur, in its other fields and in other passages."""
    word = normalise(raw)
    if not keep(word):
        return False, bool(word), "", None
    part = second_part(raw, word)
    if stemming:
        return True, True, stem(word), None if part is None else stem(part)
    return True, True, word, part


class PairFilter(Filter):
    """Turn a stream of stems into the pairs of neighbours ("public servic"), so a two-word
    phrase is one term look-up instead of a position check on every candidate passage."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        previous: list[str] = []
        current: list[str] = []
        for token in tokens:
            if getattr(token, "stopped", False):
                continue
            text = token.text
            if getattr(token, "alternative", False):
                current.append(text)  # another word at the same place: pairs with the same words
            else:
                previous, current = current, [text]
            for before in previous:
                token.text = f"{before} {text}"
                yield token
