"""Misspellings looked up in a table of deletions find exactly the words Whoosh's automaton walks to.

On a real index on disk (one segment, then several with passages deleted), for index words and
for misspellings made from them by every kind of edit, the table lookup must give the same set
as the automaton's walk over the same words (and, on one segment, as Whoosh's own ``terms_within``
on the index file); the closest spellings, the fuzzy expansions and the misspelt searches must be the same.
"""

from __future__ import annotations

import random

from reader.search import SearchIndex
from reader.search import query as search_query
from reader.search.query import (
    _as_text,
    _walk,
    _within,
    closest_words,
    deletions,
    fuzzy_words,
    vocabulary,
    within_edits,
)

from .conftest import CONTENT

MISSPELT = ["comissioning", "disabilty", "coproductoin", "partnrship", "outcomse", "wellbeeing", "yung", "scto",
            "carres", "zzzz", "servicess", "énergie", "co-desing", "lived", "expereince", "qq", "a"]


def misspellings(words: list[str], seed: int) -> list[str]:
    """Each word with one or two random edits: a letter dropped, added, changed or two swapped."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyzé-"
    made = []
    for word in words:
        for _ in range(rng.choice((1, 2))):
            place = rng.randrange(len(word) + 1)
            edit = rng.choice(("drop", "add", "change", "swap"))
            if edit == "drop" and place < len(word):
                word = word[:place] + word[place + 1:]
            elif edit == "add":
                word = word[:place] + rng.choice(letters) + word[place:]
            elif edit == "change" and place < len(word):
                word = word[:place] + rng.choice(letters) + word[place + 1:]
            elif place + 1 < len(word):
                word = word[:place] + word[place + 1] + word[place] + word[place + 2:]
        made.append(word)
    return made


def assert_same_near_words(reader, sample: int, seed: int) -> None:
    known = vocabulary(reader, "words").words
    picked = random.Random(seed).sample(known, sample)
    for word in [*picked, *misspellings(picked, seed), *MISSPELT]:
        for maxdist in (1, 2):
            for prefix in range(1, min(3, len(word)) + 1):  # callers never fix more than the word
                table = _within(reader, "words", word, maxdist, prefix)
                assert table == _walk(reader, "words", word, maxdist, prefix), (word, maxdist, prefix)
        if reader.is_atomic():  # over several segments Whoosh's own walk can give words 3 edits away
            walked = {_as_text(w) for w in reader.terms_within("words", word, 2, prefix=1)}
            assert _within(reader, "words", word, 2, 1) == walked, word


def test_the_table_finds_the_words_the_automaton_walks_to(guide_index):
    assert_same_near_words(guide_index._searcher.reader(), 150, 3)


def test_the_table_stays_exact_after_content_is_added_and_replaced(tmp_path_factory):
    from reader.library import open_guide

    guide = open_guide(CONTENT)
    with SearchIndex.open_or_build(guide, roots=[tmp_path_factory.mktemp("near-segments") / "index"]) as index:
        first = next(s for s in guide if "carers" in s.body.lower())
        index.add_sections([first.copy(body=first.body + "\n\nCarers comissioning zebras, zebra-crossings.\n")])
        reader = index._searcher.reader()
        assert not reader.is_atomic()
        assert_same_near_words(reader, 60, 4)


def test_misspelt_searches_are_the_same_as_with_the_walk(guide_index, monkeypatch):
    reader = guide_index._searcher.reader()
    texts = ["disabilty", "comissioning", "partnrship", "outcomse", "yung scot", "wellbeeing~", "comissioning~2",
             "expereince of carres"]
    fast = {text: guide_index.search(text) for text in texts}
    near = {word: (closest_words(reader, "words", word), fuzzy_words(reader, "words", word)) for word in MISSPELT}
    assert any(found for found, _ in near.values())
    monkeypatch.setattr(search_query, "_within", _walk)
    for word, found in near.items():
        assert (closest_words(reader, "words", word), fuzzy_words(reader, "words", word)) == found, word
    for text, found in fast.items():
        slow = guide_index.search(text)
        assert (found.total, found.results, found.suggestion, found.fuzzy_used) == \
            (slow.total, slow.results, slow.suggestion, slow.fuzzy_used), text


def test_edit_distance_checks():
    assert deletions("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert deletions("ab", 2) == {"ab", "a", "b", ""}
    assert within_edits("kitten", "sitting", 3) and not within_edits("kitten", "sitting", 2)
    assert within_edits("ab", "ba", 2) and not within_edits("ab", "ba", 1)  # no transpositions, as Whoosh
    assert within_edits("", "ab", 2) and not within_edits("", "abc", 2)
