"""Score the reader's common queries a posting list at a time, with Whoosh's own scores.

Whoosh scores a query one passage at a time: for every candidate its matchers step, skip and
ask the index file for the passage's length, each a Python call or a file read. Two words over
40,000 passages cost 60–70 ms that way. The queries the reader makes are nearly all terms, all
of them required (``And``) or any of an expansion (:class:`~reader.search.query.ExpansionOr`),
and those can be scored another way: read each term's posting list whole (a block's numbers are
array bytes, see :mod:`reader.search.codec`), intersect the passage numbers as sets, and score
only the passages that match, with the field lengths read once into memory. A search's retry
with any of the words (Whoosh's plain ``Or``) is united the way Whoosh's ``Or`` would unite it.

The score of each passage is Whoosh's BM25F, computed with the same operations in the same
order: the same floating-point result on one segment, and at most a difference in the last bit
where an index has several segments (a word's weights are added up in another order), which
never changed an order in the tests; ties go to the lower passage number, as Whoosh's collector
orders them. Any other query (phrases, NOT, other fields' queries, a weighting other
than BM25F) returns None from :meth:`BulkScorer.scores`, and the caller lets Whoosh run it.
"""

from __future__ import annotations

import heapq
import io
import pickle
import struct
import zlib
from array import array
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from itertools import accumulate
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3LeafMatcher, _lenfield
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from reader.search.codec import ArrayLeafMatcher, unpacked
from reader.search.query import ExpansionOr

#: Fields whose terms and weights another field holds without positions (read from there).
WITHOUT_POSITIONS = {"text": "stems"}
_BLOCK_MATCHERS = (W3LeafMatcher, ArrayLeafMatcher)  # a segment's own blocks, no deletions to filter
_INT = struct.Struct("!i")  # whoosh.system.pack_int: a block's length, negative for the last block

class _Unsupported(Exception):
    """The query has a part this module does not score: Whoosh runs it instead."""


def top(scores: dict[int, float], limit: int | None) -> list[tuple[float, int]]:
    """(score, passage) best first, ties by passage number, as Whoosh's collectors order them."""
    if limit is None or limit >= len(scores):
        return sorted(((score, docnum) for docnum, score in scores.items()), key=lambda item: (-item[0], item[1]))
    # Only passages scoring at least the limit-th best score can be among the best: finding that
    # score among bare floats and ordering those few is a third of the time of a heap of pairs.
    threshold = heapq.nlargest(limit, scores.values())[-1] if limit > 0 else float("inf")
    best = [(score, docnum) for docnum, score in scores.items() if score >= threshold]
    best.sort(key=lambda item: (-item[0], item[1]))
    return best[:limit]


class BulkScorer:
    """Scores for one open searcher; caches each field's lengths (a byte a passage) once read."""

    def __init__(self, searcher: Any) -> None:
        self._searcher = searcher
        self._reader = searcher.reader()
        self._leaves = list(self._reader.leaf_readers())
        self._offsets = [offset for _, offset in self._leaves]
        # Each segment's field names as a set: asking its schema costs a call per field per passage.
        self._names = [frozenset(leaf.schema.names()) for leaf, _ in self._leaves]
        weighting = searcher.weighting
        self._usable = type(weighting) is BM25F  # a subclass may score otherwise
        self._weighting = weighting
        self._lengths: dict[tuple[int, str], bytes] = {}
        self._norms: dict[str, list[float | None]] = {}
        self._memo: dict[tuple[str, Any], tuple[array[int], array[float]]] = {}  # postings, one query long

    def scores(self, q: Any, allowed: Iterable[int] | None = None) -> dict[int, float] | None:
        """Passage number → score for every passage ``q`` matches (only those in ``allowed``
        when given), or None when ``q`` is not one this module scores."""
        if not self._usable:
            return None
        self._memo = {}
        try:
            found = self._evaluate(q)
        except _Unsupported:
            return None
        finally:
            self._memo = {}
        if allowed is not None:
            keep = allowed if isinstance(allowed, set | frozenset) else set(allowed)
            found = {docnum: score for docnum, score in found.items() if docnum in keep}
        return found

    # Query shapes -------------------------------------------------------------------------

    def _evaluate(self, q: Any, within: set[int] | None = None) -> dict[int, float]:
        """Scores of the passages ``q`` matches; ``within`` (when given) bounds which are scored."""
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return {}
        if type(q) is wq.Term:  # subclasses (FuzzyTerm, …) match otherwise
            return self._term(q, within)
        if type(q) is ExpansionOr and not q.minmatch and not q.scale:
            return self._union(q, within) if len(q.subqueries) != 1 else self._evaluate(q.subqueries[0], within)
        if type(q) is wq.Or and not q.minmatch and not q.scale:  # any of the words (the retry when none has all)
            if len(q.subqueries) == 1:
                return self._evaluate(q.subqueries[0], within)
            return self._union_tree(q, within) if self._or_as_tree(q) else self._union(q, within)
        if type(q) is wq.And:
            # Whoosh runs a lone part as itself: the compound's boost is not applied.
            return self._intersection(q, within) if len(q.subqueries) != 1 else self._evaluate(q.subqueries[0], within)
        raise _Unsupported

    def _term(self, q: Any, within: set[int] | None) -> dict[int, float]:
        ids, weights = self._postings(q.fieldname, q.text)
        if not ids:
            return {}
        field = self._searcher.schema[q.fieldname]
        if not field.scorable:
            raise _Unsupported
        scorer = self._weighting.scorer(self._searcher, q.fieldname, field.to_bytes(q.text))
        idf, K1 = scorer.idf, scorer.K1
        norms = self._norm_table(q.fieldname, scorer)
        lengths = self._all_lengths(q.fieldname)
        # Whoosh's bm25(): idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl))),
        # the second term looked up by the passage's length byte.
        K1_1 = K1 + 1
        if within is None:
            found = {docnum: idf * ((tf * K1_1) / (tf + norms[lengths[docnum]]))
                     for docnum, tf in zip(ids, weights, strict=True)}
        elif len(within) * BISECT_RATIO < len(ids):  # a few passages of a long list: look them up
            found = {docnum: idf * ((tf * K1_1) / (tf + norms[lengths[docnum]]))
                     for docnum, tf in _looked_up(ids, weights, within)}
        else:  # most of the list: a dictionary of it, read straight from (no list of pairs between)
            weight_of = dict(zip(ids, weights, strict=True))
            found = {docnum: idf * ((tf * K1_1) / (tf + norms[lengths[docnum]]))
                     for docnum in within if docnum in weight_of for tf in (weight_of[docnum],)}
        if q.boost != 1.0:
            found = {docnum: score * q.boost for docnum, score in found.items()}
        return found

    def _union(self, q: Any, within: set[int] | None) -> dict[int, float]:
        """Whoosh's array union: each word's score added, in the order of the words, to 0."""
        total: dict[int, float] = {}
        boost = q.boost
        for sub in q.subqueries:
            for docnum, score in self._evaluate(sub, within).items():
                total[docnum] = total.get(docnum, 0.0) + score * boost
        return total

    def _or_as_tree(self, q: Any) -> bool:
        """Whether Whoosh unites ``q``'s parts as a tree of pairs (``DefaultOr``) rather than by
        adding each part's scores into an array in turn, as its ``Or`` chooses for a search."""
        kind = q.matcher_type
        if kind == wq.Or.AUTO_MATCHER:  # a search's own context never needs the current match
            parts = len(q.subqueries)
            return parts < q.TOO_MANY_CLAUSES and (parts == 2 or self._reader.doc_count_all() > 5000)
        if kind in (wq.Or.DEFAULT_MATCHER, wq.Or.ARRAY_MATCHER):
            return bool(kind == wq.Or.DEFAULT_MATCHER)
        raise _Unsupported

    def _union_tree(self, q: Any, within: set[int] | None) -> dict[int, float]:
        """Whoosh's tree of unions: the parts joined lightest first (see :func:`_tree`), a passage
        in both halves of a pair scoring their sum, one in a single half that half's score. The
        count is every passage holding a part: Whoosh's own search with a limit counts fewer
        (1,438 of 2,234 passages for three words over 40,000), though its best passages are these."""
        subs = list(q.subqueries)
        parts = [self._evaluate(sub, within) for sub in subs]
        total = _united(_tree([sub.estimate_size(self._reader) for sub in subs]), parts)
        if q.boost != 1.0:
            total = {docnum: score * q.boost for docnum, score in total.items()}
        return total

    def _intersection(self, q: Any, within: set[int] | None) -> dict[int, float]:
        """Passages every part matches, found from the passage numbers before any is scored;
        the parts' scores summed as Whoosh's tree of intersections sums them (smallest first)."""
        subs = list(q.subqueries)
        if not subs:
            return {}
        common = within
        scored: dict[int, dict[int, float]] = {}  # parts other than terms, scored to be matched
        sizes = [sub.estimate_size(self._reader) for sub in subs]  # each a look-up in the term index
        for index in sorted(range(len(subs)), key=sizes.__getitem__):
            sub = subs[index]
            if type(sub) is wq.Term:  # matched by passage number alone, scored later
                ids, _ = self._postings(sub.fieldname, sub.text)
                docs = set(ids) if common is None else common.intersection(ids)
            else:
                scored[index] = self._evaluate(sub, common)
                docs = set(scored[index]) if common is None else common.intersection(scored[index])
            common = docs
            if not common:
                return {}
        parts = [scored[i] if i in scored else self._evaluate(sub, common) for i, sub in enumerate(subs)]
        total = _summed(_tree([0 - size for size in sizes]), parts, common or set())
        if q.boost != 1.0:
            total = {docnum: score * q.boost for docnum, score in total.items()}
        return total

    # Reading the index ----------------------------------------------------------------------

    def stored_fields(self, docnum: int) -> dict[str, Any]:
        """A passage's stored fields, as ``searcher.stored_fields`` returns them, read from its
        segment's column directly: a search reads up to 60 (twins folded), and Whoosh's layers
        (searcher, multi-segment reader, a generator filtering the fields) cost a third of each."""
        place = bisect_right(self._offsets, docnum) - 1
        leaf, offset = self._leaves[place]
        perdoc = getattr(leaf, "_perdoc", None)
        if perdoc is None or leaf.is_closed:
            whole: dict[str, Any] = self._searcher.stored_fields(docnum)  # not a plain segment: Whoosh's own way
            return whole
        fields: dict[str, Any] = perdoc.stored_fields(docnum - offset)
        names = self._names[place]
        if names.issuperset(fields):
            return fields  # unpickled afresh for every call: the caller's own
        return {name: value for name, value in fields.items() if name in names}  # a field since removed


    def _postings(self, fieldname: str, text: Any) -> tuple[array[int], array[float]]:
        """Every (passage, weight) of a term over all segments, deleted passages left out."""
        if (fieldname, text) not in self._memo:
            self._memo[fieldname, text] = self._read_postings(fieldname, text)
        return self._memo[fieldname, text]

    def _read_postings(self, fieldname: str, text: Any) -> tuple[array[int], array[float]]:
        schema = self._searcher.schema
        if fieldname not in schema:
            return array("I"), array("f")
        try:
            btext = schema[fieldname].to_bytes(text)
        except ValueError:
            return array("I"), array("f")
        shadow = WITHOUT_POSITIONS.get(fieldname)
        if shadow is not None and shadow in schema:
            fieldname = shadow
        ids: array[int] = array("I")
        weights: array[float] = array("f")
        for leaf, offset in self._leaves:
            if (fieldname, btext) not in leaf:
                continue
            matcher = leaf.postings(fieldname, btext)
            if type(matcher) in _BLOCK_MATCHERS:  # whole blocks at a time
                leaf_ids, leaf_weights = _blocks(matcher)
            else:  # deleted passages are filtered out by the wrapping matcher
                leaf_ids, leaf_weights = array("I"), array("f")
                while matcher.is_active():
                    leaf_ids.append(matcher.id())
                    leaf_weights.append(matcher.weight())
                    matcher.next()
            ids.extend(docnum + offset for docnum in leaf_ids) if offset else ids.extend(leaf_ids)
            weights.extend(leaf_weights)
        return ids, weights

    def _all_lengths(self, fieldname: str) -> Any:
        """Each passage's length byte for ``fieldname``, over all segments, by passage number."""
        key = (-1, fieldname)
        if key not in self._lengths:
            self._lengths[key] = b"".join(self._leaf_lengths(leaf, fieldname) for leaf, _ in self._leaves)
        return self._lengths[key]

    @staticmethod
    def _leaf_lengths(leaf: Any, fieldname: str) -> bytes:
        count = leaf.doc_count_all()
        column = leaf._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            raise _Unsupported
        stored = column._count
        data = column._dbfile.get(column._basepos, stored) if stored else b""
        return bytes(data) + bytes(count - len(data))

    def _norm_table(self, fieldname: str, scorer: Any) -> list[float | None]:
        """For each length byte, ``K1 * ((1 - B) + B * fl / avgfl)`` as Whoosh computes it."""
        if fieldname not in self._norms:
            K1, B, avgfl = scorer.K1, scorer.B, scorer.avgfl
            table: list[float | None] = [None]  # byte 0: no length (never in a posting list)
            for byte in range(1, 256):
                fl = byte_to_length(byte)
                table.append(K1 * ((1 - B) + B * fl / avgfl))
            self._norms[fieldname] = table
        return self._norms[fieldname]


#: A posting list this many times longer than the passages wanted is searched (each passage found by
#: halving) rather than turned whole into a dictionary.
BISECT_RATIO = 8


def _looked_up(ids: array[int] | list[int], weights: Any, within: set[int]) -> list[tuple[int, float]]:
    """(passage, weight) for the passages of ``within`` that the posting list ``ids`` (ascending)
    holds, each found by halving: far quicker than a dictionary of a long list for a few passages."""
    size, pairs = len(ids), []
    if isinstance(ids, array):  # halving a list compares stored numbers; an array makes each anew
        ids = ids.tolist()
    for docnum in within:
        place = bisect_left(ids, docnum)
        if place < size and ids[place] == docnum:
            pairs.append((docnum, weights[place]))
    return pairs


def _blocks(matcher: Any) -> tuple[array[int], array[float]]:
    """A posting list's passages and weights, read from the file in one piece and split into
    Whoosh 2.7's blocks here (a length, a pickled header, the pickled, maybe compressed, data).
    Blocks written by :mod:`reader.search.codec` hold their numbers as array bytes, joined here
    with no number unpickled; Whoosh's own blocks (an index changed by an older writer) are read
    too. Each block's values (word counts or positions) are unpickled with it but never decoded."""
    size = matcher._length
    size = size[0] if isinstance(size, tuple) else size  # Whoosh 2.7 keeps it as unpack()'s tuple
    raw = matcher._postfile.get(matcher._startoffset, size)
    if raw[:4] != WHOOSH3_HEADER_MAGIC or matcher._byteids:
        raise _Unsupported
    view = io.BytesIO(raw)
    position = 4
    ids: array[int] = array("I")
    weights: array[float] = array("f")
    while True:
        (length,) = _INT.unpack_from(raw, position)
        view.seek(position + _INT.size)
        count, _, _, compression, _, _ = pickle.load(view)
        end = position + _INT.size + abs(length)
        data = raw[view.tell():end]
        block_ids, block_weights, _ = pickle.loads(zlib.decompress(data) if compression else data)
        if type(block_ids) is bytes:
            ids.extend(unpacked("I", block_ids))
        else:
            ids.extend(accumulate(block_ids))
        if block_weights is None:
            weights.extend(array("f", [1.0]) * count)
        elif isinstance(block_weights, float):
            weights.extend(array("f", [block_weights]) * count)
        elif type(block_weights) is bytes:
            weights.extend(unpacked("f", block_weights))
        else:
            weights.extend(block_weights)
        if length < 0:  # the last block
            return ids, weights
        position = end


def _tree(weights: list[int]) -> Any:
    """The order Whoosh's ``make_weighted_tree`` adds the parts of an intersection in: the two
    lightest joined first, again and again. Leaves are part indexes, nodes pairs."""
    pending: list[tuple[int, int, Any]] = sorted((weight, index, index) for index, weight in enumerate(weights))
    tick = len(weights)
    while len(pending) > 1:
        a, b = pending.pop(0), pending.pop(0)
        insort(pending, (a[0] + b[0], tick, (a[2], b[2])))
        tick += 1
    return pending[0][2]


def _summed(node: Any, parts: list[dict[int, float]], common: set[int]) -> dict[int, float]:
    """Each passage of ``common``'s part scores added in the order of ``node`` (see :func:`_tree`):
    a node's two sums a dictionary at a time, with no function call per passage."""
    if isinstance(node, int):
        return parts[node]
    left, right = _summed(node[0], parts, common), _summed(node[1], parts, common)
    return {docnum: left[docnum] + right[docnum] for docnum in common}


def _united(node: Any, parts: list[dict[int, float]]) -> dict[int, float]:
    """Each passage's part scores added in the order of ``node`` (see :func:`_tree`), for a union:
    a passage only one side of a pair holds keeps that side's score."""
    if isinstance(node, int):
        return parts[node]
    left, right = _united(node[0], parts), _united(node[1], parts)
    total = dict(left)
    for docnum, score in right.items():
        total[docnum] = left[docnum] + score if docnum in left else score
    return total
