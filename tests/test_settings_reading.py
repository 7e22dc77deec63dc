"""The reading settings in the settings file: validated, round-tripped, recovered when damaged."""

from __future__ import annotations

import json

from reader.settings import REGISTRY, Settings


def test_reading_settings_round_trip(tmp_path) -> None:
    path = tmp_path / "settings.json"
    first = Settings(path)
    values = {"theme": "sepia", "follow_system_theme": False, "font_family": "opendyslexic",
              "line_spacing": 2.5, "letter_spacing": 0.12, "word_spacing": 0.16, "paragraph_spacing": 2.0,
              "line_length": 45, "reading_ruler": True, "ruler_lines": 4}
    for name, value in values.items():
        first.set(name, value)
    first.save()
    again = Settings(path)
    assert again.problem is None
    assert {name: again.get(name) for name in values} == values


def test_out_of_range_values_are_refused_and_reset_on_load(tmp_path) -> None:
    path = tmp_path / "settings.json"
    for name, bad in (("line_spacing", 3.0), ("line_spacing", 0.5), ("letter_spacing", -0.1),
                      ("theme", "purple"), ("font_family", "Comic Sans"), ("reading_ruler", 1),
                      ("line_length", 10)):
        assert not REGISTRY[name].accepts(bad), (name, bad)
    path.write_text(json.dumps({"theme": "purple", "line_spacing": 9, "font_family": "serif"}))
    loaded = Settings(path)
    assert loaded.get("theme") == "light" and loaded.get("line_spacing") == 1.6
    assert loaded.get("font_family") == "serif", "valid neighbours are kept"
    assert "line_spacing" in loaded.problem and "theme" in loaded.problem


def test_corrupt_file_falls_back_to_defaults_and_is_kept(tmp_path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark", "line_spac')
    loaded = Settings(path)
    assert loaded.get("theme") == "light"
    assert loaded.problem and "default settings" in loaded.problem
    kept = list(tmp_path.glob("settings.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text() == '{"theme": "dark", "line_spac'
    loaded.set("theme", "sepia")
    loaded.save()
    assert kept[0].read_text() == '{"theme": "dark", "line_spac', "the damaged copy is never overwritten"
    assert Settings(path).get("theme") == "sepia"
