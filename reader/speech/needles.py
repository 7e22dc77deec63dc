"""Characters a regular expression cannot match without: a text holding none of them is passed over.

Rewriting a sentence for the ear runs a score of substitutions over it, and in ordinary prose
almost none of them finds anything; yet a pattern that begins with a look-behind or a class is
tried at every character. Most of them need a particular character to match at all (an
ampersand, a slash, a dash, a full stop), and ``character in text`` answers whether it is there
far faster. A rule is passed over only when its pattern, as ``re`` itself parses it, cannot
match without one of those characters: the result is exactly the substitution's, whatever the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

try:
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - the parser moved in a later Python: no rule is passed over
    _sre = _sre_parse = None

#: A set of more characters than this is not worth testing one by one.
MAX_NEEDLES = 8


def needles(pattern: re.Pattern[str]) -> str | None:
    """Characters one of which every match of ``pattern`` holds or looks at (a lookahead or
    lookbehind that must succeed); None when no small such set is certain (a match may be empty,
    case is ignored, or anything the parser gives that is not understood here)."""
    if _sre_parse is None or pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # whatever the parser says: no short cut, the rule always runs
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _sequence(parsed)
    return None if found is None else "".join(sorted(found))


def could_match(found: str | None, text: str) -> bool:
    """Whether a pattern with these :func:`needles` can match anything in ``text``."""
    return found is None or any(map(text.__contains__, found))


def _sequence(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """The smallest set that one of the items, all of which must match in turn, requires (of sets
    as small, one without letters or digits: a mark is rarer in prose than a letter)."""
    best: frozenset[str] | None = None
    for op, value in items:
        found = _item(op, value)
        if found is not None and (best is None or _rarity(found) < _rarity(best)):
            best = found
    return best


def _rarity(found: frozenset[str]) -> tuple[int, int]:
    return len(found), sum(char.isalnum() for char in found)


def _item(op: Any, value: Any) -> frozenset[str] | None:
    if op is _sre.LITERAL:
        return frozenset(chr(value))
    if op is _sre.IN:
        return _members(value)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, _high, inner = value
        return _sequence(inner) if low >= 1 else None
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, inner = value
        return None if add_flags & re.IGNORECASE else _sequence(inner)
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _sequence(value)
    if op is _sre.ASSERT:  # a lookahead or lookbehind that must succeed: what it needs is in the text
        _direction, inner = value
        return _sequence(inner)
    if op is _sre.BRANCH:
        _none, branches = value
        union: set[str] = set()
        for branch in branches:
            found = _sequence(branch)
            if found is None:
                return None
            union |= found
        return frozenset(union) if len(union) <= MAX_NEEDLES else None
    return None  # anchors, any character, categories, back-references, negative lookarounds...


def _members(value: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The characters of a class ``[...]`` that lists a few of them (not negated, no ``\\w``)."""
    members: set[str] = set()
    for op, argument in value:
        if op is _sre.LITERAL:
            members.add(chr(argument))
        elif op is _sre.RANGE and argument[1] - argument[0] < MAX_NEEDLES:
            members.update(chr(code) for code in range(argument[0], argument[1] + 1))
        else:  # NEGATE, CATEGORY, a wide range, or anything new
            return None
    return frozenset(members) if members and len(members) <= MAX_NEEDLES else None
