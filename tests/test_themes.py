"""Every colour pair of every theme that carries meaning is readable (WCAG 2.2)."""

from __future__ import annotations

import pytest

from reader import themes
from reader.contrast import contrast_ratio

ALL = list(themes.THEMES.values())


def test_the_themes_exist() -> None:
    assert set(themes.THEMES) == {"light", "dark", "sepia", "high-contrast", "high-contrast-light"}
    assert [t.name for t in themes.THEMES.values() if t.high_contrast] == ["high-contrast", "high-contrast-light"]


@pytest.mark.parametrize("theme", ALL, ids=lambda t: t.name)
def test_every_text_pair_meets_its_minimum(theme: themes.Theme) -> None:
    minimum = 7.0 if theme.high_contrast else 4.5
    for fg, bg, ratio in themes.text_pairs(theme):
        assert ratio >= minimum, f"{theme.name}: {fg} on {bg} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", ALL, ids=lambda t: t.name)
def test_focus_outline_and_edges_stand_out(theme: themes.Theme) -> None:
    minimum = 7.0 if theme.high_contrast else 3.0
    for fg, bg, ratio in themes.non_text_pairs(theme):
        assert ratio >= minimum, f"{theme.name}: {fg} against {bg} is {ratio:.2f}:1"
    # We aim above the 3:1 floor: the focus outline reaches 4.5:1 on every surface it is drawn on.
    for surface in ("window", "base", "button"):
        assert contrast_ratio(theme.focus, getattr(theme, surface)) >= 4.5


@pytest.mark.parametrize("theme", ALL, ids=lambda t: t.name)
def test_failures_is_empty_for_shipped_themes(theme: themes.Theme) -> None:
    assert themes.failures(theme) == []


def test_failures_reports_a_bad_pair_in_words() -> None:
    from dataclasses import replace

    washed_out = replace(themes.LIGHT, link="#9db8e8", focus="#dddddd")
    problems = themes.failures(washed_out)
    assert any(p.startswith("link on base") for p in problems)
    assert any(p.startswith("focus against window") for p in problems)


@pytest.mark.parametrize("theme", ALL, ids=lambda t: t.name)
def test_highlights_can_be_told_apart(theme: themes.Theme) -> None:
    # A search hit, the sentence being spoken and a selection must never look the same.
    backgrounds = {theme.search_background, theme.spoken_background, theme.selection_background, theme.base}
    assert len(backgrounds) == 4


@pytest.mark.parametrize("theme", ALL, ids=lambda t: t.name)
def test_reading_ruler_dims_but_keeps_context_visible(theme: themes.Theme) -> None:
    full = contrast_ratio(theme.text, theme.base)
    dimmed = contrast_ratio(theme.dimmed(theme.text), theme.base)
    assert dimmed <= full / 2, "the lines outside the ruler must look clearly dimmer"
    assert dimmed >= 1.5, "dimmed lines should still be faintly there, to keep one's place"


def test_colours_lists_only_colours() -> None:
    colours = themes.LIGHT.colours()
    assert colours["text"] == "#1a1a1a"
    assert "name" not in colours and "ruler_opacity" not in colours


def test_unknown_theme_falls_back_to_default_and_system_choice() -> None:
    assert themes.get("no-such-theme") is themes.LIGHT
    assert themes.for_system(dark=True, high_contrast=False) == "dark"
    assert themes.for_system(dark=False, high_contrast=False) == "light"
    assert themes.for_system(dark=None, high_contrast=False) == "light"
    assert themes.for_system(dark=False, high_contrast=True) == "high-contrast-light"
    assert themes.for_system(dark=True, high_contrast=True) == "high-contrast"
    assert themes.for_system(dark=None, high_contrast=True) == "high-contrast"


def test_print_theme_is_dark_on_white() -> None:
    assert themes.PRINT.base == "#ffffff"
    assert contrast_ratio(themes.PRINT.text, "#ffffff") >= 7


@pytest.mark.parametrize("theme", list(themes.THEMES.values()), ids=lambda t: t.name)
def test_disabled_text_is_quieter_than_enabled_text(theme: themes.Theme) -> None:
    for background in ("window", "button"):
        assert (contrast_ratio(theme.disabled_text, getattr(theme, background))
                < contrast_ratio(theme.button_text, getattr(theme, background)))
    assert themes.quieter_failures(theme) == []


def test_a_bright_green_disabled_colour_in_high_contrast_is_reported() -> None:
    from dataclasses import replace

    shouting = replace(themes.HIGH_CONTRAST, disabled_text="#3ff23f")  # readable, but brighter than a grey
    assert any("not a grey" in problem for problem in themes.failures(shouting))
    as_loud = replace(themes.HIGH_CONTRAST_LIGHT, disabled_text="#000000")
    assert any("as strong as" in problem for problem in themes.failures(as_loud))
