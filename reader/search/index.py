"""The search index as the app uses it: open (building when needed), search, keep current.

``SearchIndex.open_or_build(guide)`` looks for a fresh index in the bundled ``index/``
folder, then in the user's cache; when neither is fresh it builds one in the first folder
it can write (so an installation made read-only still searches, from the cache). See
:mod:`reader.search.store` for how an index is checked, built and swapped in.

One Whoosh searcher is opened when the index is verified and kept until the index is
replaced: its open files keep that build readable even if another copy of the reader
publishes a newer one and deletes this one (Whoosh re-reads its folder for every new
searcher). It is never ``refresh()``-ed (Whoosh's refresh can return deleted documents);
after a change a new one is opened. Searches from several threads take turns.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from reader.search import engine

engine.load()  # before any other Whoosh import: see the module for why

from whoosh import index as windex  # noqa: E402
from whoosh import query as wq  # noqa: E402
from whoosh.filedb.filestore import FileStorage  # noqa: E402

from reader.model import Guide, Section  # noqa: E402
from reader.search import bulk, ranking, store  # noqa: E402
from reader.search.codec import ArrayCodec  # noqa: E402
from reader.search.query import Plan, any_words_plan, fuzzy_plan, make_parser, plan, suggest  # noqa: E402
from reader.search.results import Hit, IndexReport, SearchResults  # noqa: E402
from reader.search.store import default_roots  # noqa: E402
from reader.translatable import QT_TR_NOOP, Text  # noqa: E402

LOCK_TIMEOUT = 120.0
OPEN_ATTEMPTS = 3
DEFAULT_LIMIT = 20
MAX_LIMIT = 500
#: Passages scored for each one shown: the help's place and folded twins reorder within them.
POOL_FACTOR = 3
MIN_POOL = 60
#: Passages checked word for word for a quoted phrase: a phrase whose only searchable word is
#: common ("if the argument is") would otherwise check thousands.
MAX_PHRASE_CHECKS = 1500


class IndexUnavailable(Exception):
    """No folder could hold an index (every candidate is read-only or full)."""


def _open_live(inspection: store.Inspection) -> tuple[Any, Any]:
    """Open a checked build and its searcher, proving it readable now rather than at the
    first search; the searcher holds the build's files open from here on."""
    live = inspection.live
    assert live is not None and inspection.fresh
    # Read with plain file reads, not memory maps: every page of a mapped 100 MB index that a search
    # touches stays counted against this process (about 110 MiB more after 50 searches over 10,000
    # sections); read, it stays in the system's file cache, and searches take about as long.
    ix = FileStorage(str(live), supports_mmap=False).open_index()
    try:
        searcher = ix.searcher()
        if searcher.doc_count() != inspection.documents:
            searcher.close()
            raise ValueError("document count differs from the pointer")
    except BaseException:
        ix.close()
        raise
    return ix, searcher


class SearchIndex:
    """An open, verified index and the sections it holds."""

    def __init__(self, sections: Sequence[Section], guide: Guide | None, roots: Sequence[Path],
                 lock_timeout: float = LOCK_TIMEOUT) -> None:
        self._sections: dict[str, Section] = {s.id: s for s in sections}
        self._guide = guide
        self._roots = list(roots)
        self._lock_timeout = lock_timeout
        self._ix: Any = None
        self._searcher: Any = None
        self._root: Path | None = None
        self._mutex = threading.RLock()
        self._parser: Any = None
        self._secondary: dict[int, str] = {}
        self._bulk: bulk.BulkScorer | None = None
        self._replaced: dict[str, Section] = dict(guide.replaced) if guide is not None else {}
        self.report: IndexReport | None = None

    # Opening and building ---------------------------------------------------------------

    @classmethod
    def open_or_build(cls, guide: Guide | Sequence[Section], *, roots: Sequence[Path] | None = None,
                      lock_timeout: float = LOCK_TIMEOUT, rebuild: bool = False) -> SearchIndex:
        """An index holding exactly these sections: the existing one when it is fresh and intact,
        otherwise (or with ``rebuild``) a new build. ``report`` says what was found and done."""
        sections = list(guide)
        index = cls(sections, guide if isinstance(guide, Guide) else None,
                    roots or default_roots(), lock_timeout)
        index.report = index._open_or_build(force=rebuild)
        return index

    @property
    def location(self) -> Path | None:
        """The folder holding the live index."""
        return self._root

    @property
    def sections(self) -> list[Section]:
        return list(self._sections.values())

    def _expected(self) -> dict[str, str]:
        return store.content_fingerprint(self._sections.values())

    def inspect(self) -> list[store.Inspection]:
        """What each candidate folder holds now, compared with these sections."""
        expected = self._expected()
        return [store.inspect(root, expected) for root in self._roots]

    def check(self) -> IndexReport:
        """Check the live index on disk again, without changing anything."""
        inspections = self.inspect()
        chosen = next((i for i in inspections if i.fresh), inspections[0])
        return IndexReport(chosen.root, chosen.status, chosen.detail, "checked", chosen.documents,
                           steps=tuple(f"{i.root}: {i.status} — {i.detail}" for i in inspections))

    def rebuild(self) -> IndexReport:
        """Build anew whatever is on disk, and switch to the new build."""
        self.report = self._open_or_build(force=True)
        return self.report

    def _open_or_build(self, force: bool, retries: int = OPEN_ATTEMPTS) -> IndexReport:
        """``retries`` bounds how often a build swept away by another copy is followed by
        another look and build: copies replacing each other's builds must not loop forever."""
        steps: list[str] = []
        first: store.Inspection | None = None
        if not force:
            for attempt in range(OPEN_ATTEMPTS):
                inspections = self.inspect()
                first = first or inspections[0]
                for inspection in inspections:
                    if attempt == 0:
                        steps.append(f"{inspection.root}: {inspection.status} — {inspection.detail}")
                    if inspection.fresh and self._try_open(inspection, steps):
                        return IndexReport(inspection.root, inspection.status, inspection.detail,
                                           "opened", inspection.documents,
                                           fallback=inspection.root != self._roots[0], steps=tuple(steps))
                if not any(i.fresh for i in inspections):
                    break  # nothing worth retrying: build
        return self._build(first, steps, retries)

    def _try_open(self, inspection: store.Inspection, steps: list[str]) -> bool:
        try:
            opened = _open_live(inspection)
        except Exception as error:  # a damaged or vanished index fails in many ways; rebuild
            steps.append(f"{inspection.root}: could not be opened ({type(error).__name__}: {error})")
            return False
        self._install(*opened, inspection.root)
        return True

    def _build(self, first: store.Inspection | None, steps: list[str], retries: int) -> IndexReport:
        root = next((r for r in self._roots if store.can_write(r)), None)
        if root is None:
            raise IndexUnavailable("no folder can hold the search index: "
                                   + ", ".join(str(r) for r in self._roots))
        if root != self._roots[0]:
            steps.append(f"{self._roots[0]} cannot be written: using {root}")
        expected = self._expected()
        started = time.perf_counter()
        with store.build_lock(root, self._lock_timeout) as locked:
            if not locked:
                steps.append("another copy of the reader kept the build lock: building separately")
            if first is not None:
                # Another copy may have finished a build while we waited for the lock.
                again = store.inspect(root, expected)
                if again.fresh and self._try_open(again, steps):
                    steps.append(f"{root}: built meanwhile by another copy of the reader")
                    return IndexReport(root, first.status, first.detail, "opened", again.documents,
                                       fallback=root != self._roots[0], steps=tuple(steps))
            folder = store.new_build_folder(root)
            try:
                from reader.search import build  # renders Markdown: only a build needs it

                count = build.write_index(folder, self._sections.values(), self._guide)
                pointer = store.publish(root, folder, expected, count)
            except BaseException:
                store.discard(folder)
                raise
            store.sweep(root, keep=pointer["dir"])
        if not self._try_open(store.Inspection(root, "fresh", "just built", pointer), steps):
            # Another copy published a newer build and swept ours away: use theirs.
            if retries <= 0:
                raise IndexUnavailable(f"the search index in {root} kept being replaced while it was "
                                       "opened; close other copies of the reader and try again")
            return self._open_or_build(force=False, retries=retries - 1)
        found = first or store.Inspection(root, "missing", "rebuild asked for")
        return IndexReport(root, found.status, found.detail, "rebuilt", count,
                           time.perf_counter() - started, fallback=root != self._roots[0],
                           steps=tuple(steps))

    def _install(self, ix: Any, searcher: Any, root: Path) -> None:
        with self._mutex:
            old_ix, old_searcher = self._ix, self._searcher
            self._ix, self._searcher, self._root = ix, searcher, root
            # The searcher's schema, read when it opened: ``ix.schema`` reads the folder again, which
            # another copy of the reader may have swept away since.
            self._parser = make_parser(searcher.schema)
            self._bulk = bulk.BulkScorer(searcher)
            # The help and glossary passages, looked up once: ranking needs their kind for every
            # candidate, and reading each candidate's stored fields to find it cost more than the search.
            self._secondary = {docnum: kind for kind in ranking.SECONDARY_KINDS
                               for docnum in searcher.document_numbers(kind=kind)}
        if old_searcher is not None:
            old_searcher.close()
        if old_ix is not None:
            old_ix.close()

    # Content packs ------------------------------------------------------------------------

    def add_sections(self, sections: Iterable[Section]) -> int:
        """Add (or replace) sections without rebuilding the rest; returns passages added.

        A section that ``replaces`` another (a pack's full page for a short entry) takes its
        passages out; removing it later brings them back."""
        sections = list(sections)
        for section in sections:
            old = self._sections.get(section.replaces or "")
            if old is not None:
                self._replaced[old.id] = old
        hidden = {s.replaces for s in sections if s.replaces in self._sections}
        ids = {s.id for s in sections} | hidden

        def change(writer: Any) -> int:
            from reader.search import build

            for section_id in ids:
                writer.delete_by_term("section", section_id)
            return build.add_documents(writer, sections, self._guide)

        kept = {k: v for k, v in self._sections.items() if k not in hidden}
        return self._change(change, {**kept, **{s.id: s for s in sections}})

    def remove_sections(self, section_ids: Iterable[str]) -> int:
        """Remove sections' passages; returns how many were removed. A short entry that a removed
        section had replaced is searchable again."""
        ids = set(section_ids)
        back = [self._replaced.pop(s.replaces) for s in self._sections.values()
                if s.id in ids and s.replaces in self._replaced]

        def change(writer: Any) -> int:
            from reader.search import build

            removed = sum(writer.delete_by_term("section", section_id) or 0 for section_id in ids)
            build.add_documents(writer, back, self._guide)
            return removed

        kept = {k: v for k, v in self._sections.items() if k not in ids}
        return self._change(change, {**kept, **{s.id: s for s in back}})

    def _change(self, change: Any, sections: dict[str, Section]) -> int:
        """Copy the live build, change the copy, publish it: the live build is never written."""
        import shutil

        root = self._root
        assert root is not None
        with store.build_lock(root, self._lock_timeout):
            current = store.inspect(root, store.content_fingerprint(self._sections.values()))
            if not current.fresh or current.live is None:
                self._sections = sections
                self.report = self._open_or_build(force=True)
                return self.report.documents
            folder = store.new_build_folder(root)
            try:
                shutil.copytree(current.live, folder, dirs_exist_ok=True)
                ix = windex.open_dir(str(folder))
                try:
                    writer = ix.writer(codec=ArrayCodec())
                    try:
                        result = change(writer)
                    except BaseException:
                        writer.cancel()
                        raise
                    # No optimize: merging every segment costs more than the change itself, and
                    # the next full build leaves one segment again.
                    writer.commit()
                    documents = ix.doc_count()
                finally:
                    ix.close()
                pointer = store.publish(root, folder, store.content_fingerprint(sections.values()),
                                        documents, copied_from=current)
            except BaseException:
                store.discard(folder)
                raise
            store.sweep(root, keep=pointer["dir"])
        self._sections = sections
        steps: list[str] = []
        if not self._try_open(store.Inspection(root, "fresh", "just changed", pointer), steps):
            self.report = self._open_or_build(force=False)
        return int(result)

    # Searching ----------------------------------------------------------------------------

    def search(self, text: str, *, kind: str | None = None, tag: str | None = None,
               limit: int = DEFAULT_LIMIT) -> SearchResults:
        """Passages matching ``text`` (Whoosh query language), best first; never raises for
        any text. With no match, ``suggestion`` and a fuzzy retry may help."""
        limit = max(1, min(int(limit), MAX_LIMIT))
        with self._mutex:
            return self._search(text, kind, tag, limit)

    def _search(self, text: str, kind: str | None, tag: str | None, limit: int) -> SearchResults:
        searcher = self._searcher
        if searcher is None:
            raise ValueError("the search index is closed")
        reader = searcher.reader()
        found = plan(text, self._parser, reader)
        filters = _filter(kind, tag)
        total, hits = self._run(searcher, found, filters, limit, text)
        suggestion, fuzzy_used = None, False
        if total == 0 and found.query is not None:
            near: dict[str, list[str]] = {}
            suggestion = suggest(text, reader, near)
            retry = fuzzy_plan(text, reader, near)
            if retry is not None:
                total, hits = self._run(searcher, retry, filters, limit, text)
                if total:
                    found, fuzzy_used = retry, True
        any_words_used = False
        if total == 0 and found.query is not None:
            wider = any_words_plan(text, reader)
            if wider is not None:
                total, hits = self._run(searcher, wider, filters, limit, text)
                if total:
                    found, any_words_used = wider, True
        return SearchResults(text, total, hits, suggestion, fuzzy_used, found.highlighter,
                             tuple(found.notes), any_words_used)

    def _run(self, searcher: Any, found: Plan, filters: Any, limit: int, typed: str) -> tuple[int, list[Hit]]:
        """Score, then apply :mod:`reader.search.ranking`: phrases checked word for word, the help
        after the guide, near-identical passages folded together; extracts only for what is shown."""
        if found.query is None:
            return 0, []
        phrases = ranking.quoted_phrases(found.text) if not found.fallback else ()
        # A phrase's candidates are all checked, so its count is exact.
        pool = None if phrases else max(limit * POOL_FACTOR, MIN_POOL)
        total, top_n = self._score(searcher, found.query, filters, pool)
        about_reader, meaning = ranking.about_the_reader(found.text), ranking.asks_meaning(typed)
        secondary = self._secondary
        candidates = []
        load = self._bulk.stored_fields if self._bulk is not None else searcher.stored_fields
        for checked, (score, docnum) in enumerate(top_n):
            fields = None
            if phrases and checked >= MAX_PHRASE_CHECKS:
                total -= len(top_n) - checked
                found.notes.append(Text(QT_TR_NOOP("Only the {count:,} best passages with these words were "
                                                   "checked for the exact phrase."), count=MAX_PHRASE_CHECKS))
                break
            if phrases:
                fields = load(docnum)
                if not ranking.holds(fields["text"], phrases):
                    total -= 1
                    continue
            tier = ranking.tier(secondary.get(docnum, ""), about_reader, meaning)
            candidates.append(ranking.Candidate(tier, score, docnum, fields))
        candidates.sort(key=lambda c: c.tier)  # stable: within a tier, Whoosh's order
        kept, folded = ranking.collapse(candidates, found.highlighter, load, limit)
        hits = []
        for candidate in kept:
            fields, extract = candidate.fields, candidate.extract
            assert fields is not None, "collapse() loads the stored fields of every passage it keeps"
            hits.append(Hit(fields["section"], fields["title"], fields["anchor"], round(candidate.score, 4),
                            extract.html, extract.text, extract.terms, fields["kind"],
                            fields.get("heading", ""), tuple(candidate.also)))
        return total - folded, hits

    def _score(self, searcher: Any, q: Any, filters: Any, pool: int | None) -> tuple[int, list[tuple[float, int]]]:
        """How many passages match and the best ``pool`` of them (all with None) as (score, passage):
        a posting list at a time where :mod:`reader.search.bulk` can (the same scores and order),
        otherwise Whoosh's own search."""
        allowed = set(searcher.docs_for_query(filters)) if filters is not None else None
        scores = self._bulk.scores(q, allowed) if self._bulk is not None else None
        if scores is not None:
            return len(scores), bulk.top(scores, pool)
        # Block-quality skipping barely skips on paragraph-sized documents and then needs a
        # second pass to count the matches: one unoptimised pass scores and counts.
        results = searcher.search(q, limit=pool, filter=allowed, optimize=False)
        return len(results), list(results.top_n)

    def close(self) -> None:
        with self._mutex:
            searcher, ix = self._searcher, self._ix
            self._searcher = self._ix = None
        if searcher is not None:
            searcher.close()
        if ix is not None:
            ix.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _filter(kind: str | None, tag: str | None) -> Any:
    parts = []
    if kind:
        parts.append(wq.Term("kind", kind))
    if tag:
        parts.append(wq.Term("tags", tag.lower()))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)
