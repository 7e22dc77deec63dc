"""What a person reads first: each passage once, the guide before the help, phrases as typed."""

from __future__ import annotations

import pytest

from reader.loader import load_guide
from reader.search import SearchIndex
from tests.search_content import write_content

SHARED = "Partners from every sector met each month to plan the new service with the people who use it."
TWIN = "Partners from every sector met each month to plan the new service with the people who used it."

RANKING = {
    "first": ("examples", [], f"## Working together\n\n{SHARED}\n\nThe default value of a meeting is trust."),
    "second": ("examples", [], f"{SHARED}\n\nA default of value to nobody."),
    "third": ("introduction", [], f"## Starting points\n\n{TWIN}"),
    "help": ("help", [], "Type carers OR families to find either word."),
    "guide": ("introduction", [], "Unpaid carers and families have lived experience that services need, "
              "and their views shape how support is planned and delivered across the area."),
    "keys": ("help", [], "Press the keyboard shortcut Ctrl+F to search for carers."),
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    base = tmp_path_factory.mktemp("ranking")
    with SearchIndex.open_or_build(load_guide(write_content(base / "content", RANKING)),
                                   roots=[base / "index"]) as opened:
        yield opened


def test_identical_and_near_identical_passages_are_one_result_saying_where_else(index):
    found = index.search("partners sector")
    assert len(found.results) == 1 and found.total == 1
    [hit] = found.results
    others = {hit.section, *(section for section, _, _ in hit.also)}
    assert others == {"first", "second", "third"}
    assert len(hit.also) == 2 and hit.also_titles == [t for t in hit.also_titles if t != hit.title]


def test_a_result_says_the_heading_it_sits_under(index):
    [hit] = index.search('"default value"').results
    assert (hit.section, hit.heading, hit.where) == ("first", "Working together", "Title first › Working together")
    [entry] = [h for h in index.search("unpaid").results]
    assert entry.heading == "" and entry.where == "Title guide"


def test_phrase_results_hold_the_phrase_word_for_word(index):
    # "A default of value" has both words next to each other once stop words are dropped.
    assert [h.section for h in index.search('"default value"').results] == ["first"]
    assert index.search('"default value"').total == 1
    assert {h.section for h in index.search("default value").results} == {"first", "second"}


def test_the_guide_comes_before_the_help_unless_the_question_is_about_the_reader(index):
    assert index.search("carers").results[0].section == "guide"
    assert [h.kind for h in index.search("carers").results][-1] == "help"
    assert [h.section for h in index.search("carers keyboard").results] == ["keys"]
    about_reader = [h.section for h in index.search("search carers").results]
    assert about_reader[0] == "keys"


def test_on_the_guide_young_scot_lists_the_introduction_and_no_passage_twice(tmp_path):
    from reader.library import open_guide
    from tests.conftest import CONTENT

    with SearchIndex.open_or_build(open_guide(CONTENT), roots=[tmp_path / "index"]) as guide_index:
        hits = guide_index.search("young scot").results
        assert ("introduction", "p2") in [(h.section, h.anchor) for h in hits[:3]]
        extracts = [h.snippet_text for h in hits]
        assert len(extracts) == len(set(extracts))
        carers = guide_index.search("carers").results
        kinds = [h.kind for h in carers]
        assert kinds[0] not in {"help", "glossary"} and kinds.index("help") > max(
            i for i, k in enumerate(kinds) if k not in {"help", "glossary"})


def test_a_phrase_with_too_many_candidates_says_how_many_were_checked(index, monkeypatch):
    from reader.search import index as index_module

    monkeypatch.setattr(index_module, "MAX_PHRASE_CHECKS", 1)
    found = index.search('"value of a"')  # "value" is its only searchable word: every passage with it
    assert any("checked for the exact phrase" in note for note in found.notes)
    assert found.total <= 1
