"""Reading aloud end to end on a silent real-time device: states, highlight, skips, stops, errors."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable

import pytest

from reader.render import Block
from reader.speech.espeak import EspeakEngine, espeak_available
from reader.speech.fake import FakeEngine
from reader.speech.narrator import Narrator, Snapshot, State
from reader.speech.player import Player
from reader.speech.prepare import Script, prepare_blocks, prepare_section

BLOCKS = [Block("title", "heading", "Short test"),
          Block("p1", "paragraph", "One two three. Four five six."),
          Block("p2", "paragraph", "Seven eight nine. Ten eleven twelve."),
          Block("p3", "item", "Last item here")]


def _script() -> Script:
    return Script("test", "Short test", tuple(prepare_blocks("test", BLOCKS)))


def _null_player(rate: int) -> Player:
    return Player(rate, backend="null")


def _narrator(engine=None, **kwargs) -> tuple[Narrator, list[State]]:
    changes: list[State] = []
    narrator = Narrator(engine or FakeEngine(), rate=450, player_factory=_null_player,
                        on_change=lambda: changes.append(narrator.state), **kwargs)
    narrator.load(_script())
    return narrator, changes


def _wait(narrator: Narrator, predicate: Callable[[Snapshot], bool], timeout: float = 10.0) -> Snapshot:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        snapshot = narrator.snapshot()
        if predicate(snapshot):
            return snapshot
        time.sleep(0.005)
    raise AssertionError(f"timed out; last {narrator.snapshot()}")


@pytest.fixture
def narrator():
    made: list[Narrator] = []

    def make(engine=None, **kwargs):
        narrator, changes = _narrator(engine, **kwargs)
        made.append(narrator)
        return narrator, changes

    yield make
    for narrator in made:
        started = time.monotonic()
        narrator.close()
        assert time.monotonic() - started < 2


def test_reads_every_sentence_in_order_with_words_moving(narrator) -> None:
    reader, changes = narrator()
    reader.play()
    assert reader.state is State.STARTING
    heard: list[int] = []
    words: list[tuple[int, tuple[int, int]]] = []
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        snapshot = reader.snapshot()
        if snapshot.finished:
            break
        if snapshot.index is not None and (not heard or heard[-1] != snapshot.index):
            heard.append(snapshot.index)
        if snapshot.word and (not words or words[-1] != (snapshot.index, snapshot.word)):
            words.append((snapshot.index, snapshot.word))
        time.sleep(0.005)
    assert heard == list(range(len(reader.script)))
    assert changes == [State.PLAYING, State.STOPPED]
    assert reader.snapshot().index is None and reader.snapshot().finished == 1
    # within each sentence the highlighted word only moves forward, and it is a real word of the block
    for (index_a, span_a), (index_b, span_b) in itertools.pairwise(words):
        assert index_b > index_a or span_b[0] > span_a[0]
    first = reader.script[words[0][0]]
    text = next(b.text for b in BLOCKS if b.anchor == first.anchor)
    assert text[words[0][1][0]:words[0][1][1]].isalpha()


def test_pause_holds_the_sentence_and_resume_goes_on(narrator) -> None:
    reader, _ = narrator()
    reader.play(1)
    _wait(reader, lambda s: s.state is State.PLAYING and s.index == 1)
    reader.pause()
    time.sleep(0.25)
    paused = reader.snapshot()
    time.sleep(0.4)
    assert reader.snapshot().state is State.PAUSED and reader.snapshot().index == paused.index
    assert reader.snapshot().word == paused.word
    reader.toggle()
    assert reader.state in (State.PLAYING, State.STARTING)
    _wait(reader, lambda s: s.index is not None and s.index > paused.index)
    _wait(reader, lambda s: s.finished == 1)


def test_skips_by_sentence_and_paragraph(narrator) -> None:
    reader, _ = narrator()
    script = reader.script
    reader.play(0)
    _wait(reader, lambda s: s.index == 0 and s.state is State.PLAYING)
    reader.skip(1)
    _wait(reader, lambda s: s.index == 1)
    reader.skip_block(1)  # from the first sentence of p1 to the first of p2
    _wait(reader, lambda s: s.index == script.index_at("p2"))
    reader.skip(1)
    _wait(reader, lambda s: s.index == script.index_at("p2") + 1)
    reader.skip_block(-1)  # inside p2: back to its start
    _wait(reader, lambda s: s.index == script.index_at("p2"))
    reader.skip_block(-1)  # at its start: the paragraph before
    _wait(reader, lambda s: s.index == script.index_at("p1"))
    reader.skip(-10)
    _wait(reader, lambda s: s.index == 0)


def test_skipping_while_paused_moves_and_stays_paused(narrator) -> None:
    reader, _ = narrator()
    reader.play(0)
    _wait(reader, lambda s: s.state is State.PLAYING)
    reader.pause()
    reader.skip(2)
    snapshot = _wait(reader, lambda s: s.index == 2)
    assert snapshot.state is State.PAUSED
    time.sleep(0.3)
    assert reader.snapshot().index == 2 and reader.snapshot().state is State.PAUSED


def test_stop_start_pause_cycles_never_hang(narrator) -> None:
    reader, _ = narrator(FakeEngine(delay=0.01))
    started = time.monotonic()
    for n in range(25):
        reader.play(n % len(reader.script))
        time.sleep(0.01 * (n % 4))
        if n % 3 == 0:
            reader.pause()
        if n % 5 == 0:
            reader.toggle()
        reader.stop()
        assert reader.snapshot().state is State.STOPPED
    assert time.monotonic() - started < 5
    reader.play(len(reader.script) - 1)
    _wait(reader, lambda s: s.finished == 1)


def test_stopped_means_silent(narrator) -> None:
    reader, _ = narrator()
    reader.play(0)
    _wait(reader, lambda s: s.state is State.PLAYING)
    reader.stop()
    player = reader.player
    assert player is not None
    deadline = time.monotonic() + 1
    while time.monotonic() < deadline and not player.drained():
        time.sleep(0.01)
    assert player.drained() and player.pending() == 0
    assert reader.snapshot().index is None


def test_a_synthesis_error_reaches_the_listener(narrator) -> None:
    reader, changes = narrator(FakeEngine(fail_on="Seven"))
    reader.play(0)
    snapshot = _wait(reader, lambda s: s.error is not None)
    assert "refuses" in snapshot.error and snapshot.state is State.STOPPED and snapshot.errors == 1
    assert changes[-1] is State.STOPPED


def test_no_sound_device_is_reported_not_swallowed() -> None:
    changes: list[str] = []
    reader = Narrator(FakeEngine(), player_factory=lambda rate: Player(rate, backend="nonsense"),
                      on_change=lambda: changes.append("changed"))
    reader.load(_script())
    reader.play()
    snapshot = _wait(reader, lambda s: s.error is not None)
    assert "No sound output" in snapshot.error and changes
    reader.close()


def test_a_new_rate_restarts_the_sentence_at_that_rate(narrator) -> None:
    engine = FakeEngine()
    reader, _ = narrator(engine)
    reader.play(1)
    _wait(reader, lambda s: s.state is State.PLAYING and s.index == 1)
    reader.configure(rate=200)
    _wait(reader, lambda s: s.index == 1 and s.state is State.PLAYING)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and not any(call[2] == 200 for call in engine.calls):
        time.sleep(0.01)
    assert (reader.script[1].text, "", 200, 100) in engine.calls


def test_synthesis_runs_off_the_calling_thread(narrator) -> None:
    """A slow voice must never block the caller (the window)."""
    reader, _ = narrator(FakeEngine(delay=0.5))
    started = time.monotonic()
    reader.play(0)
    reader.skip(1)
    reader.pause()
    reader.stop()
    assert time.monotonic() - started < 0.05
    assert threading.current_thread() is threading.main_thread()


@pytest.mark.skipif(not espeak_available(), reason="libespeak-ng is not installed")
def test_real_voice_reads_a_section_with_pauses_and_stops(guide) -> None:
    reader = Narrator(EspeakEngine(), rate=450, player_factory=_null_player)
    script = prepare_section(guide.get("evoc"), guide)
    reader.load(script)
    reader.play(len(script) - 2)
    first = _wait(reader, lambda s: s.state is State.PLAYING and s.word is not None)
    assert first.index == len(script) - 2
    reader.pause()
    time.sleep(0.2)
    held = reader.snapshot()
    time.sleep(0.3)
    assert reader.snapshot().word == held.word
    reader.resume()
    _wait(reader, lambda s: s.finished == 1, timeout=30)
    for _ in range(5):
        reader.play(0)
        _wait(reader, lambda s: s.state is State.PLAYING)
        reader.stop()
    started = time.monotonic()
    reader.close()
    assert time.monotonic() - started < 2
