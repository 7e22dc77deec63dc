"""Text-size steps and back/forward history, the rules behind the window's buttons."""

from __future__ import annotations

from reader import zoom
from reader.history import History, Location


def test_text_size_steps_cover_half_to_four_times():
    assert zoom.smaller(zoom.MINIMUM) == 50 and zoom.larger(zoom.MAXIMUM) == 400
    size, seen = zoom.NORMAL, []
    while size < zoom.MAXIMUM:
        size = zoom.larger(size)
        seen.append(size)
    assert seen[-1] == 400 and seen == sorted(seen)
    assert zoom.smaller(zoom.larger(100)) == 100
    assert zoom.pixels(100) >= 16  # comfortable body text
    assert zoom.pixels(400) == 4 * zoom.pixels(100)
    assert zoom.contents_pixels(400) == zoom.pixels(200)


def test_history_back_and_forward_like_a_browser():
    history = History()
    a, b, c = Location("foreword"), Location("introduction", "p2"), Location("evoc")
    history.visit(a)  # leaving a for b
    history.visit(b)  # leaving b for c
    assert history.back(c) == b
    assert history.back(b) == a
    assert history.back(a) is None
    assert history.forward(a) == b
    history.visit(b)  # a new visit clears forward
    assert not history.can_go_forward()


def test_history_forgets_places_in_removed_sections():
    history = History()
    for place in (Location("foreword"), Location("local-notes", "p3"), Location("introduction")):
        history.visit(place)
    history.keep_only({"foreword", "introduction", "evoc"})
    assert history.back(Location("evoc")) == Location("introduction")
    assert history.back(Location("introduction")) == Location("foreword")
    assert not history.can_go_back()
