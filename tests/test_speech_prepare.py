"""Text prepared for the ear: sentences, abbreviations, pauses, and spans that highlight the right words."""

from __future__ import annotations

import re

import pytest

from reader.render import Block, render_section
from reader.speech.prepare import (
    MAX_UTTERANCE,
    PAUSES,
    prepare_blocks,
    prepare_range,
    prepare_section,
    sentences,
    spoken_words,
)
from reader.speech.pronounce import load_lexicon


def _texts(section_id: str, guide) -> list[str]:
    return [u.text for u in prepare_section(guide.get(section_id), guide)]


def test_doctor_stays_in_one_sentence() -> None:
    text = "The foreword is signed by Dr. Margaret Whoriskey. It was written in 2014."
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == ["The foreword is signed by Dr. Margaret Whoriskey.",
                                             "It was written in 2014."]


def test_sentence_spans_are_exact_slices_of_the_block() -> None:
    text = "It is much more. It is about combining the knowledge, e.g. skills.  And more…"
    for start, end in sentences(text):
        piece = text[start:end]
        assert piece == piece.strip() and piece


def test_every_utterance_points_at_its_words_in_the_displayed_block(guide) -> None:
    for section in guide:
        rendered = render_section(section, guide)
        script = prepare_section(section, guide, load_lexicon()[0], rendered)
        assert script.utterances, section.id
        for utterance in script:
            block = rendered.block(utterance.anchor)
            assert block is not None
            assert block.text[utterance.start:utterance.end] == utterance.display
            # every spoken word maps into the sentence it came from
            for match in re.finditer(r"\w+", utterance.text):
                start, end = utterance.word_span(match.start(), len(match.group()))
                assert utterance.start <= start < end <= utterance.end, (utterance.text, match.group())


def test_all_displayed_words_are_read_except_portraits(guide) -> None:
    section = guide.get("foreword")
    rendered = render_section(section, guide)
    script = prepare_section(section, guide)
    read = {u.anchor for u in script}
    unread = [b for b in rendered.blocks if b.anchor not in read]
    assert [b.text for b in unread] == ["[Picture: Portrait of Fiona Garven]",
                                        "[Picture: Portrait of Dr. Margaret Whoriskey]"]


def test_abbreviations_and_symbols_are_said_in_words(guide) -> None:
    spoken = " ".join(_texts("foreword", guide))
    assert "Doctor Margaret" in spoken and "Dr." not in spoken
    assert "The Health and Social Care Alliance Scotland" in spoken and "&" not in spoken
    assert "fundamental, probably" in spoken and "…" not in spoken
    assert "–" not in spoken and "Scotland, with their statutory duty" in spoken
    blocks = [Block("p1", "paragraph", "Groups, e.g. carers, i.e. people who care, and/or others – 2014–2015, etc.")]
    (utterance,) = prepare_blocks("x", blocks)
    assert utterance.text == ("Groups, for example, carers, that is, people who care, and or others, "
                              "2014 to 2015, et cetera.")
    (menu,) = prepare_blocks("x", [Block("p1", "paragraph", "Open View > Reading settings panel.")])
    assert menu.text == "Open View, then Reading settings panel."


def test_a_quotation_that_starts_with_an_ellipsis_is_read_without_it(guide) -> None:
    quoted = guide.get("north-lanarkshire").copy(body="> …how co-production can take different forms.\n")
    texts = [u.text for u in prepare_section(quoted, guide)]
    assert any(t.startswith("how co-production can take different forms") for t in texts)


def test_signature_reads_name_then_role_with_pauses(guide) -> None:
    script = prepare_section(guide.get("foreword"), guide)
    tail = [(u.kind, u.text, u.pause_ms) for u in script.utterances[-4:]]
    assert tail == [
        ("signature-name", "Fiona Garven.", PAUSES["signature-name"]),
        ("signature-role", "Co-Chair, Scottish Co-production Network.", PAUSES["signature-role"]),
        ("signature-name", "Doctor Margaret Whoriskey.", PAUSES["signature-name"]),
        ("signature-role", "Director, Joint Improvement Team.", PAUSES["signature-role"]),
    ]


def test_a_picture_that_is_not_a_portrait_of_the_next_name_is_described() -> None:
    blocks = [Block("p1", "paragraph", "[Picture: A map of Scotland]"), Block("p2", "paragraph", "Text.")]
    utterances = prepare_blocks("x", blocks)
    assert utterances[0].text == "Picture: A map of Scotland." and utterances[0].kind == "picture"


def test_headings_and_items_pause_and_end_with_a_full_stop(guide) -> None:
    script = prepare_section(guide.get("words"), guide)
    first = script[0]
    assert first.kind == "title" and first.text == "Words used in this guide." and first.pause_ms == PAUSES["title"]
    headings = [u for u in script if u.kind == "heading"]
    assert headings and all(u.pause_ms == PAUSES["heading"] and u.text.endswith(".") for u in headings)
    items = [u for u in script if u.kind == "item"]
    assert items and all(u.pause_ms == PAUSES["item"] for u in items)
    # sentences inside a paragraph run on; only the paragraph's last one pauses
    paragraph = [u for u in script if u.anchor == "p1"]
    assert [u.pause_ms for u in paragraph] == [0, PAUSES["paragraph"]]


def test_pauses_shorten_at_a_faster_rate(guide) -> None:
    heading = prepare_section(guide.get("words"), guide)[0]
    assert heading.pause_at(350) < heading.pause_at(175) < heading.pause_at(100)


def test_a_very_long_sentence_is_cut_at_commas() -> None:
    text = ", ".join(f"clause number {n} of a very long sentence" for n in range(40)) + "."
    utterances = prepare_blocks("x", [Block("p1", "paragraph", text)])
    assert len(utterances) > 1
    assert all(len(u.display) <= MAX_UTTERANCE for u in utterances)
    assert " ".join(u.display for u in utterances) == text
    assert spoken_words(utterances) == re.findall(r"[\w’'-]+", text)


def test_navigation_by_sentence_and_paragraph(guide) -> None:
    script = prepare_section(guide.get("foreword"), guide)
    p2 = [i for i, u in enumerate(script) if u.anchor == "p2"]
    assert script.index_at("p2") == p2[0]
    second_sentence = script[p2[1]]
    assert script.index_at("p2", second_sentence.start + 3) == p2[1]
    assert script.next_block(p2[1]) == p2[-1] + 1
    assert script.previous_block(p2[2]) == p2[0]  # inside a paragraph: back to its start
    assert script.previous_block(p2[0]) == p2[0] - 1  # at its start: the paragraph before
    assert script.index_at("no-such-anchor") is None


def test_reading_a_selection_reads_only_the_selected_text(guide) -> None:
    section = guide.get("foreword")
    rendered = render_section(section, guide)
    p2 = rendered.block("p2").text
    start = p2.index("Co-production is not")
    end = p2.index("It is much more.") + len("It is much")
    script = prepare_range(section, rendered, ("p2", start), ("p2", end))
    assert [u.display for u in script] == ["Co-production is not about partnerships between organisations and "
                                           "working together across sector boundaries.", "It is much"]
    # selection made backwards, across paragraphs
    across = prepare_range(section, rendered, ("p3", 10), ("p2", start))
    assert across[0].anchor == "p2" and across[-1].anchor == "p3"
    assert across[-1].display == rendered.block("p3").text[:10].strip()


@pytest.mark.parametrize("section_id", ["foreword", "introduction", "words", "using-this-reader"])
def test_nothing_but_words_reaches_the_voice(guide, section_id: str) -> None:
    for text in _texts(section_id, guide):
        assert not re.search(r"[<>*_#`\[\]{}]", text), text
        assert "  " not in text


SPLIT_CASES = [
    "The foreword is signed by Dr. Margaret Whoriskey. It was written in 2014.",
    "Yes. Yes. Yes.  No! No.",
    "a. a. a.",
    "He said “Go.” Then he left. “Go.”",
    "  Space before. e.g. this one. i.e. that. The U.S. then. Mr. A. B. Smith went.",
    "(a.) (a.) b. a.\n\nb\n\nc",
    "1. one\n2. two\n3. three",
    "... ... ... And then?!",
    "Yes.  " * 300,
    # Abbreviations with and without a full stop after them, in any case (the segmenter passes over
    # those with none); "ſ" is matched as "s" when case is ignored, though it does not lower-case to it.
    "Meet at 5 p.m. in Co. Durham, no. 5, pp. 3 and art. 9 (see fig. 2). Mr. and Mrs. Jones is co-chair.",
    "It is. Is it? This is Ph.D. work, e.g. in the U.S. and Co. Man. may. ETC. the end",
    "Visit ſt. john, the st church. done.",
    "Über Dr. K. Smith and café no. 3 ∯ st. john. İs it? ıs. Then.",
    # Lists written in a line, which pysbd breaks at each marker (see _LIST_MARKERS)
    "Choose a. tea b. coffee c. water and go.",
    "Choose a) tea b) coffee c) water, or (d) none (e) all.",
    "Steps (i) mix (ii) bake (iii) eat. Then i. one ii. two iii. three.",
    "Steps 1. mix 2. bake 3. eat. Then 1) one 2) two 3) three and 4) four.",
    "Then 1.) one 2.) two 3.) three -1. minus -2. two ⁃1. dash ⁃2. dash",
    "1. starts 2. at once",
    "a. at the start b. then",
]


@pytest.mark.parametrize("text", SPLIT_CASES)
def test_sentences_are_found_where_pysbd_itself_finds_them(text: str) -> None:
    """The reader's segmenter finds each sentence by plain search instead of pysbd's regular expression
    per sentence; the pieces and their offsets must be exactly pysbd's own."""
    import pysbd

    from reader.speech.prepare import _segmenter

    theirs = pysbd.Segmenter(language="en", clean=False, char_span=True).segment(text)
    ours = _segmenter().segment(text)
    assert [(p.sent, p.start, p.end) for p in ours] == [(p.sent, p.start, p.end) for p in theirs]


def test_splitting_compiles_no_pattern_per_sentence() -> None:
    """pysbd compiled a pattern of each sentence to find it again, pushing its own rules out of the ``re``
    module's cache so that they were compiled again for every paragraph (most of ``pack add``'s time)."""
    import re._compiler as compiler

    paragraph = " ".join(f"Sentence number {n} is here, with words of its own." for n in range(40))
    sentences(paragraph)  # pysbd's rules compiled once
    compiled = []
    real = compiler.compile
    try:
        compiler.compile = lambda *args, **kwargs: compiled.append(args[0]) or real(*args, **kwargs)
        for n in range(5):
            sentences(paragraph.replace("here", f"here {n}"))
    finally:
        compiler.compile = real
    assert len(compiled) < 20, compiled[:5]


def test_the_searches_for_list_markers_are_passed_over_only_where_they_find_nothing() -> None:
    """A line is only spared pysbd's search for list markers when a quicker search finds no letter or
    digit before a full stop or bracket: wherever pysbd's own finds a marker, so does the quicker one."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from reader.speech.prepare import _LIST_MARKERS

    pieces = st.sampled_from(["a", "b", "i", "v", "x", "Z", "1", "2", "12", "123", ".", ")", "(", " ", "\r", "-",
                              "⁃", "s", "é", ",", "?"])

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(pieces, max_size=14).map("".join))
    def check(text: str) -> None:
        for theirs, ours in _LIST_MARKERS.items():
            assert not re.findall(theirs, text) or ours.search(text), (theirs, text)

    check()


def test_a_rule_for_the_ear_is_passed_over_only_where_it_finds_nothing() -> None:
    """Each rewrite is skipped when the sentence lacks every character it needs: wherever its pattern
    matches, the sentence holds one of them."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from reader.speech.needles import could_match
    from reader.speech.prepare import _ear_rules

    pieces = st.sampled_from(["Dr", "Prof", "Mrs", "Mr", "e", "g", "i", "etc", "No", "and", "or", "A", "x", "5",
                              ".", ",", " ", "  ", "&", "*", "~", "/", "–", "—", ">", "›", "→", "…", "...",
                              "”", "'", "[Picture: a]", "[", "]"])
    rules = _ear_rules()
    assert sum(needed is not None for _pattern, _replacement, needed in rules) >= len(rules) - 2

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(pieces, max_size=12).map("".join))
    def check(text: str) -> None:
        for pattern, _replacement, needed in rules:
            assert not pattern.search(text) or could_match(needed, text), (pattern.pattern, text)

    check()


@pytest.mark.parametrize(("pattern", "needed"), [
    (r"\bDr\.?(?=\s+[A-Z])", "D"), (r"\s*&\s*", "&"), (r"a(?:b|c)", "a"), (r"(?:x|y)z?", "xy"),
    (r"\s{2,}", None), (r"a?", None), (r"(?i:a)b", "b"), (r"(?i)ab", None), (r"[^a]", None), (r"(?!a)b", "b"),
    (r"\w+", None), (r"(?<=q)\d", "q"), (r"[a-c]x", "x"),
])
def test_the_characters_a_pattern_needs(pattern: str, needed: str | None) -> None:
    from reader.speech.needles import needles

    assert needles(re.compile(pattern)) == needed
