"""Searching a real Whoosh index on disk: what a person typing into the search box gets."""

from __future__ import annotations

import html
import re
import time

import pytest

from reader.loader import load_guide
from reader.render import render_section
from reader.search import SearchIndex
from reader.search.query import MAX_EXPANSION, MAX_QUERY_CHARS

from .search_content import mini_guide, write_content


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    base = tmp_path_factory.mktemp("mini")
    index = SearchIndex.open_or_build(mini_guide(base / "content"), roots=[base / "index"])
    yield index
    index.close()


def sections(results) -> set[str]:
    return {hit.section for hit in results.results}


# Spellings of prefixed words ------------------------------------------------------------------

CO_PRODUCTION = ["co-production", "coproduction", "co production", "Co-Production", "co–production",
                 '"co-production"', '"co production"', "CO PRODUCTION", "co‐production"]


@pytest.mark.parametrize("query", CO_PRODUCTION)
def test_every_spelling_of_co_production_finds_every_spelling_in_the_text(mini, query):
    found = mini.search(query)
    assert sections(found) == {"hyphen", "joined", "spaced"}, query
    assert found.total == 3


@pytest.mark.parametrize("query", ["co-design", "codesign", "co design", "co-designed", "codesigning"])
def test_co_design_spellings_and_their_stems_meet(mini, query):
    assert sections(mini.search(query)) == {"hyphen", "joined", "spaced"}


def test_the_second_half_of_a_prefixed_word_finds_it_too(mini, guide_index):
    assert sections(mini.search("production")) == {"hyphen", "joined", "spaced", "other"}
    assert sections(mini.search("design")) == {"hyphen", "joined", "spaced", "other"}
    assert sections(mini.search('"design services"')) == {"hyphen"}  # "co-design services"
    found = guide_index.search("commissioning")
    assert "co-commissioning" in {term for hit in found.results for term in hit.terms}
    marked = " ".join(hit.snippet_html for hit in found.results)
    assert "<b>Co-commissioning</b>" in marked or "<b>co-commissioning</b>" in marked
    # Asking for the compound still means the compound only.
    assert sections(mini.search("co-design")) == {"hyphen", "joined", "spaced"}


def test_co_before_an_operator_is_not_joined(mini):
    # "co AND design" asks for two words; "co" is in no passage, so nothing matches.
    assert mini.search("co AND design").total == 0
    assert sections(mini.search("co-design OR production")) == {"hyphen", "joined", "spaced", "other"}


def test_the_whole_spelling_is_highlighted(mini):
    found = mini.search("coproduction")
    marked = {hit.section: hit.snippet_html for hit in found.results}
    assert "<b>Co-production</b>" in marked["hyphen"]
    assert "<b>Coproduction</b>" in marked["joined"]
    assert "<b>co production</b>" in marked["spaced"]


# Stemming, accents, phrases, booleans, prefixes ------------------------------------------------

def test_stemming_matches_other_forms_of_a_word(guide_index):
    commission = guide_index.search("commission")
    assert any("commissioning" in hit.terms for hit in commission.results)
    disability = guide_index.search("disabilities")
    assert any("disability" in hit.terms for hit in disability.results)
    assert any("disabilities" in hit.terms for hit in disability.results)


def test_accents_are_folded_both_ways(mini):
    assert sections(mini.search("cafe resume")) == {"accents"}
    assert sections(mini.search("naïve")) == {"accents"}
    assert sections(mini.search("NAIVE")) == {"accents"}


def test_phrase_needs_the_words_together(mini):
    assert sections(mini.search("public services")) == {"spaced", "other", "phrases"}
    assert sections(mini.search('"public services"')) == {"spaced", "phrases"}
    assert sections(mini.search('"services public"')) == set()
    # Three words: stop words are skipped on both sides ("people who use" → peopl, use).
    assert sections(mini.search('"people who use services"')) == {"phrases"}
    assert sections(mini.search('"people who use them"')) == {"hyphen"}


def test_boolean_operators(mini):
    assert sections(mini.search("carers OR held")) == {"joined", "spaced"}
    assert sections(mini.search("services AND public")) == {"spaced", "other", "phrases"}
    assert sections(mini.search("services NOT public")) == {"hyphen", "accents"}
    assert sections(mini.search("services ANDNOT public")) == {"hyphen", "accents"}
    assert sections(mini.search("(carers OR held) AND plan")) == {"joined"}


def test_prefix_and_wildcard_use_the_letters_typed(guide_index, mini):
    found = guide_index.search("commissio*")
    assert found.total > 0
    assert all(any(t.replace("co-", "").startswith("commissio") for t in hit.terms) for hit in found.results)
    assert sections(mini.search("disab*")) == {"spaced", "phrases"}
    assert sections(mini.search("work?hop*")) == {"spaced", "accents"}
    assert sections(mini.search("co-des*")) == {"hyphen", "joined", "spaced"}


def test_field_queries_work(mini):
    assert sections(mini.search("title:accents")) == {"accents"}


# Filters ----------------------------------------------------------------------------------------

def test_filter_by_kind_and_tag(mini):
    assert sections(mini.search("services", kind="examples")) == {"hyphen", "phrases"}
    assert sections(mini.search("services", tag="policy")) == {"spaced", "phrases"}
    assert sections(mini.search("services", kind="examples", tag="policy")) == {"phrases"}
    assert sections(mini.search("services", tag="Co-Design")) == {"phrases"}
    assert mini.search("services", kind="nothing-of-this-kind").total == 0


def test_filters_on_the_guide(guide_index):
    found = guide_index.search("co-design", kind="examples")
    assert found.total > 0
    assert {hit.kind for hit in found.results} == {"examples"}
    tagged = guide_index.search("listed", tag="disability")
    assert sections(tagged) == {"glasgow-disability-alliance"}


def test_limit_and_total(guide_index):
    found = guide_index.search("co-production", limit=3)
    assert len(found.results) == 3
    assert found.total > 3
    scores = [hit.score for hit in found.results]
    assert scores == sorted(scores, reverse=True)


# Misspellings --------------------------------------------------------------------------------

def test_misspelling_gets_a_suggestion_and_fuzzy_results(guide_index):
    found = guide_index.search("comissioning")
    assert found.suggestion == "commissioning"
    assert found.fuzzy_used
    assert found.total > 0
    assert all("commissioning</b>" in hit.snippet_html.lower() for hit in found.results)


def test_suggestion_keeps_the_way_the_word_was_written(guide_index):
    assert guide_index.search("Co-desgin").suggestion == "Co-design"
    assert guide_index.search("young scoot").suggestion == "young scot"


def test_correct_words_get_no_suggestion(guide_index):
    found = guide_index.search("disability")
    assert found.suggestion is None and not found.fuzzy_used


def test_nothing_close_gives_an_honest_empty_answer(guide_index):
    found = guide_index.search("xqzvwk")
    assert (found.total, found.results, found.suggestion, found.fuzzy_used) == (0, [], None, False)


# Extracts ----------------------------------------------------------------------------------------

def test_extract_marks_matches_and_escapes_everything_else(mini):
    hit = mini.search("evaluation").results[0]
    assert hit.snippet_html.count("<b>") == 1
    assert "<b>evaluation</b>" in hit.snippet_html
    assert "&amp;" in hit.snippet_html and "5 &lt; 6" in hit.snippet_html
    assert "<" not in hit.snippet_html.replace("<b>", "").replace("</b>", "")
    assert hit.snippet_text == "The café in Glasgow hosted a naïve résumé workshop on commissioning & " \
                               "evaluation of services, where 5 < 6 matters."
    assert hit.terms == ("evaluation",)


def test_extract_of_a_long_paragraph_is_short_and_shows_the_match(guide_index):
    found = guide_index.search("legislation")
    assert found.results
    for hit in found.results:
        assert len(hit.snippet_text) <= 225
        assert "<b>legislation</b>" in hit.snippet_html.lower()
        plain = re.sub(r"</?b>", "", hit.snippet_html)
        assert html.unescape(plain) == hit.snippet_text


def test_highlighter_finds_every_match_in_a_whole_section(guide_index, guide):
    found = guide_index.search("co-production")
    foreword = render_section(guide.get("foreword"))
    text = "\n".join(block.text for block in foreword.blocks)
    spans = found.highlighter.spans(text)
    expected = re.findall(r"(?i)\bco-?\s?production\b", text)
    assert [text[s:e].lower() for s, e in spans] == [word.lower() for word in expected]
    assert len(spans) > 5


def test_negated_words_are_not_highlighted(guide_index):
    found = guide_index.search("services NOT carers")
    assert found.highlighter.stems == {"servic"}
    assert all("<b>carers" not in hit.snippet_html.lower() for hit in found.results)
    assert all("<b>service" in hit.snippet_html.lower() for hit in found.results)


# Malformed and expensive input never raises, never takes long, and still finds words ----------

MALFORMED = [
    '"', '"co production', "(disability", "disability)", "AND", "OR", "NOT", "AND OR NOT", "disability AND",
    "OR disability", "*", "**", "***", "?", "*tion", "{a TO z}", "[a TO z]", "a TO z", "title:", ":",
    "x" * 10_000, "disability " * 2_000, "\x00", "dis\x00ability", "\ud800", "disab\udfffility", "\x1b[31m",
    "care~9", "~", "^", "disability^", "disability^999999999999", '"a b"~999', "()", ")(", "(((((disability",
    '"' * 101, "\\", "\\\\disability", "nofield:value", "kind:examples", "tags:co-design", "+-!&|", "é", "🙂",
    "\u200b\u202e", "   ", "", "\t\n\r", "co-", "-co", "co", "NOT NOT NOT disability", "title:(", "*:*",
    "disability~2/9", "a" * 41 + "*", "disability AND (carers OR", '"unclosed phrase AND "', "%s%n%x",
    "'single quotes'", "''", "[disability", "disability]", "{disability", "<b>disability</b>",
]


@pytest.mark.parametrize("query", MALFORMED, ids=lambda q: repr(q[:20]))
def test_malformed_queries_never_raise_nor_take_long(guide_index, query):
    started = time.perf_counter()
    found = guide_index.search(query)
    assert time.perf_counter() - started < 1.0
    assert isinstance(found.total, int) and found.total >= len(found.results)
    for hit in found.results:
        assert hit.snippet_html and hit.snippet_text


@pytest.mark.parametrize("query", ['"co production', "(disability", "disability)", "disability AND",
                                   "OR disability", "(((((disability", "disability AND (carers OR",
                                   "\\\\disability", "[disability", "<b>disability</b>", "disability^"])
def test_malformed_queries_still_search_their_words(guide_index, query):
    assert guide_index.search(query).total > 0


def test_long_input_is_cut_and_said(guide_index):
    found = guide_index.search("disability " + "x" * 20_000)
    assert any(str(MAX_QUERY_CHARS) in note for note in found.notes)
    assert found.total > 0


@pytest.mark.parametrize("query", ["*", "**", "?", "*tion", "a*", "*:*"])
def test_too_broad_wildcards_are_refused_with_a_reason(guide_index, query):
    found = guide_index.search(query)
    assert found.total == 0
    assert any("too broad" in note for note in found.notes)


def test_only_negative_query_lists_nothing(guide_index):
    found = guide_index.search("NOT disability")
    assert found.total == 0 and found.notes


@pytest.fixture(scope="module")
def wide_vocabulary(tmp_path_factory):
    """One section holding 6,000 different words starting "wa": prefixes must stay bounded."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [f"wa{a}{b}{c}" for a in letters for b in letters for c in letters][:6000]
    base = tmp_path_factory.mktemp("wide")
    body = "\n\n".join(" ".join(words[i:i + 200]) for i in range(0, len(words), 200))
    write_content(base / "content", {"wide": ("help", ["help"], body)})
    index = SearchIndex.open_or_build(load_guide(base / "content"), roots=[base / "index"])
    yield index
    index.close()


def test_prefix_expansion_is_capped(wide_vocabulary):
    started = time.perf_counter()
    found = wide_vocabulary.search("wa*")
    assert time.perf_counter() - started < 1.0
    assert found.total >= 1
    assert 0 < len(found.highlighter.words) <= MAX_EXPANSION
    fuzzy = wide_vocabulary.search("waaax~2")
    assert 0 < len(fuzzy.highlighter.words) <= MAX_EXPANSION


def test_words_never_found_together_fall_back_to_passages_with_some_of_them(guide_index):
    found = guide_index.search("examples of co-design for disability")
    assert found.any_words_used and not found.fuzzy_used and found.total > 0
    assert "glasgow-disability-alliance" in sections(found)
    assert sections(found) & {"iriss", "project-99", "young-scot"}  # co-design passages too
    together = guide_index.search("co-design IRISS")  # both words in one passage: no fallback
    assert together.total > 0 and not together.any_words_used


@pytest.mark.parametrize("exact", ['"lochside iriss"', "lochside AND iriss", "lochs* AND iriss", "(lochside iriss)"])
def test_a_query_written_exactly_is_taken_as_meant(guide_index, exact):
    assert guide_index.search("lochside iriss").any_words_used  # as plain words: some of them
    found = guide_index.search(exact)
    assert found.total == 0 and not found.any_words_used


def test_a_misspelling_searches_only_its_closest_spellings(guide_index):
    from reader.search.query import MAX_CLOSEST, edit_distance

    found = guide_index.search("comissioning")
    assert found.fuzzy_used and found.total > 0
    assert 0 < len(found.highlighter.words) <= MAX_CLOSEST
    assert {edit_distance("comissioning", word) for word in found.highlighter.words} == {1}


def test_a_prefix_standing_for_many_passages_searches_its_most_used_words_and_says_so(guide_index, monkeypatch):
    from reader.search import query

    everything = guide_index.search("co*")
    assert not any("most used" in note for note in everything.notes)
    monkeypatch.setattr(query, "MAX_POSTINGS", 10)
    fewer = guide_index.search("co*")
    assert any("“co*” stands for many words" in note for note in fewer.notes)
    assert 0 < len(fewer.highlighter.words) < len(everything.highlighter.words)
    assert 0 < fewer.total < everything.total


# Plain words without Whoosh's parser -------------------------------------------------------------

_WORD_PARTS = ["young", "Scot", "the", "and", "And", "AND", "OR", "not", "NOT", "To", "TO", "a", "of", "café",
               "Straße", "2014", "², "[:-2], "é", "x", "carers", "Co", "co", "production", "ÆON", "ŁÓDŹ", "people",
               "examples", "design", "α", "ωμέγα", "Ⅷ", "q" * 41, "young"]


def test_plain_words_make_the_query_the_parser_makes_without_it():
    """Every text of letters and digits that skips the parser gets the parser's own query, and the
    parser is not made for it; anything with syntax goes to the parser."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from reader.search.parser import make_parser as make_whoosh_parser
    from reader.search.query import Parser, plain_words_query
    from reader.search.schema import make_schema

    schema = make_schema()
    whoosh_parser = make_whoosh_parser(schema)
    skipped = []

    # Derandomised, so the count of plain texts below is the same on every run; words from the list
    # are drawn three times as often as arbitrary text, so that most draws are plain.
    @settings(max_examples=400, deadline=None, derandomize=True)
    @given(st.lists(st.one_of(st.sampled_from(_WORD_PARTS), st.sampled_from(_WORD_PARTS),
                              st.sampled_from(_WORD_PARTS), st.text(min_size=1, max_size=12)),
                    min_size=1, max_size=30))
    def check(parts: list[str]) -> None:
        cleaned = " ".join(" ".join(parts).split())
        if not cleaned:
            return
        made = plain_words_query(cleaned)
        if made is not None:
            skipped.append(cleaned)
            assert made == whoosh_parser.parse(cleaned), cleaned
            assert repr(made) == repr(whoosh_parser.parse(cleaned))

    check()
    assert len(skipped) > 50  # the plain case was exercised, not only the fallback
    for syntax in ['"young scot"', "young AND scot", "young OR scot", "NOT scot", "you*", "scot~", "title:scot",
                   "co-design", "don't", "e.g.", "(young)", "young^2", "snake_case"]:
        assert plain_words_query(syntax) is None, syntax
    lazy = Parser(schema)
    assert lazy.parse("young scot") == whoosh_parser.parse("young scot") and lazy._parser is not None


def test_a_plain_search_makes_no_parser_and_finds_what_the_parser_finds(tmp_path):
    from reader.search.parser import make_parser as make_whoosh_parser
    from reader.search.query import plan

    index = SearchIndex.open_or_build(mini_guide(tmp_path / "content"), roots=[tmp_path / "index"])
    with index:
        plain = index.search("public services")
        assert index._parser._parser is None, "plain words built Whoosh's parser"
        reader = index._searcher.reader()
        whoosh_parser = make_whoosh_parser(index._searcher.schema)
        for text in ["public services", "the carers", "What is coproduction", "Café 2014", "a", "zzz"]:
            assert plan(text, index._parser, reader) == plan(text, whoosh_parser, reader), text
        assert index.search('"public services"').total == 2 and index._parser._parser is not None
    assert plain.total == 3 and {hit.section for hit in plain.results} == {"spaced", "other", "phrases"}
