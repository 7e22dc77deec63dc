"""What GNOME Orca really says: the reader and Orca on a private desktop, driven by the keyboard.

One Orca session is shared by this module's tests (it takes about ten seconds to start); each test
first puts the window in a known place with the keyboard. Skipped, saying which package is missing,
where Orca cannot run (see ``scripts/setup.sh --tests``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.orca_session import OrcaSession, missing

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.orca]


@pytest.fixture(scope="module")
def orca(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OrcaSession]:
    reason = missing()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("orca")
    home = folder / "reader-home"
    home.mkdir()
    env = {"COPRODUCTION_READER_HOME": str(home), "COPRODUCTION_READER_INDEX": str(home / "index"),
           "PYTHONPATH": str(ROOT / "tests" / "netguard_site"), "NETGUARD_LOG": str(folder / "network.log")}
    with OrcaSession(folder / "session", [sys.executable, "-m", "reader"], env, ROOT) as session:
        yield session
        assert not (folder / "network.log").exists(), "the reader tried to use the network"


@pytest.fixture(scope="module")
def titles() -> list[str]:
    from reader.library import open_guide

    return [section.title for section in open_guide(ROOT / "content")]


def _said(utterances: list[str]) -> str:
    return " | ".join(utterances)


def _home(orca: OrcaSession) -> None:
    """Close whatever is open and put the keyboard in the text of the first section (Enter on a
    section in the contents opens it and moves to its text)."""
    orca.press("Escape", "Escape", wait=0.5, quiet=0.3)
    orca.press("ctrl+shift+c", "Home", "Return", wait=1.0, quiet=0.5)


def test_orca_starts_in_the_window_and_hears_the_contents(orca: OrcaSession) -> None:
    said = _said(orca.greeting)
    assert "Co-production Reader frame" in said
    assert "Contents tree" in said


def test_the_first_search_after_start_is_said(orca: OrcaSession) -> None:
    """Kept second: only the first Ctrl+F of a session was silent."""
    said = _said(orca.press("ctrl+f"))
    orca.press("Escape", wait=1.0)
    assert "Search the guide" in said, said
    assert said.count("Results appear below as you type") == 1, f"the box's description once: {said}"


def test_enter_in_the_contents_says_the_section_once_and_moves_to_its_text(
        orca: OrcaSession, titles: list[str]) -> None:
    _home(orca)
    orca.press("ctrl+shift+c", wait=1.0)
    orca.press("Down", wait=1.0)
    said = _said(orca.press("Return"))
    place = f"{titles[1]}: section 2 of {len(titles)}"
    assert said.count(place) == 1, said
    assert "Text of the section" in _said(orca.press("KP_Enter")), "the focus is in the text"


def test_left_and_right_in_the_contents_move_between_an_example_and_its_section(
        orca: OrcaSession, titles: list[str]) -> None:
    _home(orca)
    orca.press("ctrl+shift+c", wait=1.0)
    orca.press("Down", "Down", "Down", wait=1.0, quiet=0.5)  # the first example, under its overview
    said = _said(orca.press("Left"))
    assert titles[2] in said and titles[3] not in said, said
    assert titles[3] in _said(orca.press("Right"))


def test_section_changes_made_elsewhere_are_said_and_named_in_the_title(
        orca: OrcaSession, titles: list[str]) -> None:
    _home(orca)
    assert f"{titles[1]}: section 2 of" in _said(orca.press("ctrl+Next"))
    assert orca.window_title() == f"{titles[1]} — Co-production Reader"
    assert f"{titles[1]} — Co-production Reader" in _said(orca.orca_key("KP_Enter"))
    assert f"{titles[0]}: section 1 of" in _said(orca.press("alt+Left"))


def test_search_results_say_the_section_and_the_match_and_f3_the_next(orca: OrcaSession) -> None:
    _home(orca)
    orca.press("ctrl+f", wait=1.0)
    orca.type_text("co-production", quiet=2.0)
    orca.press("Return", wait=2.0)
    said = _said(orca.press("F3"))
    assert re.search(r"Match \d+ of \d+: co-production", said, re.IGNORECASE), said
    orca.press("ctrl+f", wait=1.0)
    orca.type_text("Young Scot", quiet=1.5)
    orca.press("Down", wait=1.0)
    said = _said(orca.press("Return"))
    assert re.search(r": section \d+ of \d+\. Match 1 of \d+: Young Scot", said), said


def test_ctrl_f_back_to_a_search_says_the_number_found_once(orca: OrcaSession) -> None:
    """Orca reads a panel's free-standing labels as the focus comes into it, then the box with its
    description: the number found was said by both."""
    _home(orca)
    orca.press("ctrl+f", wait=1.0)
    orca.type_text("Young Scot", quiet=1.5)
    orca.press("Return", wait=2.0)  # the first result opens; the keyboard is in the text
    said = _said(orca.press("ctrl+f"))
    orca.press("Escape", wait=1.0)
    assert "Young Scot selected" in said and said.count("passages found") == 1, said


def test_read_aloud_says_start_pause_carry_on_and_stop(orca: OrcaSession) -> None:
    _home(orca)
    assert "Reading aloud" in _said(orca.press("F8"))
    assert "Paused" in _said(orca.press("F8"))
    assert "Carrying on reading" in _said(orca.press("F8"))
    assert "words a minute" in _said(orca.press("ctrl+F9"))
    assert "Paused" in _said(orca.press("Down")), "a screen reader's own key pauses the voice"
    orca.press("F8", wait=1.0)
    assert "Stopped reading" in _said(orca.press("shift+F8"))


def test_text_size_changes_are_said(orca: OrcaSession) -> None:
    _home(orca)
    assert "Text size 110%" in _said(orca.press("ctrl+plus"))
    assert "Text size 100%" in _said(orca.press("ctrl+0"))


def test_a_new_text_size_is_said_without_choosing_the_match_again(orca: OrcaSession) -> None:
    """The page laid out again chose the match the reader had moved on from, and Orca read it out.
    (Orca may first read the line the caret is on, laid out anew: the caret stays where it was.)"""
    _home(orca)
    orca.press("ctrl+f", wait=1.0)
    orca.type_text("co-production", quiet=2.0)
    orca.press("Return", wait=2.0)  # a match selected in the text
    orca.press("Down", wait=2.0)  # on to the next line: nothing selected
    said = orca.press("ctrl+plus")
    orca.press("ctrl+0", wait=1.0)
    assert said[-1:] == ["Text size 110%."] and "selected" not in _said(said), said


def test_the_key_list_in_the_help_is_read_a_line_at_a_time(orca: OrcaSession) -> None:
    _home(orca)
    orca.press("F1", wait=2.0)
    # Each line is one command with its keys, said whole (a table was read a column at a time, or
    # with its two cells run together).
    said = _said(orca.press("ctrl+End", "Up"))
    assert "paragraph in the text: Ctrl+" in said, said
    said = _said(orca.press("Up"))
    assert re.search(r"(Previous heading in the text: Shift\+H|Next paragraph in the text: Ctrl\+Down)$", said), said


def test_f10_opens_the_menus(orca: OrcaSession) -> None:
    _home(orca)
    assert "Add content" in _said(orca.press("F10"))
    orca.press("Escape", "Escape", wait=1.0)


def _menu_entries(menu: str) -> dict[str, str]:
    """The entries of one of the menu bar's menus as Orca names them, with their first keys."""
    from reader.action_specs import SPECS, ActionSpec

    return {spec.label: spec.keys[0] if spec.keys and not spec.keys[0].startswith("@") else ""
            for spec in SPECS if isinstance(spec, ActionSpec) and spec.menu == menu}


def test_menu_entries_say_their_keys_and_left_right_say_the_next_menus_entry(orca: OrcaSession) -> None:
    """Orca 43 ignores the key binding Qt gives a menu entry, and said nothing (or the window
    behind) when Right moved to the next menu."""
    _home(orca)
    said = _said(orca.press("F10"))
    orca.press("Right", wait=1.0)  # the Go menu, its first entry that can be used chosen
    said = _said(orca.press("Down"))
    entries = _menu_entries("go")
    entry = next((label for label in entries if label in said), None)
    assert entry is not None, said
    if entries[entry]:
        assert entries[entry] in said, f"the keys of {entry}: {said}"
    said = _said(orca.press("Right"))
    orca.press("Escape", "Escape", "Escape", wait=1.0)
    assert "Contents" not in said and any(label in said for label in _menu_entries("view")), said


def test_escape_leaves_the_bookmarks_panel(orca: OrcaSession) -> None:
    _home(orca)
    orca.press("ctrl+b", wait=2.0)
    assert "Text of the section" in _said(orca.press("Escape"))


def test_the_contents_name_the_open_section_after_a_change_made_elsewhere(
        orca: OrcaSession, titles: list[str]) -> None:
    _home(orca)
    orca.press("ctrl+Next", "ctrl+Next", "ctrl+Next", "ctrl+Next", wait=2.0)  # an example, nested
    said = _said(orca.press("ctrl+shift+c"))
    assert titles[4] in said, said
    assert "not selected" not in said, said
    # Where Am I tells the same item, and Back then F6 land on the right one too.
    assert titles[4] in _said(orca.press("KP_Enter"))
    orca.press("F6", wait=1.0)
    orca.press("alt+Left", wait=2.0)
    said = _said(orca.press("F6"))
    assert titles[3] in said and "not selected" not in said, said


def test_contents_items_are_not_called_expanded_and_examples_say_where_they_belong(
        orca: OrcaSession, titles: list[str]) -> None:
    _home(orca)
    said = _said(orca.press("ctrl+shift+c"))
    assert titles[0] in said and "expanded" not in said, said
    orca.press("Down", wait=2.0)
    said = _said(orca.press("Down"))
    assert titles[2] in said and "expanded" not in said, said
    said = _said(orca.press("Down"))
    assert titles[3] in said and titles[2] in said, f"an example names its overview: {said}"
    assert titles[3] in _said(orca.press("KP_Enter"))


def test_the_text_moves_by_paragraph_and_says_so(orca: OrcaSession) -> None:
    _home(orca)
    # Orca may also read the line the cursor lands on (the same words): compare the last thing said.
    first = orca.press("ctrl+Down")
    second = orca.press("ctrl+Down")
    assert first and second and first[-1] != second[-1], (first, second)
    assert orca.press("ctrl+Up")[-1:] == first[-1:]
    assert "heading" in _said(orca.press("shift+h")).lower()


def test_say_all_raises_no_qt_errors(orca: OrcaSession) -> None:
    _home(orca)
    orca.press("KP_Add", wait=3.0, quiet=1.5)
    orca.press("Control_L", wait=0.5)
    log = orca.app_log()
    assert "_q_ensureVisible" not in log and "scrollToSubstring failed" not in log, log[-1500:]


def test_tab_to_a_link_in_the_text_says_link(orca: OrcaSession) -> None:
    _home(orca)
    orca.press("ctrl+Next", "ctrl+Next", wait=2.0)  # the examples' overview links to each example
    said = _said(orca.press("Tab"))
    assert said == "North Lanarkshire, link", said


def test_bookmarks_list_says_its_current_item_when_entered(orca: OrcaSession, titles: list[str]) -> None:
    _home(orca)
    orca.press("ctrl+d", wait=2.0)
    orca.press("Return", wait=2.0)
    said = _said(orca.press("ctrl+b"))
    assert "List with" in said and said.rsplit("List with", 1)[1].count(titles[0]) >= 1, said
    orca.press("Escape", wait=1.0)


def test_announcements_are_said_while_a_list_item_has_the_focus(orca: OrcaSession, titles: list[str]) -> None:
    """Orca follows the focused item of a list, not the list: what the reader says must reach the item."""
    _home(orca)
    orca.press("ctrl+shift+c", wait=1.0)
    said = _said(orca.press("ctrl+Next"))
    assert f"{titles[1]}: section 2 of {len(titles)}" in said, f"contents: {said}"
    assert "Text size 110%" in _said(orca.press("ctrl+plus")), "contents, the same item"
    # Coming back to an item later says the item, not an old announcement.
    orca.press("Down", wait=1.0)
    said = _said(orca.press("Up"))
    assert titles[1] in said and "section 2 of" not in said and "Text size" not in said, said
    orca.press("ctrl+0", wait=1.0)
    orca.press("ctrl+f", wait=1.0)
    orca.type_text("co-production", quiet=2.0)
    orca.press("Down", wait=1.0)
    assert "Text size 110%" in _said(orca.press("ctrl+plus")), "search results"
    orca.press("ctrl+0", wait=1.0)
    orca.press("Escape", "Escape", wait=1.0)
    orca.press("ctrl+d", wait=2.0)
    orca.press("Return", wait=2.0)
    orca.press("ctrl+b", wait=2.0)
    said = _said(orca.press("ctrl+plus"))
    orca.press("ctrl+0", "Escape", wait=1.0)
    assert "Text size 110%" in said, f"bookmarks: {said}"


def test_escape_leaves_the_reading_settings_panel(orca: OrcaSession) -> None:
    _home(orca)
    assert "Reading settings" in _said(orca.press("ctrl+shift+r"))
    said = _said(orca.press("Escape"))
    assert "Text of the section" in said, said


def test_a_selected_name_is_said_whole(orca: OrcaSession) -> None:
    """A line edit's chosen text lost its last character ("young sco"): the name box is a one-line
    plain-text box, which Qt describes to Orca properly."""
    _home(orca)
    said = orca.press("ctrl+d", wait=3.0)
    orca.press("Escape", wait=1.0)
    field = [utterance for utterance in said if utterance.endswith(" selected.")]
    assert field and said[0] and field[-1] == f"{said[0]} selected.", said


def test_a_selected_search_is_said_whole(orca: OrcaSession) -> None:
    """The search box said a chosen search without its last character ("young sco selected")."""
    _home(orca)
    orca.press("ctrl+f", wait=1.0)
    orca.type_text("young scot", quiet=1.5)
    orca.press("Escape", wait=1.0)  # the panel closes; Ctrl+F opens it with the search chosen
    said = orca.press("ctrl+f", wait=3.0)
    orca.press("Escape", wait=1.0)
    assert "young scot selected." in said, said
