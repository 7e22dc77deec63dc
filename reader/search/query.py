"""From what a person typed to a Whoosh query that is safe, bounded and explainable.

The Whoosh query language works ("quoted phrases", AND / OR / NOT, prefix*, wild?ards,
fuzzy~, field:word), with three guarantees:

* **Nothing raises.** Text is cleaned first (control characters, NUL, lone surrogates,
  runs of spaces, more than :data:`MAX_QUERY_CHARS`); anything the parser rejects or turns
  into nothing falls back to searching the plain words.
* **Nothing is slow.** Ranges and match-everything are not part of the language here;
  prefixes, wildcards and fuzzy terms need :data:`MIN_PREFIX` literal letters and expand to
  at most :data:`MAX_EXPANSION` index words, found with a bounded scan; a query holds at most
  :data:`MAX_TERMS` terms and phrase slop is capped.
* **Matches can be shown.** Each plan carries a :class:`Highlighter` for exactly the terms
  that can match (not the negated ones).

"did you mean" and the fuzzy retry use the index's own unstemmed words.
"""

from __future__ import annotations

import fnmatch
import re
import weakref
from bisect import bisect_left
from itertools import pairwise
from typing import Any

from whoosh import query as wq

from reader.search.analysis import JOINED_PREFIXES, join_prefixes, keep, normalise, stem, words
from reader.search.snippets import Highlighter
from reader.translatable import QT_TR_NOOP, Text

MAX_QUERY_CHARS = 300
MAX_TERMS = 24
MAX_EXPANSION = 40  # index words a prefix, wildcard or fuzzy term may stand for
MAX_CLOSEST = 5  # near spellings tried for a word the index does not know
MAX_POSTINGS = 6000  # passages an expansion's words may hold between them (see _Bounder._within_budget)
MAX_SCAN = 3000  # index words looked at to find them
MAX_SLOP = 10
MAX_FUZZY_DISTANCE = 2  # the most edits a misspelling or fuzzy~ term may be from an index word
MIN_PREFIX = 2
TEXT, WORDS, PAIRS = "text", "words", "pairs"

_UNWANTED = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
# Anything a user writes to say exactly what they want: then no words are dropped for them.
_EXACT = re.compile(r'["():*?~]|\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b')
_PLAIN_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_LETTERS_AND_DIGITS = re.compile(r"[^\W_]+")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})
#: Words that make a plain query a question: dropped, as the answer rarely holds them.
QUESTION_WORDS = frozenset({"what", "who", "whom", "whose", "how", "why", "where", "which", "does", "do",
                            "did", "is", "are", "can"})


def clean(text: str) -> tuple[str, list[str]]:
    """Remove what cannot be typed or searched and shorten long input; returns notes on what changed."""
    notes: list[str] = []
    cleaned = _SPACES.sub(" ", _UNWANTED.sub(" ", text)).strip()
    if len(cleaned) > MAX_QUERY_CHARS:
        cut = cleaned.rfind(" ", 0, MAX_QUERY_CHARS)
        cleaned = cleaned[:cut if cut > MAX_QUERY_CHARS // 2 else MAX_QUERY_CHARS]
        notes.append(Text(QT_TR_NOOP("Only the first {count} characters were searched."), count=MAX_QUERY_CHARS))
    return cleaned, notes


class Parser:
    """Whoosh's query parser for a schema (:func:`reader.search.parser.make_parser`), made the
    first time a query needs it: plain words never do (:func:`plain_words_query`)."""

    def __init__(self, schema: Any) -> None:
        self.schema = schema
        self._parser: Any = None

    def parse(self, text: str) -> Any:
        if self._parser is None:
            from reader.search.parser import make_parser as make_whoosh_parser

            self._parser = make_whoosh_parser(self.schema)
        return self._parser.parse(text)


def make_parser(schema: Any) -> Parser:
    """The query parser for ``schema``: Whoosh's, configured and made when first used."""
    return Parser(schema)


class Plan:
    """A query ready to run, with what it highlights and what was changed on the way."""

    __slots__ = ("fallback", "highlighter", "notes", "query", "text")

    def __init__(self, query: Any, highlighter: Highlighter, notes: list[str] | None = None,
                 fallback: bool = False, text: str = "") -> None:
        self.query = query  # whoosh.query.Query, or None when nothing is left to search
        self.highlighter = highlighter
        self.notes: list[str] = [] if notes is None else notes
        self.fallback = fallback
        self.text = text  # the query as cleaned, for the rules applied after scoring

    def _values(self) -> tuple[Any, Highlighter, list[str], bool, str]:
        return self.query, self.highlighter, self.notes, self.fallback, self.text

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Plan)
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # it changes (notes are added): not a dictionary key

    def __repr__(self) -> str:
        return "Plan(query={!r}, highlighter={!r}, notes={!r}, fallback={!r}, text={!r})".format(*self._values())


class ExpansionOr(wq.Or):
    """The words a prefix, wildcard or fuzzy term stands for. Whoosh's default union is a
    tree of matchers advanced in step (300 ms for "co*" over 40,000 passages); adding
    each word's scores into an array is six times faster and ranks the same."""

    matcher_type = wq.Or.ARRAY_MATCHER


class _Bounder:
    """Rewrites a parsed query within the cost caps, expanding multi-word terms ourselves."""

    def __init__(self, reader: Any, notes: list[str]) -> None:
        self.reader = reader
        self.notes = notes
        self.terms = 0
        self.invalid = False
        self.too_broad = False

    def _note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def _count(self) -> bool:
        self.terms += 1
        if self.terms > MAX_TERMS:
            self._note(Text(QT_TR_NOOP("Only the first {count} words were searched."), count=MAX_TERMS))
            return False
        return True

    def rewrite(self, q: Any) -> Any:
        if isinstance(q, wq.FuzzyTerm):  # before Term: it is one
            return self._expand(q.fieldname, fuzzy_words(self.reader, q.fieldname, q.text, q.maxdist,
                                                       max(q.prefixlength, 1)), q.text)
        if isinstance(q, wq.Term):
            return q if self._count() else None
        if isinstance(q, wq.Phrase):
            if not self._count():
                return None
            words_ = list(q.words[:MAX_TERMS])
            slop = min(max(q.slop, 1), MAX_SLOP)
            if len(words_) == 1:
                return wq.Term(q.fieldname, words_[0], boost=q.boost)
            if q.fieldname != TEXT or slop != 1:
                return wq.Phrase(q.fieldname, words_, slop=slop, boost=q.boost)
            # Neighbouring pairs are single terms: exact for two words, and for longer phrases
            # they leave few passages whose positions need checking.
            pairs = [wq.Term(PAIRS, f"{a} {b}", boost=q.boost) for a, b in pairwise(words_)]
            if len(pairs) == 1:
                return pairs[0]
            return wq.And([*pairs, wq.Phrase(TEXT, words_, slop=1, boost=q.boost)])
        if isinstance(q, wq.Prefix):
            return self._expand(q.fieldname, prefix_words(self.reader, q.fieldname, q.text), q.text + "*")
        if isinstance(q, wq.Wildcard):
            return self._expand(q.fieldname, wildcard_words(self.reader, q.fieldname, q.text), q.text)
        if isinstance(q, wq.Not):
            child = self.rewrite(q.query)
            return wq.Not(child) if child is not None else None
        if isinstance(q, wq.AndNot | wq.AndMaybe | wq.Require):
            a, b = self.rewrite(q.a), self.rewrite(q.b)
            if a is None:
                return None
            return a if b is None else type(q)(a, b)
        if isinstance(q, wq.CompoundQuery):
            parts = [part for part in (self.rewrite(sub) for sub in q.subqueries) if part is not None]
            if not parts:
                return None
            return parts[0] if len(parts) == 1 else type(q)(parts, boost=q.boost)
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return None
        if isinstance(q, wq.Every):  # a lone "*"
            return self._expand(TEXT, None, "*")
        # Anything else (an error from the parser, a query type we do not offer) is malformed.
        self.invalid = True
        return None

    def _expand(self, fieldname: str, expansion: list[str] | None, typed: str) -> Any:
        if expansion is None:
            self.too_broad = True
            self._note(Text(QT_TR_NOOP("“{typed}” is too broad: put at least {count} letters before * or ?."),
                            typed=typed, count=MIN_PREFIX))
            return None
        if not self._count():
            return None
        if not expansion:
            return wq.NullQuery
        expansion = self._within_budget(fieldname, expansion, typed)
        return ExpansionOr([wq.Term(fieldname, word) for word in expansion])

    def _within_budget(self, fieldname: str, expansion: list[str], typed: str) -> list[str]:
        """The most used words of an expansion whose passages add up to at most
        :data:`MAX_POSTINGS` (always the first): scoring every passage of forty common words
        is what made "re*" slow, and a person reads the first twenty results either way."""
        known = vocabulary(self.reader, fieldname)
        frequency = {word: known.doc_frequency(word) for word in expansion}
        kept: list[str] = []
        total = 0
        for word in sorted(expansion, key=lambda w: -frequency[w]):
            if kept and total + frequency[word] > MAX_POSTINGS:
                break
            kept.append(word)
            total += frequency[word]
        if len(kept) < len(expansion):
            self._note(Text(QT_TR_NOOP("“{typed}” stands for many words: the {count} most used were searched."),
                            typed=typed, count=len(kept)))
        return sorted(kept)


def _most_used(reader: Any, fieldname: str, prefix: str, keep_word: Any = None) -> list[str]:
    """Up to :data:`MAX_EXPANSION` index words starting with ``prefix`` (and passing
    ``keep_word``), the most used first among the first :data:`MAX_SCAN` looked at."""
    known = vocabulary(reader, fieldname)
    words, frequency = known.words, known.frequency
    start = bisect_left(words, prefix)
    found: list[tuple[int, str]] = []
    for place in range(start, min(start + MAX_SCAN, len(words))):
        word = words[place]
        if not word.startswith(prefix):
            break
        if keep_word is None or keep_word(word):
            found.append((-frequency[place], word))
    found.sort()
    return sorted(word for _, word in found[:MAX_EXPANSION])


def _as_text(word: Any) -> str:
    return word.decode("utf-8") if isinstance(word, bytes) else word


def prefix_words(reader: Any, fieldname: str, prefix: str) -> list[str] | None:
    """The most used index words starting with ``prefix`` (None when the prefix is too short)."""
    prefix = normalise(prefix)
    if len(prefix) < MIN_PREFIX:
        return None
    return _most_used(reader, fieldname, prefix)


def wildcard_words(reader: Any, fieldname: str, pattern: str) -> list[str] | None:
    """Index words matching a ``*``/``?`` pattern that starts with enough literal letters."""
    pattern = normalise(pattern)
    literal = re.split(r"[*?]", pattern, maxsplit=1)[0]
    if len(literal) < MIN_PREFIX:
        return None
    matcher = re.compile(fnmatch.translate(pattern))
    return _most_used(reader, fieldname, literal, matcher.match)


def edit_distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (adjacent transpositions count as one edit)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def fuzzy_words(reader: Any, fieldname: str, word: str, maxdist: int | None = None,
                prefix: int = 1) -> list[str] | None:
    """Index words within a small edit distance of ``word``, closest and most used first."""
    word = normalise(word)
    prefix = min(prefix, len(word))  # "word~2/99": a fixed part longer than the word is the whole word
    if len(word) < MIN_PREFIX + 1:
        return None
    if maxdist is None:
        maxdist = 1 if len(word) <= 5 else 2
    maxdist = min(maxdist, MAX_FUZZY_DISTANCE)
    found = _within(reader, fieldname, word, maxdist, prefix)
    known = vocabulary(reader, fieldname)
    ranked = sorted(found, key=lambda w: (edit_distance(word, w), -known.doc_frequency(w)))
    return ranked[:MAX_EXPANSION]


def closest_words(reader: Any, fieldname: str, word: str) -> list[str]:
    """What a misspelt word most likely meant: the index words at the smallest edit distance found
    (one edit looked for first, two only when there is none), at most :data:`MAX_CLOSEST`, the
    most used first. Forty near words found two thousand passages; these find the intended ones."""
    word = normalise(word)
    if len(word) < MIN_PREFIX + 1:
        return []
    for maxdist in (1, 2) if len(word) > 5 else (1,):
        found = _within(reader, fieldname, word, maxdist, 1)
        if found:
            nearest = min(edit_distance(word, w) for w in found)
            closest = [w for w in found if edit_distance(word, w) == nearest]
            known = vocabulary(reader, fieldname)
            return sorted(closest, key=lambda w: -known.doc_frequency(w))[:MAX_CLOSEST]
    return []


def _within(reader: Any, fieldname: str, word: str, maxdist: int, prefix: int) -> set[str]:
    """Index words within ``maxdist`` edits (Levenshtein: no transpositions) of ``word`` sharing its
    first ``prefix`` letters: the words Whoosh's Levenshtein automaton walks to, found in the field's
    table of deletions (:meth:`Vocabulary.near`) with a few dictionary lookups rather than by
    stepping an automaton through the sorted words, which took most of a misspelt search."""
    if prefix < 1 or not word or maxdist > MAX_FUZZY_DISTANCE:  # a misspelling keeps its first letter
        return _walk(reader, fieldname, word, maxdist, prefix)
    table = vocabulary(reader, fieldname).near(word[0], maxdist)
    candidates: set[str] = set()
    for key in deletions(word[1:], maxdist):
        held = table.get(key)
        if isinstance(held, str):
            candidates.add(held)
        elif held is not None:
            candidates.update(held)
    head, tail = word[:prefix], word[prefix:]
    found = {w for w in candidates if w.startswith(head) and within_edits(tail, w[prefix:], maxdist)}
    if len(found) > MAX_SCAN:  # as the walk: it stops at the MAX_SCAN-th word in sorted order
        found = set(sorted(found)[:MAX_SCAN])
    return found


def _walk(reader: Any, fieldname: str, word: str, maxdist: int, prefix: int) -> set[str]:
    """:func:`_within` by Whoosh's own walk: a Levenshtein automaton stepping through the field's
    sorted words held in memory."""
    from whoosh.codec.base import Automata

    vocabulary = sorted_words(reader, fieldname)
    if not vocabulary:
        return set()
    dfa = Automata.levenshtein_dfa(word, maxdist, prefix)
    found: set[str] = set()
    size = len(vocabulary)
    match = dfa.next_valid_string(vocabulary[0])
    while match:
        place = bisect_left(vocabulary, match)
        if place >= size:
            break
        known = vocabulary[place]
        if match == known:
            found.add(known)
            if len(found) >= MAX_SCAN:
                break
            known += "\0"
        match = dfa.next_valid_string(known)
    return found


def deletions(text: str, most: int) -> set[str]:
    """``text`` and every string left by deleting up to ``most`` of its letters. Two words are within
    ``most`` edits only if some such deletions of each are the same string (symmetric deletion)."""
    found = {text}
    size = len(text)
    if most >= 1:
        found.update(text[:i] + text[i + 1:] for i in range(size))
    if most == 2:  # each pair of places once (deleting from every 1-deletion makes each twice)
        found.update(text[:i] + text[i + 1:j] + text[j + 1:] for i in range(size) for j in range(i + 1, size))
    elif most > 2:
        edge = {text}
        for _ in range(most):
            edge = {part[:place] + part[place + 1:] for part in edge for place in range(len(part))}
            found |= edge
    return found


def within_edits(a: str, b: str, most: int) -> bool:
    """Whether Levenshtein distance (insert, delete, substitute) of ``a`` and ``b`` is at most ``most``."""
    if abs(len(a) - len(b)) > most:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > most:
            return False
        previous = current
    return previous[-1] <= most


class Vocabulary:
    """A field's index words, sorted, and how many passages hold each (same place in both lists)."""

    __slots__ = ("_near", "frequency", "words")

    def __init__(self, words: list[str], frequency: list[int]) -> None:
        self.words = words
        self.frequency = frequency
        self._near: dict[tuple[str, int], dict[str, str | list[str]]] = {}

    def doc_frequency(self, word: str) -> int:
        place = bisect_left(self.words, word)
        return self.frequency[place] if place < len(self.words) and self.words[place] == word else 0

    def near(self, first: str, most: int) -> dict[str, str | list[str]]:
        """The words starting with ``first`` under every deletion of up to ``most`` letters from the
        rest of them: made the first time a misspelling starts with that letter, then kept with the
        words. A table for one edit is a fraction of the size of one for two, which only a word longer
        than five letters with no index word one edit away needs: each is made when first needed."""
        if (first, most) not in self._near:
            table: dict[str, str | list[str]] = {}
            start = bisect_left(self.words, first)
            end = bisect_left(self.words, chr(ord(first) + 1), start) if first < "\U0010ffff" else len(self.words)
            for word in self.words[start:end]:
                for key in deletions(word[1:], most):
                    held = table.get(key)
                    if held is None:  # most keys stand for one word: no list for those
                        table[key] = word
                    elif isinstance(held, str):
                        table[key] = [held, word]
                    else:
                        held.append(word)
            self._near[first, most] = table
        return self._near[first, most]


_VOCABULARIES: weakref.WeakKeyDictionary[Any, dict[str, Vocabulary]] = weakref.WeakKeyDictionary()


def vocabulary(reader: Any, fieldname: str) -> Vocabulary:
    """Every word of ``fieldname`` in the index with its passage count, read in one pass the first
    time a prefix or a misspelling needs it, then kept as long as the reader is: looking words up
    in the index file one at a time was most of a prefix or misspelling search."""
    try:
        fields = _VOCABULARIES.setdefault(reader, {})
    except TypeError:  # a reader that cannot be referred to weakly: read each time
        fields = {}
    if fieldname not in fields:
        words, frequency = [], []
        for word, info in reader.iter_prefix(fieldname, ""):
            words.append(_as_text(word))
            frequency.append(info.doc_frequency())
        fields[fieldname] = Vocabulary(words, frequency)
    return fields[fieldname]


def sorted_words(reader: Any, fieldname: str) -> list[str]:
    """Every word of ``fieldname`` in the index, sorted."""
    return vocabulary(reader, fieldname).words


def highlighter_for(q: Any) -> Highlighter:
    """The words a query can match: its positive terms on ``text`` (stems) and ``words``, and its
    phrases (a pair term is a two-word phrase) as whole phrases."""
    stems: set[str] = set()
    plain: set[str] = set()
    phrases: set[tuple[str, ...]] = set()

    def visit(node: Any) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            visit(node.a)
            return
        if isinstance(node, wq.Term):
            text = _as_text(node.text)
            if node.fieldname == TEXT:
                stems.add(text)
            elif node.fieldname == PAIRS:
                phrases.add(tuple(text.split(" ")))
            elif node.fieldname == WORDS:
                plain.add(text)
        elif isinstance(node, wq.Phrase) and node.fieldname == TEXT:
            phrases.add(tuple(node.words))
        children = list(node.children())
        if any(isinstance(c, wq.Phrase) and c.fieldname == TEXT for c in children):
            # A longer phrase's pairs only narrow the search: mark the whole phrase, not its pairs.
            children = [c for c in children if not (isinstance(c, wq.Term) and c.fieldname == PAIRS)]
        for child in children:
            visit(child)

    if q is not None:
        visit(q)
    return Highlighter(frozenset(stems), frozenset(plain), frozenset(phrases))


def plain_words(text: str) -> list[str]:
    """The normalised, searchable words of ``text``, ignoring all query syntax."""
    return [word for _, _, word in words(text)]


def plain_query(text: str) -> Any:
    """Every searchable word of ``text`` required, stemmed: the fallback for malformed input."""
    terms = [wq.Term(TEXT, stem(word)) for word in dict.fromkeys(plain_words(text))][:MAX_TERMS]
    if not terms:
        return None
    return terms[0] if len(terms) == 1 else wq.And(terms)


def plain_words_query(cleaned: str) -> Any:
    """What the parser makes of ``cleaned`` when it is only words of letters and digits, made
    without it (every word required, stemmed, stop words left out, each word once); None for
    anything else. The tests hold it equal to the parser's query for every such text."""
    typed = cleaned.split(" ")
    if not all(_LETTERS_AND_DIGITS.fullmatch(word) and word.upper() not in _OPERATORS for word in typed):
        return None
    terms = [wq.Term(TEXT, stem(word)) for word in map(normalise, typed) if keep(word)]
    return wq.And(terms).normalize() if terms else wq.NullQuery


def plan(text: str, parser: Any, reader: Any) -> Plan:
    """Parse ``text`` within the caps; malformed input becomes a search for its plain words.
    ``parser`` is a :class:`Parser` (or Whoosh's own), used only for text that is not plain words."""
    cleaned, notes = clean(text)
    cleaned = without_question_words(join_prefixes(cleaned))
    if not cleaned:
        return Plan(None, Highlighter(), notes)
    bounder = _Bounder(reader, notes)
    try:
        parsed = plain_words_query(cleaned)
        q = bounder.rewrite(parser.parse(cleaned) if parsed is None else parsed)
    except Exception:  # the parser's failure modes are many and undocumented
        q, bounder.invalid = None, True
    if q is not None and not _has_positive(q):
        notes.append(Text(QT_TR_NOOP("Say what to find, not only what to leave out.")))
        return Plan(None, Highlighter(), notes)
    if bounder.invalid or (q is None and not bounder.too_broad and plain_words(cleaned)):
        q = plain_query(_strip_syntax(cleaned))
        notes.append(Text(QT_TR_NOOP("The search was read as plain words.")))
        return Plan(q, highlighter_for(q), notes, fallback=True, text=cleaned)
    return Plan(q, highlighter_for(q), notes, text=cleaned)


def without_question_words(text: str) -> str:
    """A question typed as a question ("who developed this resource") without the words that only
    make it one, which no answer holds; a query written with quotes or operators is left as meant."""
    if _EXACT.search(text):
        return text
    kept = [word for word in text.split(" ") if word.lower().strip("?") not in QUESTION_WORDS]
    return " ".join(kept) if kept else text


def _has_positive(q: Any) -> bool:
    """Whether a query asks for something (a lone NOT would list every passage)."""
    if isinstance(q, wq.Not):
        return False
    if isinstance(q, wq.AndNot | wq.AndMaybe | wq.Require):
        return _has_positive(q.a)
    if isinstance(q, wq.And):
        return any(_has_positive(sub) for sub in q.subqueries)
    if isinstance(q, wq.CompoundQuery):
        return all(_has_positive(sub) for sub in q.subqueries)
    return True


def _strip_syntax(text: str) -> str:
    return " ".join(word for word in _PLAIN_WORD.findall(text) if word not in _OPERATORS)


def query_words(text: str) -> list[tuple[int, int, str]]:
    """Each plain word of a query as typed, (start, end, word), skipping operators and field names."""
    found = []
    for match in _PLAIN_WORD.finditer(text):
        word = match.group()
        if word in _OPERATORS or text[match.end():match.end() + 1] == ":":
            continue
        found.append((match.start(), match.end(), word))
    return found


def suggest(text: str, reader: Any, near: dict[str, list[str]] | None = None) -> str | None:
    """The query with each word the index does not know replaced by its closest known word.

    ``near`` memoises :func:`closest_words` between this and :func:`fuzzy_plan`."""
    near = {} if near is None else near
    cleaned, _ = clean(text)
    parts, cursor, changed = [], 0, False
    for start, end, typed in query_words(cleaned):
        word = normalise(typed)
        if not keep(word) or reader.doc_frequency(WORDS, word) or any(c.isdigit() for c in word):
            continue
        candidates = _near(reader, word, near)
        if not candidates:
            continue
        parts.append(cleaned[cursor:start])
        parts.append(_respell(typed, candidates[0]))
        cursor, changed = end, True
    if not changed:
        return None
    parts.append(cleaned[cursor:])
    return "".join(parts)


def _respell(typed: str, known: str) -> str:
    """Write an index word the way the person typed theirs: "Co-desing" → "Co-design"."""
    for prefix in JOINED_PREFIXES:
        size = len(prefix)
        if (known.startswith(prefix) and typed[:size].lower() == prefix and len(typed) > size
                and not typed[size].isalnum()):
            known = typed[:size + 1] + known[size:]
            break
    if typed[:1].isupper():
        known = known[:1].upper() + known[1:]
    return known


def _near(reader: Any, word: str, memo: dict[str, list[str]]) -> list[str]:
    if word not in memo:
        memo[word] = closest_words(reader, WORDS, word)
    return memo[word]


def fuzzy_plan(text: str, reader: Any, near: dict[str, list[str]] | None = None) -> Plan | None:
    """Every word required, but each unknown word may be any close index word."""
    near = {} if near is None else near
    cleaned, notes = clean(join_prefixes(text))
    groups, unknown = [], False
    for _, _, typed in query_words(cleaned)[:MAX_TERMS]:
        word = normalise(typed)
        if not keep(word):
            continue
        if reader.doc_frequency(WORDS, word):
            groups.append(wq.Term(TEXT, stem(word)))
            continue
        close = _near(reader, word, near)
        if not close:
            return None
        unknown = True
        groups.append(ExpansionOr([wq.Term(WORDS, w) for w in close]))
    if not unknown or not groups:
        return None
    q = groups[0] if len(groups) == 1 else wq.And(groups)
    return Plan(q, highlighter_for(q), notes, text=cleaned)


def any_words_plan(text: str, reader: Any) -> Plan | None:
    """Passages with any of the words, for plain words that are all known but never found together.

    A carer typing "examples of co-design for disability" should see something useful rather than
    nothing; a query written with quotes, operators or wildcards is taken as meant."""
    if _EXACT.search(text):
        return None
    cleaned, notes = clean(join_prefixes(text))
    stems: list[str] = []
    for _, _, typed in query_words(cleaned)[:MAX_TERMS]:
        word = normalise(typed)
        if keep(word) and reader.doc_frequency(WORDS, word) and stem(word) not in stems:
            stems.append(stem(word))
    if len(stems) < 2:
        return None
    q = wq.Or([wq.Term(TEXT, s) for s in stems])
    return Plan(q, highlighter_for(q), notes, text=cleaned)
