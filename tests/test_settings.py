"""Settings: validated against the registry, written atomically, and a bad file never loses the old one."""

from __future__ import annotations

import json

import pytest

from reader.settings import FORMAT, OPTIONS, REGISTRY, WINDOW_STATE, Settings


def test_defaults_round_trip_and_no_temporary_files(tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings(path)
    assert settings.get("text_size") == 100 and settings.problem is None
    settings.set("text_size", 250)
    settings.set("last_section", "introduction")
    settings.save()
    again = Settings(path)
    assert again.get("text_size") == 250 and again.get("last_section") == "introduction"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_out_of_range_values_are_refused():
    settings = Settings.__new__(Settings)
    settings._values = {}
    with pytest.raises(ValueError):
        Settings.set(settings, "text_size", 900)
    with pytest.raises(ValueError):
        Settings.set(settings, "text_size", "big")


def test_corrupt_file_is_kept_aside_and_defaults_used(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"text_size": 150,,,', encoding="utf-8")
    settings = Settings(path)
    assert settings.get("text_size") == 100
    kept = list(tmp_path.glob("settings.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == '{"text_size": 150,,,'
    assert settings.problem and str(kept[0]) in settings.problem
    settings.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {"format": FORMAT, "window": {}}
    assert kept[0].exists()


def test_invalid_values_are_reset_one_by_one_and_unknown_keys_kept(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"text_size": 9999, "last_section": "words", "from_a_newer_version": 1}))
    settings = Settings(path)
    assert settings.get("text_size") == 100
    assert settings.get("last_section") == "words"
    assert "text_size" in (settings.problem or "")
    settings.save()
    assert json.loads(path.read_text())["from_a_newer_version"] == 1


def test_every_option_default_is_valid():
    assert len(REGISTRY) == len(OPTIONS)
    for option in OPTIONS:
        assert option.accepts(option.default), option.name
        assert option.label


def test_every_number_setting_declares_its_step_and_every_preference_a_description():
    for option in OPTIONS:
        if option.type in (int, float) and option.group != "window":
            assert option.step, option.name
        if option.group == "reading":
            assert option.description, option.name


def test_a_file_without_a_format_version_loads_with_its_values_kept(tmp_path):
    path = tmp_path / "settings.json"
    old = {"text_size": 150, "theme": "sepia", "last_section": "words", "last_scroll": 0.5,
           "window_geometry": "AdnQywADAAA=", "speech_rate": 200, "from_a_newer_version": 1}
    path.write_text(json.dumps(old), encoding="utf-8")
    settings = Settings(path)
    assert settings.problem is None
    for name, value in old.items():
        if name in REGISTRY:
            assert settings.get(name) == value, name
    settings.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format"] == FORMAT and saved["text_size"] == 150 and saved["from_a_newer_version"] == 1
    assert saved["window"] == {"last_section": "words", "last_scroll": 0.5, "window_geometry": "AdnQywADAAA="}
    assert "last_section" not in saved  # the window's state has its own part of the file
    assert Settings(path).get("last_scroll") == 0.5


def test_resetting_the_preferences_never_resets_the_window(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    settings.set("text_size", 200)
    settings.set("last_section", "words")
    settings.set("splitter_state", "AAAA")
    settings.reset()
    assert settings.get("text_size") == 100
    assert settings.get("last_section") == "words" and settings.get("splitter_state") == "AAAA"
    assert set(WINDOW_STATE) == {"last_section", "last_scroll", "window_geometry", "splitter_state"}


def test_speech_limits_are_declared_once():
    from reader.speech import engine

    rate = REGISTRY["speech_rate"]
    assert (rate.minimum, rate.maximum, rate.step) == (engine.MIN_RATE, engine.MAX_RATE, engine.RATE_STEP)
