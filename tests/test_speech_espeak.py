"""The real eSpeak NG engine: audio that is speech, rates that hold, word offsets in order."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from reader.speech import audio as pcm
from reader.speech.engine import EngineUnavailable, SynthesisCancelled, Timing, how_to_enable, open_engine
from reader.speech.espeak import EspeakEngine, espeak_available

pytestmark = pytest.mark.skipif(not espeak_available(), reason="libespeak-ng is not installed")
ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Co-production is about working together on an equal basis to improve lives and outcomes."


@pytest.fixture(scope="module")
def engine() -> EspeakEngine:
    return EspeakEngine()


def test_voices_are_listed_with_languages(engine: EspeakEngine) -> None:
    voices = engine.voices()
    assert len(voices) > 50
    by_id = {v.id: v for v in voices}
    assert by_id["gmw/en"].languages == ("en-gb",)
    assert "gmw/en-GB-scotland" in by_id
    assert engine.default_voice("en-GB") == "gmw/en-GB-scotland"  # a Scottish voice for a Scottish guide
    assert engine.timing is Timing.WORDS


def test_speech_is_not_silence(engine: EspeakEngine) -> None:
    audio = engine.synthesise(SENTENCE)
    assert audio.sample_rate == 22050
    assert 3000 < audio.duration_ms < 9000
    assert pcm.rms(audio.pcm) > 1000  # speech; silence is 0


def test_duration_grows_with_the_text(engine: EspeakEngine) -> None:
    one = engine.synthesise(SENTENCE).duration_ms
    three = engine.synthesise(" ".join([SENTENCE] * 3)).duration_ms
    assert 2.5 * one < three < 3.5 * one


def test_a_faster_rate_is_shorter_every_time(engine: EspeakEngine) -> None:
    """The rate must hold on every call, not just the first (pyttsx3's queue sometimes dropped it)."""
    for _ in range(5):
        slow = engine.synthesise(SENTENCE, rate=150).duration_ms
        fast = engine.synthesise(SENTENCE, rate=300).duration_ms
        normal = engine.synthesise(SENTENCE, rate=175).duration_ms
        assert fast < 0.65 * slow
        assert fast < normal < slow


def test_rate_survives_a_voice_change(engine: EspeakEngine) -> None:
    fast = engine.synthesise(SENTENCE, voice="gmw/en", rate=320).duration_ms
    engine.synthesise(SENTENCE, voice="gmw/en-GB-scotland", rate=320)
    again = engine.synthesise(SENTENCE, voice="gmw/en", rate=320).duration_ms
    assert abs(again - fast) < 50


def test_word_offsets_arrive_in_order_and_cover_the_text(engine: EspeakEngine) -> None:
    text = "Dr Margaret Whoriskey, Director of the Joint Improvement Team, said: café – it’s 3rd time."
    audio = engine.synthesise(text)
    spoken = [(w.start, text[w.start:w.start + w.length]) for w in audio.words]
    words = [(m.start(), m.group()) for m in re.finditer(r"\w+", text)]
    # each event is a word of the text, at its place, in reading order; eSpeak folds some small
    # words into the one before ("of the"), so most words, first and last included, have their own
    at = dict(words)
    assert all(start in at and at[start].startswith(word) for start, word in spoken), spoken
    assert [start for start, _ in spoken] == sorted(start for start, _ in spoken)
    assert spoken[0] == (0, "Dr") and spoken[-1][1] == "time"
    assert len(spoken) >= 0.8 * len([w for w in words if w[1] not in ("s", "rd")])
    assert [w.ms for w in audio.words] == sorted(w.ms for w in audio.words)
    assert all(0 <= w.ms < audio.duration_ms for w in audio.words)
    assert audio.words[-1].ms > audio.duration_ms // 2  # offsets spread over the audio, not bunched


def test_unknown_voice_is_a_clear_error(engine: EspeakEngine) -> None:
    with pytest.raises(ValueError, match="not installed"):
        engine.synthesise("Hello.", voice="no/such-voice")
    assert engine.synthesise("Hello.").duration_ms > 0  # and the engine still works


def test_cancel_stops_synthesis(engine: EspeakEngine) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(SynthesisCancelled):
        engine.synthesise(" ".join([SENTENCE] * 20), cancel=cancel)
    assert engine.synthesise("Still here.").duration_ms > 0


def test_calls_from_several_threads_do_not_mix(engine: EspeakEngine) -> None:
    texts = [f"This is sentence number {n} about {word}." for n, word in
             enumerate(["Glasgow", "Edinburgh", "Lanarkshire", "Dundee", "Inverness", "Aberdeen"])]
    results: dict[int, object] = {}

    def speak(n: int) -> None:
        results[n] = engine.synthesise(texts[n], rate=200 + n * 20)

    threads = [threading.Thread(target=speak, args=(n,)) for n in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    for n, text in enumerate(texts):
        audio = results[n]
        words = [text[w.start:w.start + w.length] for w in audio.words]  # type: ignore[attr-defined]
        assert words == re.findall(r"\w+", text)


@pytest.mark.slow
def test_a_long_first_text_does_not_crash_the_process() -> None:
    """pyttsx3's own driver crashed on about 13 KB first; the synchronous binding must not."""
    script = textwrap.dedent("""
        from reader.speech.espeak import EspeakEngine
        audio = EspeakEngine().synthesise("A sentence about co-production in Scotland. " * 400)
        print(audio.duration_ms, len(audio.words))
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    duration, words = map(int, result.stdout.split())
    assert duration > 600_000 and words == 6 * 400  # “co-production” is one word


def test_missing_library_gives_the_how_to_enable_message() -> None:
    """Simulate a system without libespeak-ng: loading any espeak library fails."""
    script = textwrap.dedent("""
        import ctypes
        real = ctypes.cdll.LoadLibrary
        def refuse(name, *args, **kwargs):
            if "espeak" in str(name):
                raise OSError("not found")
            return real(name, *args, **kwargs)
        ctypes.cdll.LoadLibrary = refuse
        from reader.speech.engine import EngineUnavailable, open_engine
        try:
            open_engine()
        except EngineUnavailable as error:
            print(error)
        else:
            print("engine opened")
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "sudo apt-get install libespeak-ng1" in result.stdout  # this machine is Debian


def test_how_to_enable_names_the_command_for_each_system() -> None:
    assert "sudo apt-get install libespeak-ng1" in how_to_enable("Linux", {"ID": "ubuntu", "ID_LIKE": "debian"})
    assert "sudo dnf install espeak-ng" in how_to_enable("Linux", {"ID": "fedora"})
    assert "sudo pacman -S espeak-ng" in how_to_enable("Linux", {"ID": "arch"})
    assert "Windows" in how_to_enable("Windows")
    assert "macOS" in how_to_enable("Darwin")


def test_engine_choice_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRODUCTION_READER_SPEECH", "none")
    with pytest.raises(EngineUnavailable):
        open_engine()
    monkeypatch.setenv("COPRODUCTION_READER_SPEECH", "fake")
    assert open_engine().name == "Test voice"
    monkeypatch.delenv("COPRODUCTION_READER_SPEECH")
    assert open_engine().name == "eSpeak NG"
