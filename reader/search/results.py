"""What a search returns: plain data, no Whoosh, so the window and scripts can use it freely.

Immutable records (named tuples: a command-line search makes its classes at every start, and
dataclasses cost that start their own import and several times the time to make each one)."""

# No postponed annotations here: a named tuple's fields given as strings are each compiled when it is made.

from pathlib import Path
from typing import NamedTuple

from reader.search.snippets import Highlighter


class Hit(NamedTuple):
    """One matching passage."""

    section: str
    title: str
    anchor: str
    score: float
    snippet_html: str  # the extract, HTML-escaped, matches in <b>…</b>
    snippet_text: str  # the same extract as plain text, for speech and screen readers
    terms: tuple[str, ...]  # the words of the passage that matched, as written there (lower case)
    kind: str = ""
    heading: str = ""  # the heading the passage sits under in its section ("" before the first)
    #: Where else the same (or nearly the same) passage appears: (section, title, anchor) each.
    also: tuple[tuple[str, str, str], ...] = ()

    @property
    def where(self) -> str:
        """The section, and the heading when there is one: "Examples in this guide › Co-design"."""
        return f"{self.title} › {self.heading}" if self.heading and self.heading != self.title else self.title

    @property
    def also_titles(self) -> list[str]:
        """The sections where the passage appears too, each once, in order."""
        return list(dict.fromkeys(title for _, title, _ in self.also))


class SearchResults(NamedTuple):
    """A query's outcome.

    ``total`` counts every matching passage (``results`` holds the first ``limit``).
    ``suggestion`` is a corrected query when nothing matched as typed; ``fuzzy_used`` says
    the results are for near spellings instead, ``any_words_used`` that they hold some but not
    all of the words. ``highlighter`` marks the matched words in
    any text, such as the whole section in the reading view. ``notes`` say what was
    simplified (a query too long, a wildcard too broad, a syntax error)."""

    query: str
    total: int
    results: list[Hit]
    suggestion: str | None = None
    fuzzy_used: bool = False
    highlighter: Highlighter = Highlighter()  # immutable: one shared empty highlighter is safe
    notes: tuple[str, ...] = ()
    any_words_used: bool = False


class IndexReport(NamedTuple):
    """What opening, checking or rebuilding an index found and did, for the CLI and logs."""

    location: Path | None
    found: str  # "fresh", "missing", "stale", "damaged"
    detail: str
    action: str  # "opened", "rebuilt", "checked", "none"
    documents: int = 0
    seconds: float = 0.0
    fallback: bool = False  # the bundled folder could not be written: the user's cache was used
    steps: tuple[str, ...] = ()

    def describe(self) -> str:
        lines = list(self.steps)
        where = f" in {self.location}" if self.location else ""
        if self.action == "rebuilt":
            lines.append(f"Built the index{where}: {self.documents} passages in {self.seconds:.2f} s.")
        elif self.action == "opened":
            lines.append(f"Opened the index{where}: {self.documents} passages.")
        return "\n".join(lines)
