"""Spoken text rewritten for the ear must still point at the displayed words."""

from __future__ import annotations

from reader.speech.mapping import MappedText


def test_unchanged_text_maps_one_to_one_with_offset() -> None:
    text = MappedText.of("Hello there", offset=10)
    assert text.display_span(6, 5) == (16, 21)


def test_replacement_maps_to_the_whole_replaced_span() -> None:
    shown = "Dr. Margaret Whoriskey & friends"
    spoken = MappedText.of(shown).sub(r"Dr\.", "Doctor").sub(r"\s*&\s*", " and ")
    assert spoken.text == "Doctor Margaret Whoriskey and friends"
    start, end = spoken.display_span(spoken.text.index("Doctor"), len("Doctor"))
    assert shown[start:end] == "Dr."
    start, end = spoken.display_span(spoken.text.index("Margaret"), len("Margaret"))
    assert shown[start:end] == "Margaret"
    start, end = spoken.display_span(spoken.text.index("friends"), len("friends"))
    assert shown[start:end] == "friends"


def test_chained_rewrites_keep_the_map() -> None:
    shown = "IRISS and EVOC"
    spoken = MappedText.of(shown).sub("IRISS", "Iris").sub("EVOC", "Eevock").sub("Eevock", "Ee vock")
    assert spoken.text == "Iris and Ee vock"
    start, end = spoken.display_span(spoken.text.index("Ee vock"), 7)
    assert shown[start:end] == "EVOC"


def test_deletion_and_strip_and_appended_full_stop() -> None:
    shown = "…how it works"
    spoken = MappedText.of(shown).sub(r"^…", "").strip().append(".")
    assert spoken.text == "how it works."
    start, end = spoken.display_span(0, 3)
    assert shown[start:end] == "how"
    assert spoken.display_span(len(spoken.text) - 1, 1) == (len(shown), len(shown))


def test_span_outside_the_text_is_clamped() -> None:
    spoken = MappedText.of("abc")
    assert spoken.display_span(10, 4) == (2, 3)
    assert MappedText.of("").display_span(0, 1) == (0, 0)
