"""Interface size: its range and steps, and the presets that set it beside the text size."""

from __future__ import annotations

from reader import interface_size, presets
from reader.settings import REGISTRY, Settings


def test_range_is_normal_to_four_times_in_even_steps() -> None:
    assert interface_size.STEPS[0] == 100 and interface_size.STEPS[-1] == 400
    assert interface_size.clamp(50) == 100 and interface_size.clamp(999) == 400
    assert interface_size.larger(300) == 325 and interface_size.larger(400) == 400
    assert interface_size.smaller(125) == 100 and interface_size.smaller(100) == 100


def test_lengths_and_fonts_grow_in_proportion() -> None:
    assert interface_size.scaled(16, 100) == 16
    assert interface_size.scaled(16, 300) == 48
    assert interface_size.scaled(3, 150) == 4  # rounded, never below one pixel
    assert interface_size.font_points(9.0, 200) == 18.0
    assert interface_size.font_points(9.0, 400) == 36.0


def test_menu_padding_stops_growing_at_twice_normal() -> None:
    assert interface_size.padding(4, 150) == 6 and interface_size.padding(4, 200) == 8
    assert interface_size.padding(4, 400) == 8, "the words grow; the space around them does not"


def test_setting_accepts_the_range_only(tmp_path) -> None:
    option = REGISTRY["interface_size"]
    assert option.default == 100
    assert option.accepts(400) and not option.accepts(99) and not option.accepts(401)
    settings = Settings(tmp_path / "settings.json")
    settings.set("interface_size", 200)
    settings.save()
    assert Settings(tmp_path / "settings.json").get("interface_size") == 200


def test_large_print_and_low_vision_set_it_and_reset_puts_it_back(tmp_path) -> None:
    settings = Settings(tmp_path / "settings.json")
    presets.apply(settings, "large-print")
    assert settings.get("interface_size") == 150 and settings.get("text_size") == 200
    presets.apply(settings, "low-vision")
    assert settings.get("interface_size") == 200 and settings.get("text_size") == 300
    presets.apply(settings, "dyslexia")
    assert settings.get("interface_size") == 100, "one preset's size must not linger in the next"
    presets.apply(settings, "low-vision")
    presets.reset(settings)
    assert settings.get("interface_size") == 100


def test_text_size_alone_leaves_the_interface_size_as_it_was(tmp_path) -> None:
    settings = Settings(tmp_path / "settings.json")
    settings.set("interface_size", 175)
    settings.set("text_size", 400)
    assert settings.get("interface_size") == 175
