"""The word rules shared by index, queries and highlighting."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.search.analysis import TOKEN_PATTERN, join_prefixes, keep, normalise, second_part, stem, words
from reader.search.snippets import Highlighter

from .conftest import ROOT


@pytest.mark.parametrize("text", ["co-production", "Co-Production", "co production", "coproduction",
                                  "co–production", "co‐production", "co\u2011production", "CO  PRODUCTION"])
def test_every_spelling_is_one_word(text):
    assert [w for _, _, w in words(text)] == ["coproduction"]


def test_words_keep_their_place_in_the_text():
    text = "The Café co-design, e.g. in 2014"
    assert [(text[s:e], w) for s, e, w in words(text)] == [
        ("Café", "cafe"), ("co-design", "codesign"), ("e.g", "e.g"), ("2014", "2014")]


def test_co_is_joined_only_to_a_following_word():
    assert [w for _, _, w in words("co 99 and co, design")] == ["co", "99", "co", "design"]
    assert [w for _, _, w in words("taco production")] == ["taco", "production"]


def test_query_joining_leaves_operators_alone():
    assert join_prefixes("co production AND co AND x") == "coproduction AND co AND x"
    assert join_prefixes('"co design" NOT co OR co-delivery') == '"codesign" NOT co OR codelivery'


@pytest.mark.parametrize(("raw", "part"), [("co-design", "design"), ("Co design", "design"),
                                           ("codesigned", "designed"), ("coproduction", "production"),
                                           ("co-operate", "operate"), ("cooperate", None), ("cook", None),
                                           ("co-op", "op"), ("co-a", None), ("design", None)])
def test_second_half_of_a_prefixed_word(raw, part):
    assert second_part(raw, normalise(raw)) == part


def test_normalise_folds_accents_and_case():
    assert normalise("Naïve") == "naive" and normalise("STRAẞE") == "strasse"


def test_highlighter_marks_stems_and_exact_words():
    marker = Highlighter(stems=frozenset({"disabl"}), words=frozenset({"carers"}))
    text = "Disabled carers, disabilities, carer"
    # Matched words with only a space between are one match; a comma keeps them apart.
    assert [text[s:e] for s, e in marker.spans(text)] == ["Disabled carers", "disabilities"]


def test_highlighter_marks_a_phrase_as_one_match_and_only_where_it_is_whole():
    marker = Highlighter(phrases=frozenset({("young", "scot")}))
    text = "Young Scot, young people in Scotland, and YOUNG   SCOT again."
    assert [text[s:e] for s, e in marker.spans(text)] == ["Young Scot", "YOUNG   SCOT"]


def test_importing_search_does_not_load_whoosh():
    code = "import sys, reader.search; print('whoosh' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_accents_fold_the_same_when_each_character_is_worked_out_as_met():
    """The folding table once worked out every character up front; worked out on demand it must
    fold exactly as that table did, for every character, whatever order they are met in."""
    from unicodedata import combining, normalize

    from reader.search.analysis import fold

    whole: dict[int, str] = {}
    for code in range(0xC0, 0x2000):
        char = chr(code)
        base = "".join(c for c in normalize("NFKD", char) if not combining(c))
        if base and base != char and base.isascii():
            whole[code] = base
    whole.update({ord("ß"): "ss", ord("æ"): "ae", ord("Æ"): "AE", ord("ø"): "o", ord("Ø"): "O",
                  ord("œ"): "oe", ord("Œ"): "OE", ord("đ"): "d", ord("ł"): "l", ord("Ł"): "L"})
    every = "".join(chr(code) for code in [*range(0x3100), 0x1F600, 0x10FFFF] if not 0xD800 <= code < 0xE000)
    assert fold(every[::-1]) == every[::-1].lower().translate(whole)
    assert fold(every) == every.lower().translate(whole)
    assert normalise("Co-Producción") == "coproduccion" and fold("Straße ŁÓDŹ") == "strasse lodz"


def test_the_index_recipe_names_markdowns_version_without_importing_it():
    code = ("import sys\n"
            "from reader.search import store\n"
            "recipe = store.recipe()\n"
            "assert 'markdown' not in sys.modules\n"
            "import markdown\n"
            "assert recipe == store.recipe() and recipe.endswith(f'; markdown {markdown.__version__}')\n"
            "print(recipe)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "markdown 3." in result.stdout, result.stderr


def _filtered_word_by_word(text: str, stemming: bool, **kwargs) -> list[tuple[str, int, bool, bool]]:
    """What the word filter gives, worked out from the word rules one token at a time (as it once did)."""
    from whoosh.analysis import RegexTokenizer

    out = []
    skipped = 0
    for token in RegexTokenizer(TOKEN_PATTERN)(text, **kwargs):
        raw = token.text
        word = normalise(raw)
        if not keep(word):
            if not token.removestops and word:
                out.append((raw, token.pos - skipped, True, False))  # a stop word kept as written
            else:
                skipped += 1
            continue
        position = token.pos - skipped
        out.append((stem(word) if stemming else word, position, False, False))
        part = second_part(raw, word)
        if part is not None and token.mode != "query":
            out.append((stem(part) if stemming else part, position, False, True))
    return out


@pytest.mark.parametrize("stemming", [True, False])
@pytest.mark.parametrize("kwargs", [{"mode": "index"}, {"mode": "query"}, {"mode": "index", "removestops": False}])
def test_the_filter_gives_what_the_word_rules_give(stemming: bool, kwargs: dict) -> None:
    """Each spelling's forms are worked out once and kept: the terms, positions, stop words and second
    halves must be what the rules give word by word, however often a spelling recurs."""
    from whoosh.analysis import RegexTokenizer

    from reader.search.filters import WordFilter

    text = ("The co-design of the Co-Production plan, and the codesigned plans: co production, CO-PRODUCTION, "
            "cooperate and cook. It is the Café’s plan, e.g. for 2014; the the the. Co-design again, co design. "
            "Planning planned plans " + "x" * 45 + " a an to")
    analyser = RegexTokenizer(TOKEN_PATTERN) | WordFilter(stemming)
    for _ in range(2):  # the second time from what was kept
        got = [(t.text, t.pos, bool(getattr(t, "stopped", False)), t.alternative)
               for t in analyser(text, positions=True, **kwargs)]
        assert got == _filtered_word_by_word(text, stemming, positions=True, **kwargs)
