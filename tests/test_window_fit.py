"""Where the window opens: within the screen, maximised on small ones, never left off screen."""

from __future__ import annotations

import pytest

from reader.window_fit import PREFERRED_HEIGHT, PREFERRED_WIDTH, Rect, first_start, restored

LAPTOP = Rect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel task bar
NETBOOK = Rect(0, 0, 1024, 570)
DESKTOP = Rect(0, 0, 1920, 1040)


@pytest.mark.parametrize("screen", [LAPTOP, NETBOOK, Rect(0, 0, 800, 570)], ids=["1366", "1024", "800"])
def test_first_start_on_a_small_screen_is_maximised(screen: Rect) -> None:
    placement = first_start(screen)
    assert placement.maximise and placement.geometry == screen


def test_first_start_on_a_large_screen_is_centred_at_the_preferred_size() -> None:
    placement = first_start(DESKTOP)
    assert not placement.maximise
    assert (placement.geometry.width, placement.geometry.height) == (PREFERRED_WIDTH, PREFERRED_HEIGHT)
    assert DESKTOP.contains(placement.geometry)
    assert placement.geometry.x == (1920 - PREFERRED_WIDTH) // 2


def test_a_saved_place_on_screen_is_kept() -> None:
    assert restored(Rect(100, 50, 900, 600), [LAPTOP], LAPTOP) is None


def test_a_place_on_a_monitor_no_longer_there_comes_back_to_the_screen() -> None:
    placement = restored(Rect(2000, 100, 900, 600), [LAPTOP], LAPTOP)
    assert placement is not None and not placement.maximise
    assert LAPTOP.contains(placement.geometry)
    assert (placement.geometry.width, placement.geometry.height) == (900, 600)


def test_a_window_hanging_off_the_bottom_is_moved_up() -> None:
    placement = restored(Rect(100, 400, 900, 600), [LAPTOP], LAPTOP)  # the status line would be off screen
    assert placement is not None and LAPTOP.contains(placement.geometry)
    assert placement.geometry.bottom == LAPTOP.bottom


def test_a_window_larger_than_the_screen_is_maximised() -> None:
    placement = restored(Rect(0, 0, 1200, 800), [NETBOOK], NETBOOK)  # saved on a larger screen
    assert placement is not None and placement.maximise and placement.geometry == NETBOOK


def test_with_two_screens_the_window_goes_to_the_one_it_overlaps_most() -> None:
    right = Rect(1366, 0, 1920, 1040)
    placement = restored(Rect(3000, 900, 600, 400), [LAPTOP, right], LAPTOP)
    assert placement is not None and right.contains(placement.geometry)
