"""The Whoosh filter behind both analysers (kept apart so :mod:`analysis` imports no Whoosh).

The schema pickles this class by its module path into the index's table of contents:
renaming or moving it makes old indexes unreadable, which the freshness check turns into a
rebuild; bump :data:`reader.search.schema.SCHEMA_VERSION` with any change here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from whoosh.analysis import Filter, Token

from reader.search.analysis import keep, normalise, stem


class WordFilter(Filter):
    """Normalise, drop stop words (renumbering positions) and optionally stem, in one pass."""

    def __init__(self, stemming: bool = True) -> None:
        self.stemming = stemming
        self.is_morph = stemming  # tells Whoosh which field holds stems

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        skipped = 0
        stemming = self.stemming
        for token in tokens:
            word = normalise(token.text)
            if not keep(word):
                if not token.removestops and word:
                    token.stopped = True
                    yield token
                else:
                    skipped += 1
                continue
            if token.positions and skipped:
                token.pos -= skipped
            token.text = stem(word) if stemming else word
            yield token


class PairFilter(Filter):
    """Turn a stream of stems into the pairs of neighbours ("public servic"), so a two-word
    phrase is one term look-up instead of a position check on every candidate passage."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        previous = None
        for token in tokens:
            if getattr(token, "stopped", False):
                continue
            current = token.text
            if previous is not None:
                token.text = f"{previous} {current}"
                yield token
            previous = current
