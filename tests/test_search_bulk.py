"""Scoring a posting list at a time gives Whoosh's own scores, order and counts, on a real index on disk.

Each query is planned as the reader plans it, then run both ways: by :mod:`reader.search.bulk`
and by Whoosh's searcher. The passages, their order, their scores (to the last bit) and the
count must be the same, on a freshly built index (one segment) and after content was added and
replaced (several segments, some passages deleted). The whole search (extracts, folding, the
help after the guide) must give the same hits either way, and misspellings must find the same
near words as Whoosh's own walk of the index.
"""

from __future__ import annotations

import random

import pytest
from whoosh import index as windex
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher

from reader.search import SearchIndex, bulk, ranking
from reader.search.query import (
    MAX_EXPANSION,
    MAX_SCAN,
    _as_text,
    _within,
    any_words_plan,
    make_parser,
    plan,
    prefix_words,
    sorted_words,
    vocabulary,
)

from .conftest import CONTENT

QUERIES = [
    "carers", "disability", "co-production", "public services", "young scot", "people outcomes",
    "community health wellbeing", "public services people", "examples of co-design", "commiss*", "partner*",
    "co-des*", "comm*", "deliver*", "re*", "th*", "wellbeeing~", "comissioning~2", "commiss* services",
    '"public services"', '"lived experience"', "carers families help", "kind:help keys", "co production network",
]


#: Words never all in one passage of the guide: a search for them retries with any of them.
ANY_WORDS = ["carers keys", "young scot glossary", "disability housing carers", "young scot carers housing",
             "project housing bookmark"]


def both_ways(index: SearchIndex, text: str, limit: int | None, q=None):
    searcher = index._searcher
    q = q if q is not None else plan(text, index._parser, searcher.reader()).query
    if q is None:
        return None, None
    scores = bulk.BulkScorer(searcher).scores(q)
    whoosh = searcher.search(q, limit=limit, optimize=False)
    return (None if scores is None else (len(scores), bulk.top(scores, limit))), (len(whoosh), list(whoosh.top_n))


def assert_same_scoring(index: SearchIndex, queries=None) -> int:
    """Every query (text, or (text, query) pairs) scored alike both ways; returns how many the bulk scorer took."""
    taken = 0
    for item in queries or QUERIES:
        text, q = item if isinstance(item, tuple) else (item, None)
        for limit in (60, None):
            ours, whoosh = both_ways(index, text, limit, q)
            if ours is None:
                continue
            taken += 1
            # The same count, passages and order; the scores equal but for the last bit, which the order of
            # adding up a word's weights over several segments may change.
            assert ours[0] == whoosh[0], (text, limit)
            assert [doc for _, doc in ours[1]] == [doc for _, doc in whoosh[1]], (text, limit)
            assert [score for score, _ in ours[1]] == pytest.approx([score for score, _ in whoosh[1]], rel=1e-12)
    return taken


def test_bulk_scoring_gives_whoosh_scores_order_and_counts(guide_index):
    assert assert_same_scoring(guide_index) >= 2 * (len(QUERIES) - 4)  # phrases of 3+ words, NOT… go to Whoosh


def test_bulk_scoring_stays_exact_after_content_is_added_and_replaced(guide_index, tmp_path_factory):
    from reader.library import open_guide

    base = tmp_path_factory.mktemp("segments")
    guide = open_guide(CONTENT)
    with SearchIndex.open_or_build(guide, roots=[base / "index"]) as index:
        first = next(s for s in guide if "carers" in s.body.lower())
        changed = first.copy(body=first.body + "\n\nCarers and public services, again.\n")
        index.add_sections([changed])
        reader = index._searcher.reader()
        assert not reader.is_atomic() and any(leaf.has_deletions() for leaf, _ in reader.leaf_readers())
        assert assert_same_scoring(index) > 0


def any_words(index: SearchIndex) -> list[tuple[str, object]]:
    reader = index._searcher.reader()
    found = [(text, any_words_plan(text, reader)) for text in ANY_WORDS]
    assert all(p is not None for _, p in found)
    return [(text, p.query) for text, p in found]


@pytest.mark.parametrize("matcher_type", [wq.Or.AUTO_MATCHER, wq.Or.DEFAULT_MATCHER, wq.Or.ARRAY_MATCHER])
def test_any_of_the_words_is_scored_as_whoosh_unites_them(guide_index, tmp_path_factory, monkeypatch, matcher_type):
    """The retry when no passage has every word: Whoosh unites the words as a tree of pairs or in an
    array (on the guide, automatically: a tree for two words, an array for more), each way matched."""
    monkeypatch.setattr(wq.Or, "matcher_type", matcher_type)
    queries = any_words(guide_index)
    assert assert_same_scoring(guide_index, queries) == 2 * len(queries)
    assert all(guide_index.search(text).any_words_used for text in ANY_WORDS)


def test_any_of_the_words_counts_every_passage_holding_one_of_them(guide_index):
    """The count is the passages holding any of the words, each word's passages found by Whoosh
    itself (its own search with a limit counts fewer at 40,000 passages: 1,438 of 2,234)."""
    searcher = guide_index._searcher
    for text, q in any_words(guide_index):
        each = set().union(*(searcher.docs_for_query(sub) for sub in q.subqueries))
        assert len(bulk.BulkScorer(searcher).scores(q)) == len(each), text


def test_any_of_the_words_finds_the_same_hits_with_and_without_bulk_scoring(guide_index, monkeypatch):
    fast = {text: guide_index.search(text) for text in ANY_WORDS}
    monkeypatch.setattr(guide_index, "_bulk", None)
    for text, found in fast.items():
        assert found.any_words_used and found.total > 0
        assert (found.total, found.results) == (guide_index.search(text).total, guide_index.search(text).results)


def test_posting_lists_are_written_as_arrays_and_whooshs_own_blocks_still_read(tmp_path_factory):
    """A built index holds :mod:`reader.search.codec`'s blocks; a segment written with Whoosh's
    default codec beside it (an index changed by another writer) is scored the same both ways."""
    from whoosh.codec.whoosh3 import W3Codec

    from reader.library import open_guide
    from reader.search import build
    from reader.search.codec import ArrayLeafMatcher

    guide = open_guide(CONTENT)
    root = tmp_path_factory.mktemp("codec")
    build.write_index(root, guide, guide)
    ix = windex.open_dir(str(root))
    try:
        with ix.searcher() as searcher:
            matcher = searcher.reader().postings("stems", "carer")
            assert type(matcher) is ArrayLeafMatcher and matcher.is_active()
            matcher._read_data()
            ids, weights, _ = matcher._data
            assert type(ids) is bytes and matcher._compression == 0
            assert type(weights) is bytes or weights is None or isinstance(weights, float)
            text = searcher.reader().postings("text", "carer")
            assert type(text) is ArrayLeafMatcher and text._compression > 0  # positions stay compressed
        writer = ix.writer(codec=W3Codec())
        first = next(s for s in guide if "carers" in s.body.lower())
        build.add_documents(writer, [first.copy(id="again", body=first.body + "\n\nCarers, again.\n")], guide)
        writer.commit(merge=False)
    finally:
        ix.close()
    ix = windex.open_dir(str(root))
    try:
        with ix.searcher() as searcher:
            leaves = searcher.reader().leaf_readers()
            assert len(leaves) == 2 and type(leaves[1][0].postings("stems", "carer")) is W3LeafMatcher
            scorer = bulk.BulkScorer(searcher)
            for text in QUERIES:
                q = plan(text, make_parser(searcher.schema), searcher.reader()).query
                scores = None if q is None else scorer.scores(q)
                if scores is None:
                    continue
                whoosh = searcher.search(q, limit=None, optimize=False)
                assert [d for _, d in bulk.top(scores, None)] == [d for _, d in whoosh.top_n], text
                assert [s for s, _ in bulk.top(scores, None)] == pytest.approx([s for s, _ in whoosh.top_n], rel=1e-12)
    finally:
        ix.close()


def test_stored_fields_read_directly_are_whooshs_in_every_segment(tmp_path_factory):
    from reader.library import open_guide

    base = tmp_path_factory.mktemp("stored")
    guide = open_guide(CONTENT)
    with SearchIndex.open_or_build(guide, roots=[base / "index"]) as index:
        first = next(s for s in guide if "carers" in s.body.lower())
        index.add_sections([first.copy(body=first.body + "\n\nCarers, once more.\n")])
        searcher = index._searcher
        assert len(list(searcher.reader().leaf_readers())) > 1
        scorer = bulk.BulkScorer(searcher)
        numbers = list(searcher.reader().all_doc_ids())
        assert numbers[-1] >= searcher.reader().leaf_readers()[-1][1]  # the last segment is read too
        assert [scorer.stored_fields(n) for n in numbers] == [searcher.stored_fields(n) for n in numbers]


def test_a_few_passages_of_a_long_posting_list_are_found_by_halving():
    rng = random.Random(7)
    ids = sorted(rng.sample(range(50_000), 4000))
    weights = [float(rng.randint(1, 9)) for _ in ids]
    within = set(rng.sample(ids, 200)) | set(rng.sample(range(50_000), 200))
    assert len(within) * bulk.BISECT_RATIO < len(ids)
    weight_of = dict(zip(ids, weights, strict=True))
    assert dict(bulk._looked_up(ids, weights, within)) == {d: weight_of[d] for d in within if d in weight_of}


def test_a_search_gives_the_same_hits_with_and_without_bulk_scoring(guide_index, monkeypatch):
    fast = {text: guide_index.search(text) for text in QUERIES}
    monkeypatch.setattr(guide_index, "_bulk", None)
    for text, found in fast.items():
        slow = guide_index.search(text)
        assert (found.total, found.results, found.suggestion, found.fuzzy_used) == \
            (slow.total, slow.results, slow.suggestion, slow.fuzzy_used), text


@pytest.mark.parametrize("text", ["disabilty", "comissioning", "partnrship", "outcomse", "yung scot"])
def test_a_misspelling_finds_the_same_passages_either_way(guide_index, monkeypatch, text):
    fast = guide_index.search(text)
    assert fast.fuzzy_used and fast.total > 0
    monkeypatch.setattr(guide_index, "_bulk", None)
    assert guide_index.search(text).results == fast.results


def test_near_words_in_memory_are_the_ones_whoosh_walks_to(guide_index):
    reader = guide_index._searcher.reader()
    vocabulary = sorted_words(reader, "words")
    assert vocabulary == sorted(vocabulary) and len(vocabulary) > 500
    words = [*random.Random(11).sample(vocabulary, 60), "comissioning", "disabilty", "coproductoin", "zzzz"]
    for word in words:
        for maxdist in (1, 2):
            for prefix in range(min(2, len(word)) + 1):
                walked = {_as_text(w) for w in reader.terms_within("words", word, maxdist, prefix=prefix)}
                assert _within(reader, "words", word, maxdist, prefix) == walked, (word, maxdist, prefix)


def _most_used_from_the_index(reader, fieldname: str, prefix: str) -> list[str]:
    """Prefix expansion read from Whoosh's term file, word by word (as before the vocabulary)."""
    found = []
    for scanned, (word, info) in enumerate(reader.iter_prefix(fieldname, prefix)):
        if scanned >= MAX_SCAN:
            break
        found.append((-info.doc_frequency(), _as_text(word)))
    found.sort()
    return sorted(word for _, word in found[:MAX_EXPANSION])


def assert_same_expansions(reader) -> None:
    known = vocabulary(reader, "words")
    prefixes = sorted({word[:size] for word in known.words for size in (2, 3, 4)})
    for prefix in prefixes:
        assert prefix_words(reader, "words", prefix) == _most_used_from_the_index(reader, "words", prefix), prefix
    for word in known.words[::7]:
        assert known.doc_frequency(word) == reader.doc_frequency("words", word) > 0
    assert known.doc_frequency("zzzznotaword") == 0


def test_prefixes_expand_to_the_words_the_index_file_lists(guide_index, tmp_path_factory):
    from reader.library import open_guide

    assert_same_expansions(guide_index._searcher.reader())
    base = tmp_path_factory.mktemp("prefix-segments")
    guide = open_guide(CONTENT)
    with SearchIndex.open_or_build(guide, roots=[base / "index"]) as index:
        first = next(s for s in guide if "carers" in s.body.lower())
        index.add_sections([first.copy(body=first.body + "\n\nCarers commissioning commission, zebras.\n")])
        assert not index._searcher.reader().is_atomic()
        assert_same_expansions(index._searcher.reader())


def _collapse_comparing_each(candidates, highlighter, load, limit):
    """Folding as it was written first: every passage's words compared with every kept passage."""
    kept, folded = [], 0
    for candidate in candidates:
        if len(kept) >= limit:
            break
        candidate.fields = candidate.fields or load(candidate.docnum)
        words = ranking.fingerprint(candidate.fields["text"])
        twin = next((c for w, c in kept if ranking.alike(w, words)), None)
        if twin is None:
            candidate.extract = highlighter.extract(candidate.fields["text"])
            twin = next((c for _, c in kept if c.extract.text == candidate.extract.text), None)
        if twin is None:
            kept.append((words, candidate))
        else:
            twin.also.append(candidate.place())
            folded += 1
    return [c for _, c in kept], folded


def test_repeated_passages_fold_as_when_each_is_compared(guide_index):
    searcher = guide_index._searcher
    texts = [searcher.stored_fields(docnum) for docnum in range(searcher.doc_count_all())]
    rng = random.Random(5)
    highlighter = plan("young scot co-production", guide_index._parser, searcher.reader()).highlighter
    for _ in range(30):
        # Passages drawn with many repeats (the same sentence on several pages), in any order.
        order = [rng.randrange(len(texts)) for _ in range(rng.randint(5, 120))]

        def candidates(order=order):
            return [ranking.Candidate(0, 1.0, number) for number in order]

        def load(docnum):
            return dict(texts[docnum])

        limit = rng.choice([3, 10, 20])
        ours, ours_folded = ranking.collapse(candidates(), highlighter, load, limit)
        theirs, theirs_folded = _collapse_comparing_each(candidates(), highlighter, load, limit)
        assert [(c.docnum, c.also) for c in ours] == [(c.docnum, c.also) for c in theirs]
        assert ours_folded == theirs_folded


def _top_by_heap(scores, limit):
    """The best passages as first written: a heap of (score, -passage) pairs."""
    import heapq

    return [(score, -negated) for score, negated in heapq.nlargest(limit, ((s, -d) for d, s in scores.items()))]


def test_the_best_passages_are_the_heaps_with_many_equal_scores():
    rng = random.Random(9)
    for _ in range(200):
        size = rng.randint(1, 400)
        scores = {rng.randrange(5000): float(rng.choice((1, 2, 3, 4.5, rng.random()))) for _ in range(size)}
        for limit in (1, 2, 20, 60, len(scores) - 1):
            if 0 < limit < len(scores):
                assert bulk.top(scores, limit) == _top_by_heap(scores, limit), limit
