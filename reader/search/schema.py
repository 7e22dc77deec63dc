"""The index's fields: one document per paragraph, list item or heading of a section."""

from __future__ import annotations

from reader.search import engine

engine.load()  # before any other Whoosh import: see the module for why

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema  # noqa: E402

from reader.search.analysis import make_analyzer  # noqa: E402

#: Bump whenever the schema, the analysers, what a document holds or how posting lists are
#: written (:mod:`reader.search.codec`) changes: every index built before is then stale and
#: rebuilt at the next start.
SCHEMA_VERSION = 8


def make_schema() -> Schema:
    """Fields: ``text`` (stemmed, with positions for phrases, stored for extracts), ``words``
    (the same text unstemmed, for prefixes, spelling suggestions and fuzzy matching), ``pairs``
    (each two neighbouring stems as one term, so two-word phrases need no positions), the
    section's id, title, kind and tags for filters, the paragraph's anchor and the heading it sits
    under (shown with each result). ``stems`` is ``text`` without positions: the same terms and
    weights, read by :mod:`reader.search.bulk` without unpickling every position of every passage."""
    stemmed = make_analyzer(stemming=True)
    unstemmed = make_analyzer(stemming=False)
    return Schema(
        key=ID(stored=True, unique=True),
        section=ID(stored=True),
        anchor=STORED(),
        heading=STORED(),
        order=STORED(),
        title=TEXT(analyzer=stemmed, stored=True, phrase=False),
        kind=ID(stored=True),
        tags=KEYWORD(stored=True, commas=True, lowercase=True),
        text=TEXT(analyzer=stemmed, stored=True, phrase=True),
        stems=TEXT(analyzer=stemmed, phrase=False),
        words=TEXT(analyzer=unstemmed, phrase=False),
        pairs=TEXT(analyzer=make_analyzer(stemming=True, pairs=True), phrase=False),
    )
