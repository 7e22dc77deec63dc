"""The rule that shares the window's width between the side panes and the page (no Qt)."""

from __future__ import annotations

from reader import pane_room
from reader.pane_room import Pane, PaneRoom

CONTENTS = Pane(wants=300, least=180)
SEARCH = Pane(wants=360, least=300)


def test_a_wide_window_gives_every_pane_what_it_wants() -> None:
    assert pane_room.share(1366, 500, CONTENTS, SEARCH) == PaneRoom(300, 360)


def test_the_open_panel_comes_first_and_the_contents_collapse_when_short() -> None:
    assert pane_room.share(1024, 500, CONTENTS, SEARCH) == PaneRoom(0, 360)
    room = pane_room.share(1100, 500, CONTENTS, SEARCH)
    assert room == PaneRoom(240, 360), "the contents take what is left, above their minimum"


def test_the_page_never_gets_less_than_it_needs_while_panes_sit_beside_it() -> None:
    for window in range(600, 1600, 37):
        room = pane_room.share(window, 520, CONTENTS, SEARCH)
        if not room.page_covered:
            assert window - room.contents - room.panel >= 520, window


def test_with_no_room_beside_the_page_the_panel_covers_it() -> None:
    room = pane_room.share(800, 600, CONTENTS, SEARCH)
    assert room == PaneRoom(0, 360, page_covered=True)
    assert pane_room.share(250, 600, None, SEARCH).panel == 250, "never wider than the window"


def test_the_contents_collapse_unless_the_reader_asked_for_them() -> None:
    assert pane_room.share(700, 600, CONTENTS, None) == PaneRoom(0, 0)
    assert pane_room.share(700, 600, CONTENTS, None, contents_asked=True) == PaneRoom(300, 0, page_covered=True)


def test_text_too_large_for_the_window_gives_the_page_everything() -> None:
    page = pane_room.column_pixels(36.0, 160)  # 45 characters of 400 % text
    assert page > 1024
    assert pane_room.share(1024, page, CONTENTS, None) == PaneRoom(0, 0)


def test_column_pixels_counts_characters_and_margins() -> None:
    assert pane_room.column_pixels(10.0, 40) == 490
    assert pane_room.column_pixels(10.0, 0, characters=60) == 600


def test_the_widest_words_of_thousands_of_titles_are_a_few() -> None:
    titles = [f"Pack {pack}, section {number}" for pack in range(100) for number in range(100)]
    titles.insert(5000, "Working in North Lanarkshire")
    words = pane_room.widest_words(titles, keep=8)
    assert len(words) == 8 and words[0] == "Lanarkshire"


def test_a_word_of_fewer_but_wider_letters_is_still_measured() -> None:
    titles = [f"ordinary{letter}" for letter in "abcdeghknopqsuvxyz"] + ["MWMWMWM"]
    assert "MWMWMWM" in pane_room.widest_words(titles, keep=4)  # 7 wide letters against 9 ordinary ones


def test_few_words_are_all_kept() -> None:
    assert sorted(pane_room.widest_words(["North Lanarkshire", "Foreword"])) == ["Foreword", "Lanarkshire", "North"]
