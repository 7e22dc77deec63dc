"""Font choices, bundled font files and the line-length arithmetic."""

from __future__ import annotations

import pytest

from reader import typography


def test_every_bundled_font_is_shipped_with_its_licence() -> None:
    for choice in typography.FONTS.values():
        if choice.bundled is None:
            continue
        files = choice.files()
        assert {f.stem.split("-")[-1] for f in files} == {"Regular", "Bold", "Italic", "BoldItalic"}
        for path in files:
            magic = path.read_bytes()[:4]
            assert magic in (b"\x00\x01\x00\x00", b"OTTO"), f"{path.name} is not a TrueType/OpenType font"
        names = {p.name for p in (typography.FONTS_DIR / choice.bundled).iterdir()}
        licence = names & {"OFL.txt", "LICENSE.txt"}
        assert licence, f"{choice.key} has no licence file"
    assert len(typography.bundled_font_files()) == 8


def test_every_choice_ends_in_a_font_the_system_surely_has() -> None:
    generic = {"sans-serif", "serif"}
    for choice in typography.FONTS.values():
        assert generic & set(choice.families), choice.key
    assert typography.font("unknown") is typography.FONTS["sans"]


def test_ranges_allow_the_wcag_text_spacing_values() -> None:
    ranges = {"line_spacing": typography.LINE_SPACING, "letter_spacing": typography.LETTER_SPACING,
              "word_spacing": typography.WORD_SPACING, "paragraph_spacing": typography.PARAGRAPH_SPACING}
    for name, value in typography.WCAG_TEXT_SPACING.items():
        assert ranges[name].minimum <= value <= ranges[name].maximum, name
    assert typography.LINE_SPACING.minimum == 1.0 and typography.LINE_SPACING.maximum == 2.5


def test_character_width_grows_with_spacing() -> None:
    plain = typography.character_width(10.0, 20.0, 0.0, 0.0)
    assert plain == 10.0
    spaced = typography.character_width(10.0, 20.0, 0.12, 0.16)
    # 0.12 em of 20 px on every letter, plus 0.16 em on one character in 5.7.
    assert spaced == pytest.approx(10.0 + 2.4 + 3.2 / 5.7)


def test_side_margin_centres_lines_of_the_chosen_length() -> None:
    # A 1200 px page, 10 px characters, 70 characters a line: 500 px spare, 250 each side.
    assert typography.side_margin(1200, 10, 70, 16) == 250
    # A page narrower than the line: margins never go below the minimum, text wraps.
    assert typography.side_margin(500, 10, 70, 16) == 16
    assert typography.side_margin(716, 10, 70, 16) == 16
