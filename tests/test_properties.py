"""Property-based probes (Hypothesis): whatever text arrives, the parts that read it finish quickly and either
work or refuse with a message, never a traceback. Examples are few per run (the suite stays quick); each run
tries new ones, and any failure is replayed from Hypothesis's database until fixed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader import userfile
from reader.bookmarks import Places
from reader.loader import ContentError, load_guide
from reader.model import Section
from reader.packs import PackError
from reader.packs.archive import _safe_parts
from reader.packs.structure import StructureProblem, check_text
from reader.packs.validate import prove
from reader.render import render_section
from reader.settings import Settings

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
MARKDOWN_ALPHABET = st.sampled_from([*"abc &<>*_[]()#!`~-+=|{}:;\"'/\\\n\t 1.", "&amp;", "<div>", "</div>", "](x)",
                                     "\n\n", "    ", "{: #x }", "{: onclick=\"x\" }", "<![a[", "<!--", "-->"])
markdown_text = st.lists(MARKDOWN_ALPHABET, max_size=400).map("".join)


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Imports and compiled patterns are paid for once, not by the first example's time limit."""
    prove([Section("w", "W", "added", Path("/nonexistent/w.md"), "Words.", pack="probe")], Path("/nonexistent"))


@QUICK
@given(text=markdown_text)
def test_any_markdown_is_refused_by_the_scan_or_rendered_and_proven_quickly(text: str) -> None:
    assume(text.strip())  # the loader refuses a section with no text before this point
    section = Section("page", "Page", "added", Path("/nonexistent/page.md"), text, pack="probe")
    try:
        check_text(text)
    except StructureProblem as problem:
        assert problem.message
        return
    started = time.perf_counter()
    rendered = render_section(section)
    assert rendered.blocks[0].anchor == "title"
    try:
        prove([section], Path("/nonexistent"))
    except PackError as error:  # refused for what it holds (raw HTML, links): a message, not a crash
        assert str(error).startswith("page.md")
    assert time.perf_counter() - started < 2


@QUICK
@given(text=st.text(max_size=300))
def test_any_query_returns_results_or_notes_never_raises(tmp_path_factory, text: str) -> None:
    index = _index(tmp_path_factory)
    found = index.search(text)
    assert found.total >= 0 and isinstance(found.notes, tuple | list)


_OPEN: dict[str, object] = {}


def _index(tmp_path_factory):
    if "index" not in _OPEN:
        from reader.search import SearchIndex
        from tests.search_content import mini_guide

        folder = tmp_path_factory.mktemp("props")
        guide = mini_guide(folder / "content")
        _OPEN["index"] = SearchIndex.open_or_build(guide, roots=[folder / "index"])
    return _OPEN["index"]


@pytest.fixture(scope="module", autouse=True)
def _close_index():
    yield
    index = _OPEN.pop("index", None)
    if index is not None:
        index.close()


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
                           | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                                      max_size=4),
                           max_leaves=30)
settings_like = st.dictionaries(st.sampled_from(["text_size", "theme", "line_spacing", "last_scroll", "speech_rate",
                                                 "speech_voice", "reading_ruler", "version", "bookmarks", "recent"]),
                                json_values, max_size=6)


@QUICK
@given(value=st.one_of(settings_like, json_values), as_text=st.booleans())
def test_any_settings_or_bookmarks_file_loads_and_saves_back_as_strict_json(tmp_path_factory, value,
                                                                            as_text: bool) -> None:
    folder = tmp_path_factory.mktemp("user")
    text = json.dumps(value) if as_text else json.dumps(value)[: len(json.dumps(value)) // 2]
    for path, load in ((folder / "settings.json", Settings), (folder / "bookmarks.json", Places)):
        path.write_text(text)
        loaded = load(path)
        loaded.save()
        saved = path.read_text()
        json.loads(saved, parse_constant=lambda c: pytest.fail(f"saved {c}"))


@QUICK
@given(data=st.binary(max_size=300))
def test_any_bytes_in_a_user_file_are_read_or_refused(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("raw") / "f.json"
    path.write_bytes(data)
    try:
        userfile.read_json(path)
    except userfile.UnreadableFile as error:
        assert str(error)


@QUICK
@given(st.text(min_size=1, max_size=120))
def test_any_zip_entry_name_is_accepted_as_a_safe_relative_path_or_refused(name: str) -> None:
    try:
        parts = _safe_parts(name)
    except PackError as error:
        assert str(error)
        return
    assert parts and ".." not in parts and not name.startswith("/")
    assert all(part not in {"", "."} and "\\" not in part for part in parts)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(manifest_extra=st.text(max_size=200), body=markdown_text)
def test_any_manifest_or_section_loads_or_names_the_file(tmp_path_factory, manifest_extra: str, body: str) -> None:
    folder = tmp_path_factory.mktemp("content")
    (folder / "manifest.yaml").write_text("title: T\nsections:\n  - id: a\n    file: a.md\n    title: A\n"
                                          f"    kind: examples\n{manifest_extra}", encoding="utf-8")
    (folder / "a.md").write_text(body, encoding="utf-8")
    try:
        load_guide(folder)
    except ContentError as error:
        assert error.path.name in {"manifest.yaml", "a.md"}
