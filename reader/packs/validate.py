"""Check a pack's folder completely: its manifest and sections (through the loader) and their HTML."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.loader import ID_PATTERN, MANIFEST_NAME, ContentError, load_guide, read_manifest
from reader.model import Guide, Section
from reader.packs import safety
from reader.packs.errors import PackError, from_content_error
from reader.packs.limits import CONTENT_LIMITS, ContentLimits
from reader.translatable import QT_TR_NOOP, Text

if TYPE_CHECKING:
    from reader.packs.halves import Copy

RESERVED_NAMES = frozenset({"guide"})


def _manifest(root: Path) -> dict[str, Any]:
    try:
        return read_manifest(root)
    except ContentError as error:
        raise from_content_error(error, root) from None


def pack_name(root: Path, manifest: dict[str, Any] | None = None) -> str:
    """The manifest's ``name``: a pack is installed, listed and removed by it. It needs a title too."""
    if manifest is None:
        manifest = _manifest(root)
    name = manifest.get("name")
    if not isinstance(name, str) or not ID_PATTERN.match(name):
        raise PackError(Text(QT_TR_NOOP("{manifest}: the pack needs a 'name' of lower-case letters, digits and "
                                        "hyphens (found {name!r})"), manifest=MANIFEST_NAME, name=name))
    if name in RESERVED_NAMES:
        raise PackError(Text(QT_TR_NOOP("{manifest}: the name '{name}' is kept for the bundled guide; choose "
                                        "another"), manifest=MANIFEST_NAME, name=name))
    title = manifest.get("title")
    if not isinstance(title, str) or not title.strip():
        raise PackError(Text(QT_TR_NOOP("{manifest}: the pack needs a 'title' (shown when packs are listed)"),
                             manifest=MANIFEST_NAME))
    return name


def problems_in(section: Section, root: Path | None = None, *, every: bool = False) -> list[safety.Problem]:
    """What :mod:`reader.packs.safety` refuses in a section's HTML (``root``: the pack's folder).

    Without ``every``, sections whose source cannot hold a problem are not rendered (the quick
    check of installed packs at start); content being added is always rendered in full."""
    if not every and not safety.needs_inspection(section.body):
        return []
    from reader.render import render_unsanitised

    return safety.inspect_html(render_unsanitised(section).html, root)


def describe(problems: list[safety.Problem], where: str, source: str) -> PackError:
    """One line: the file (and line, found in ``source``) and the first problem."""
    problem = problems[0]
    line = safety.line_of(source, problem.needle)
    where = f"{where}:{line}" if line else where
    if len(problems) > 1:
        return PackError(Text(QT_TR_NOOP("{where}: {problem} (and {count} more)"), where=where,
                              problem=problem.message, count=len(problems) - 1))
    return PackError(Text(QT_TR_NOOP("{where}: {problem}"), where=where, problem=problem.message))


def _where(section: Section, root: Path) -> str:
    try:
        return section.path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return section.path.name


def _source(section: Section) -> str:
    try:
        return section.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return section.body


def check_section(section: Section, root: Path, *, every: bool = False) -> None:
    """Refuse code, web resources and unsafe links in a section (see :mod:`reader.packs.safety`)."""
    problems = problems_in(section, root, every=every)
    if not problems:
        return
    raise describe(problems, _where(section, root), _source(section))


def prove(sections: Sequence[Section], root: Path, guide: Guide | None = None, *,
          limits: ContentLimits = CONTENT_LIMITS, clock: Callable[[], float] = time.monotonic,
          name_of: Callable[[Section], str] | None = None, split: bool = False) -> None:
    """Do to every section, before it is installed, all the reader will do to it: render it, check
    its HTML, analyse it for the search index and prepare it for speech, each within
    ``limits.section_time_budget``.

    What passes here has been shown to work; what fails or takes too long is refused, so no
    installed content can stop the reader later. ``name_of`` names a section in messages.
    ``split``: half the sections may be proven in a copy of this process (see
    :mod:`reader.packs.halves`; only where no other thread runs), with the same outcome."""
    def check(part: Sequence[Section]) -> None:
        _prove(part, root, guide, limits, clock, name_of or (lambda section: _where(section, root)))

    if split:
        from reader.packs.halves import check_in_halves

        check_in_halves(sections, check)
    else:
        check(sections)


def _prove(sections: Sequence[Section], root: Path, guide: Guide | None, limits: ContentLimits,
           clock: Callable[[], float], name_of: Callable[[Section], str]) -> None:
    from reader.packs.safety import sanitise_html
    from reader.render import render_unsanitised
    from reader.search.build import documents
    from reader.speech.prepare import block_classes, prepare_blocks

    schema = _schema()
    for section in sections:
        started = clock()
        try:
            rendered = render_unsanitised(section, guide)
            problems = safety.inspect_html(rendered.html, root)
            if problems:
                raise describe(problems, name_of(section), _source(section))
            classes = block_classes(sanitise_html(rendered.html))
            prepare_blocks(section.id, rendered.blocks, None, classes)
            analysed: set[tuple[int, str]] = set()
            for document in documents(section, guide, rendered=rendered):
                _analyse(schema, document, analysed)
        except RecursionError:
            raise PackError(Text(QT_TR_NOOP("{name}: its structure is nested too deeply to show"),
                                 name=name_of(section))) from None
        except PackError:
            raise
        except Exception as error:  # whatever else the libraries raise: refused, never installed
            raise PackError(Text(QT_TR_NOOP("{name}: the reader could not show it ({kind}: {error})"),
                                 name=name_of(section), kind=type(error).__name__, error=error)) from None
        if clock() - started > limits.section_time_budget:
            raise PackError(Text(QT_TR_NOOP("{name}: preparing the text took more than "
                                            "{section_time_budget:.0f} seconds, which would make the reader "
                                            "slow; simplify or split it"),
                                 name=name_of(section), section_time_budget=limits.section_time_budget))


@lru_cache(maxsize=1)
def _schema() -> tuple[Any, dict[int, Any]]:
    """The index's fields, made once (:func:`_prove` may be called for one section at a time), and
    for each analyser the one to run in its place (see :func:`_covering`)."""
    from reader.search import engine

    engine.load()  # Whoosh as the reader loads it (see there), before the imports below
    from whoosh.fields import TEXT

    from reader.search.schema import make_schema

    schema = make_schema()
    return schema, _covering([field.analyzer for _name, field in schema.items() if isinstance(field, TEXT)])


def _covering(analysers: list[Any]) -> dict[int, Any]:
    """Each analyser → the longest analyser whose chain begins with the same tokenizer and filters.

    The field of neighbouring stems runs the stemmed field's chain and then pairs its tokens, taking
    every token the chain gives: running it also runs the shorter chain over the whole text, so the
    same text need not be analysed twice."""
    covering: dict[int, Any] = {}
    for analyser in analysers:
        chain = list(analyser.items)
        longer = [other for other in analysers if list(other.items)[:len(chain)] == chain]
        covering[id(analyser)] = max(longer, key=lambda other: len(other.items))
    return covering


def _analyse(schema: tuple[Any, dict[int, Any]], document: dict[str, Any], done: set[tuple[int, str]]) -> None:
    """Turn a search document into its terms, field by field, as the index writer's analysers do,
    without writing them anywhere.

    The writer's own work past the analysers (counting and encoding positions, pooling postings,
    writing segments) depends on the terms, not on the text: a scratch index used to be written
    here, a quarter of ``pack add``'s time, and the writer's encoding of each word's positions
    took as long again as the analysers. Each text field's analyser is run over the text as the
    writer runs it for a field with positions (every token, numbered); a chain that a longer
    one begins with is run as part of the longer one (:func:`_covering`). The same text through
    the same analyser (the stemmed text with and without positions; the section's title in each
    of its passages) is analysed once: ``done`` holds what was."""
    fields, covering = schema
    for name, value in document.items():
        if name.startswith("_"):
            continue
        field = fields[name]
        if not field.indexed:
            continue
        analyser = covering.get(id(getattr(field, "analyzer", None)))
        if analyser is None or not isinstance(value, str):  # identifiers and tags: as the writer does
            for _term in field.index(value):
                pass
            continue
        key = (id(analyser), value)
        if key in done:
            continue
        done.add(key)
        for _token in analyser(value, mode="index", positions=True, boosts=True):
            pass


#: The share of a pack's sections this process proves when a copy proves the rest (:class:`Ahead`):
#: meanwhile this process also lists the installed packs and loads the pack checking its ids,
#: which the copy, started before them, need not do (about as long as proving a fifth of a
#: hundred sections).
OWN_SHARE = 0.4


class Ahead:
    """The pack's last sections being proven in a copy of this process, started as soon as the pack
    is unpacked (:func:`prove_ahead`), while this one lists the installed packs, loads the pack
    and proves the first sections. The outcome is the same as proving all of them in order here
    (see :mod:`reader.packs.halves`): a refusal is always raised by this process."""

    def __init__(self, copy: Copy, start: int) -> None:
        self.copy = copy
        self.start = start

    def finish(self, sections: Sequence[Section], root: Path, guide: Guide, limits: ContentLimits) -> None:
        """Prove the sections before ``start`` here, then take the copy's word for the rest (see
        :func:`reader.packs.halves.settle`)."""
        from reader.packs.halves import settle

        settle(self.copy, lambda: prove(sections[:self.start], root, guide, limits=limits),
               sections[self.start:], lambda part: prove(part, root, guide, limits=limits))

    def stop(self) -> None:
        """End the copy, if it is still at work (the pack was refused before its sections were proven)."""
        self.copy.stop()


def prove_ahead(root: Path, name: str, manifest: dict[str, Any], *,
                limits: ContentLimits = CONTENT_LIMITS) -> Ahead | None:
    """Start proving the last sections of the pack in ``root`` in a copy of this process, if a core
    is idle and the pack has enough sections to share (see :mod:`reader.packs.halves`); None
    otherwise. The copy loads the pack without the ids of installed packs (this process checks
    those) and says how many of its sections passed."""
    from reader.packs import halves

    listed = manifest.get("sections")
    count = len(listed) if isinstance(listed, list) else 0
    if count < halves.MIN_ITEMS or not halves.can_split():
        return None
    start = round(count * OWN_SHARE)

    def work() -> int:
        guide = load_guide(root, pack=name, known={}, manifest=manifest)
        return halves.passed(guide.sections[start:], lambda part: prove(part, root, guide, limits=limits))

    copy = halves.in_copy(work)
    return None if copy is None else Ahead(copy, start)


def read_pack_manifest(root: Path) -> dict[str, Any]:
    """The manifest, parsed once for :func:`pack_name` and :func:`load_pack`."""
    return _manifest(root)


def load_pack(root: Path, known: Mapping[str, str], manifest: dict[str, Any] | None = None, *,
              proven: bool = False, limits: ContentLimits = CONTENT_LIMITS, split: bool = False,
              ahead: Ahead | None = None) -> Guide:
    """Load and check the pack in ``root``; its sections carry the pack's name.

    ``known`` maps section ids already shown by the reader to their pack, so no id is reused;
    ``manifest`` is the one :func:`read_pack_manifest` gave, when the caller has read it already.
    With ``proven`` (content about to be added) every section is rendered, indexed and prepared
    for speech first (:func:`prove`, ``split`` as there, or the last sections by ``ahead``, a copy
    already proving them); installed packs get the quicker check when they are loaded."""
    if manifest is None:
        manifest = _manifest(root)  # parsed once for the name and the sections
    name = pack_name(root, manifest)
    try:
        pack = load_guide(root, pack=name, known=known, manifest=manifest)
    except ContentError as error:
        raise from_content_error(error, root) from None
    if proven and ahead is not None:
        ahead.finish(pack.sections, root, pack, limits)
    elif proven:
        prove(pack.sections, root, pack, limits=limits, split=split)
    else:
        for section in pack:
            check_section(section, root)
    return pack
