"""Playback on a silent device that keeps real time: position, pause, resume, clear."""

from __future__ import annotations

import time

import pytest

from reader.speech.audio import silence
from reader.speech.fake import _tone
from reader.speech.player import AudioUnavailable, Clip, Player

RATE = 22050


@pytest.fixture
def player():
    player = Player(RATE, backend="null")
    player.open()
    yield player
    player.close()


def _wait(predicate, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.005)
    return False


def test_clips_play_in_order_at_real_speed(player: Player) -> None:
    player.enqueue(Clip("a", _tone(RATE * 3 // 10)))
    player.enqueue(Clip("b", _tone(RATE * 3 // 10)))
    started = time.monotonic()
    assert _wait(lambda: (player.position() or ("", 0))[0] == "a")
    assert _wait(lambda: (player.position() or ("", 0))[0] == "b")
    assert _wait(player.drained)
    elapsed = time.monotonic() - started
    assert 0.55 < elapsed < 1.2  # 0.6 s of audio plus the device's buffer


def test_pause_holds_the_position_and_resume_carries_on(player: Player) -> None:
    player.enqueue(Clip("a", _tone(RATE)))  # one second
    assert _wait(lambda: (player.position() or ("", 0))[1] > 200)
    player.pause()
    time.sleep(0.2)  # what was in the device buffer plays out
    held = player.position()
    time.sleep(0.3)
    assert player.position() == held
    assert held is not None and 200 < held[1] < 600
    player.resume()
    assert _wait(lambda: (player.position() or ("", 0))[1] > held[1] + 100)
    assert _wait(player.drained, timeout=3)


def test_clear_drops_what_was_queued(player: Player) -> None:
    player.enqueue(Clip("a", _tone(RATE * 2)))
    player.enqueue(Clip("b", _tone(RATE * 2)))
    assert _wait(lambda: player.position() is not None)
    player.clear()
    player.enqueue(Clip("c", silence(200, RATE)))
    assert _wait(lambda: (player.position() or ("", 0))[0] == "c", timeout=1)
    assert _wait(player.drained, timeout=2)


def test_position_tracks_the_clock(player: Player) -> None:
    player.enqueue(Clip("a", _tone(RATE * 2)))
    assert _wait(lambda: player.position() is not None)
    first = player.position()
    time.sleep(0.5)
    second = player.position()
    assert first is not None and second is not None
    assert 400 < second[1] - first[1] < 650


def test_an_unknown_sound_system_is_reported() -> None:
    with pytest.raises(AudioUnavailable, match="No sound output"):
        Player(RATE, backend="nonsense").open()


def test_no_sound_message_is_plain_words_with_the_cause_kept_aside() -> None:
    with pytest.raises(AudioUnavailable) as caught:
        Player(RATE, backend="nonsense").open()
    message = str(caught.value)
    assert message.endswith("You can still save sections as audio files.")
    assert "(" not in message and "nonsense" not in message  # no codes, no engine words
    assert "nonsense" in caught.value.detail
