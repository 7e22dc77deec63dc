"""The relevance set of bench/relevance.py as behaviour: every answer in the top three, no passage twice."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from reader.search import SearchIndex

from .conftest import CONTENT, ROOT


def _relevance():
    spec = importlib.util.spec_from_file_location("bench_relevance", ROOT / "bench" / "relevance.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


relevance = _relevance()


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    from reader.library import open_guide

    folder = tmp_path_factory.mktemp("relevance")
    with SearchIndex.open_or_build(open_guide(CONTENT, include_packs=False), roots=[folder / "index"]) as index:
        yield relevance.reader_scores(index)


def test_the_set_is_large_enough_and_names_real_passages(scores):
    assert len(relevance.QUESTIONS) >= 30
    from reader.library import open_guide
    from reader.render import render_section

    guide = open_guide(CONTENT, include_packs=False)
    known = {f"{s.id}#{b.anchor}" for s in guide for b in render_section(s, guide).blocks}
    for question, wanted in relevance.QUESTIONS:
        assert wanted <= known, f"{question!r} names passages that do not exist: {wanted - known}"


def test_every_question_has_an_answer_in_the_top_three(scores):
    missed = [(a.question, a.keys[:3]) for a in scores.answers if a.rank is None or a.rank > 3]
    assert not missed


def test_no_passage_is_repeated_in_the_top_five(scores):
    repeated = [(a.question, a.keys[:5]) for a in scores.answers if a.repeats]
    assert not repeated
