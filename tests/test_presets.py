"""Presets set several things at once, can be adjusted after, and never leave a mixture behind."""

from __future__ import annotations

import json

import pytest

from reader import presets
from reader.reading_style import READING_OPTIONS
from reader.settings import REGISTRY, Settings


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.json")


def test_the_four_presets_exist_with_valid_values() -> None:
    assert list(presets.PRESETS) == ["large-print", "dyslexia", "low-vision", "screen-reader"]
    for preset in presets.PRESETS.values():
        assert preset.label and preset.description
        for name, value in preset.values.items():
            assert name in READING_OPTIONS, name
            assert REGISTRY[name].accepts(value), (preset.key, name, value)


def test_dyslexia_preset_sets_font_spacing_and_cream_page(settings: Settings) -> None:
    presets.apply(settings, "dyslexia")
    assert settings.get("theme") == "sepia" and settings.get("follow_system_theme") is False
    assert settings.get("font_family") == "atkinson"
    assert settings.get("letter_spacing") == 0.12 and settings.get("word_spacing") == 0.16
    assert settings.get("paragraph_spacing") == 2.0 and settings.get("line_length") == 60
    assert presets.matching(settings) == "dyslexia"


def test_one_preset_after_another_leaves_no_mixture(settings: Settings) -> None:
    presets.apply(settings, "dyslexia")
    presets.apply(settings, "large-print", system_theme="dark")
    assert settings.get("letter_spacing") == 0.0, "the dyslexia spacing must not linger"
    assert settings.get("text_size") == 200
    assert settings.get("follow_system_theme") is True and settings.get("theme") == "dark"
    assert presets.matching(settings) == "large-print"


def test_a_preset_can_be_adjusted_afterwards(settings: Settings) -> None:
    presets.apply(settings, "low-vision")
    assert settings.get("theme") == "high-contrast" and settings.get("reading_ruler") is True
    settings.set("text_size", 250)
    assert settings.get("theme") == "high-contrast"
    assert presets.matching(settings) is None, "adjusted: no longer exactly the preset"


def test_reset_puts_reading_settings_back_but_keeps_the_place(settings: Settings) -> None:
    settings.set("last_section", "introduction")
    presets.apply(settings, "low-vision")
    presets.reset(settings, system_theme="light")
    for name in READING_OPTIONS:
        if name != "theme":
            assert settings.get(name) == REGISTRY[name].default, name
    assert settings.get("theme") == "light"
    assert settings.get("last_section") == "introduction"


def test_preset_survives_a_restart(tmp_path) -> None:
    first = Settings(tmp_path / "settings.json")
    presets.apply(first, "screen-reader")
    first.save()
    again = Settings(tmp_path / "settings.json")
    assert again.problem is None
    assert again.get("reading_ruler") is False and again.get("text_size") == 100
    assert presets.matching(again) == "screen-reader"
    assert json.loads((tmp_path / "settings.json").read_text())["reading_ruler"] is False


def test_unknown_preset_is_refused(settings: Settings) -> None:
    with pytest.raises(KeyError):
        presets.apply(settings, "no-such-preset")


def test_follow_system_changes_the_theme_only_when_following(settings: Settings) -> None:
    presets.follow_system(settings, "dark")
    assert settings.get("theme") == "dark"
    settings.set("follow_system_theme", False)
    settings.set("theme", "sepia")
    presets.follow_system(settings, "high-contrast")
    assert settings.get("theme") == "sepia"


def test_defaults_match_no_preset(settings: Settings) -> None:
    assert presets.matching(settings) is None
