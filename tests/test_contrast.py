"""The WCAG formula itself, checked against values the guidelines' users know by heart."""

from __future__ import annotations

import pytest

from reader.contrast import blend, contrast_ratio, parse, relative_luminance


def test_black_on_white_is_21_and_same_colour_is_1() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#3a6ea5", "#3a6ea5") == pytest.approx(1.0)


def test_the_well_known_grey_threshold() -> None:
    # #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5


def test_luminance_of_primaries_matches_the_coefficients() -> None:
    assert relative_luminance("#ff0000") == pytest.approx(0.2126)
    assert relative_luminance("#00ff00") == pytest.approx(0.7152)
    assert relative_luminance("#0000ff") == pytest.approx(0.0722)
    assert relative_luminance((0, 0, 0)) == 0.0


def test_parse_accepts_only_six_digit_hex() -> None:
    assert parse("#0A0b0C") == (10, 11, 12)
    for bad in ("#fff", "red", "#12345g", ""):
        with pytest.raises(ValueError):
            parse(bad)


def test_blend_mixes_in_srgb() -> None:
    assert blend("#ffffff", "#000000", 0.5) == "#808080"
    assert blend("#ffffff", "#000000", 0.0) == "#000000"
    assert blend("#123456", "#000000", 1.0) == "#123456"
    with pytest.raises(ValueError):
        blend("#ffffff", "#000000", 1.5)
