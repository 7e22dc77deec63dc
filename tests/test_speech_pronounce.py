"""The pronunciation list: shipped respellings the voice really says better, and the listener's own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import paths
from reader.render import Block
from reader.speech.mapping import MappedText
from reader.speech.prepare import prepare_blocks
from reader.speech.pronounce import (
    Lexicon,
    Pronunciation,
    PronunciationError,
    load_lexicon,
    load_user,
    save_user,
    shipped,
    user_file,
)

espeak = pytest.importorskip("reader.speech.espeak")
needs_espeak = pytest.mark.skipif(not espeak.espeak_available(), reason="libespeak-ng is not installed")


def test_shipped_list_loads_and_covers_the_guide_names() -> None:
    words = {entry.word for entry in shipped()}
    assert {"IRISS", "EVOC", "Lochside", "Lanarkshire", "Whoriskey", "DadsWork"} <= words
    assert all(entry.why for entry in shipped())


def test_whole_words_only_any_case_and_possessives() -> None:
    lexicon = Lexicon([Pronunciation("IRISS", "Iris"), Pronunciation("Nesta", "NESTA", match_case=True)])
    spoken = lexicon.apply(MappedText.of("IRISS, iriss's work; IRISSES and nesta or Nesta."))
    assert spoken.text == "Iris, Iris's work; IRISSES and nesta or NESTA."


def test_spoken_words_still_highlight_the_displayed_word() -> None:
    lexicon, _ = load_lexicon()
    shown = "The example from Lochside Neighbourhood Group and EVOC."
    (utterance,) = prepare_blocks("x", [Block("p1", "paragraph", shown)], lexicon)
    assert utterance.text == "The example from Loch-side Neighbourhood Group and Eevock."
    for spoken_word, displayed in (("Loch-side", "Lochside"), ("Eevock", "EVOC"), ("Group", "Group")):
        start, end = utterance.word_span(utterance.text.index(spoken_word), len(spoken_word))
        assert shown[start:end] == displayed


def test_user_entries_are_saved_atomically_and_win(user_home: Path) -> None:
    save_user([Pronunciation("EVOC", "E V O C"), Pronunciation("Feet First", "Feet Fursst")])
    assert user_file().parent == paths.data_dir()
    assert json.loads(user_file().read_text(encoding="utf-8"))[0] == {"word": "EVOC", "say": "E V O C"}
    assert not [p for p in user_file().parent.iterdir() if p.name.endswith(".tmp")]
    lexicon, problem = load_lexicon()
    assert problem is None
    assert lexicon.apply(MappedText.of("EVOC and Feet First")).text == "E V O C and Feet Fursst"
    assert lexicon.say("IRISS") == "Iris"  # shipped entries still apply


def test_a_damaged_user_file_is_reported_kept_and_the_shipped_list_used(user_home: Path) -> None:
    path = user_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[{\"word\": \"EVOC\"", encoding="utf-8")
    lexicon, problem = load_lexicon()
    assert problem and "could not be read" in problem and str(path) in problem
    assert lexicon.say("EVOC") == "Eevock"
    assert path.read_text(encoding="utf-8") == "[{\"word\": \"EVOC\""  # nothing lost


@pytest.mark.parametrize("entry", [Pronunciation("", "x"), Pronunciation("x", " "),
                                   Pronunciation("a\nb", "c"), Pronunciation("x" * 101, "y")])
def test_bad_entries_are_refused_with_a_reason(entry: Pronunciation, user_home: Path) -> None:
    with pytest.raises(PronunciationError):
        save_user([entry])
    assert not user_file().exists()


def test_entries_without_a_say_are_refused_on_load(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps([{"word": "EVOC"}]), encoding="utf-8")
    with pytest.raises(PronunciationError, match="entry 1"):
        load_user(path)


# What eSpeak NG really says (its phonemes), British and Scottish English voices ------------
BRITISH, SCOTTISH = "gmw/en", "gmw/en-GB-scotland"


@needs_espeak
@pytest.mark.parametrize(("word", "wrong", "right"), [
    ("IRISS", "'IrIs", "'aIrIs"),  # like the flower
    ("EVOC", "I2v'0k", "'i:v0k"),  # EE-vock
    ("Lochside", "l'0tSsaId", "l'0xs'aId"),  # the ch of loch
])
def test_respellings_fix_what_espeak_says(word: str, wrong: str, right: str) -> None:
    engine = espeak.EspeakEngine()
    lexicon = Lexicon(shipped())
    for voice in (BRITISH, SCOTTISH):  # the same sounds from the British and the Scottish voice
        assert engine.phonemes(word, voice) == wrong
        assert engine.phonemes(lexicon.say(word), voice) == right


@needs_espeak
@pytest.mark.parametrize(("word", "phonemes"), [
    ("Whoriskey", "h'o@rIski"), ("Lanarkshire", "l'anA@kS3"), ("DadsWork", "d'adz w'3:k"),
])
def test_respellings_that_guard_other_voices_change_nothing_for_espeak(word: str, phonemes: str) -> None:
    engine = espeak.EspeakEngine()
    assert engine.phonemes(word, BRITISH) == phonemes
    for voice in (BRITISH, SCOTTISH):  # the Scottish voice, the default for this guide, says its own r's
        assert engine.phonemes(Lexicon(shipped()).say(word), voice) == engine.phonemes(word, voice)


@needs_espeak
@pytest.mark.parametrize(("word", "phonemes"), [
    ("Garven", "g'A@v@n"), ("Nesta", "n'Est@"), ("Co-production", "k'oUpr@d'VkS@n"), ("Glasgow", "gl'aazgoU"),
])
def test_names_espeak_already_says_right_need_no_entry(word: str, phonemes: str) -> None:
    assert espeak.EspeakEngine().phonemes(word, BRITISH) == phonemes
