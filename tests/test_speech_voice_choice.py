"""The default voice for the guide's language, and voices listed by name, not code."""

from __future__ import annotations

from reader.speech import voice_choice
from reader.speech.engine import Voice

US = Voice("gmw/en-US", "English (America)", ("en-us",))
GB = Voice("gmw/en", "English (Great Britain)", ("en-gb",))
SCOTS = Voice("gmw/en-GB-scotland", "English (Scotland)", ("en-gb-scotland",))
FRENCH = Voice("roa/fr", "French (France)", ("fr-fr",))
WINDOWS_GB = Voice("HKLM\\...\\TTS_MS_EN-GB_HAZEL_11.0", "Microsoft Hazel Desktop - English (Great Britain)",
                   ("en_GB",))


def test_a_scottish_voice_is_preferred_for_british_english() -> None:
    assert voice_choice.best([US, GB, SCOTS, FRENCH], "en-GB") == SCOTS.id


def test_without_a_scottish_voice_a_british_one_then_any_english() -> None:
    assert voice_choice.best([FRENCH, US, GB], "en-GB") == GB.id
    assert voice_choice.best([FRENCH, WINDOWS_GB, US], "en-GB") == WINDOWS_GB.id  # Windows writes en_GB
    assert voice_choice.best([FRENCH, US], "en-GB") == US.id
    assert voice_choice.best([FRENCH], "en-GB") == FRENCH.id
    assert voice_choice.best([], "en-GB") == ""


def test_another_language_gets_its_own_voice() -> None:
    assert voice_choice.best([US, GB, SCOTS, FRENCH], "fr") == FRENCH.id
    assert voice_choice.best([US, GB, SCOTS], "en-US") == US.id


def test_listing_puts_the_guides_language_first_by_name_without_codes() -> None:
    listed = voice_choice.listing([FRENCH, US, SCOTS, GB], "en-GB")
    assert [voice.id for voice in listed] == [US.id, GB.id, SCOTS.id, FRENCH.id]
    assert [voice_choice.label(voice) for voice in listed][:3] == [
        "English (America)", "English (Great Britain)", "English (Scotland)"]
    assert all("gmw" not in voice_choice.label(voice) and "–" not in voice_choice.label(voice) for voice in listed)
