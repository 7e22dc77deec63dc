"""What GNOME Orca really says: the reader and Orca on a private desktop, driven by the keyboard.

One Orca session is shared by this module's tests (it takes about ten seconds to start); each test
first puts the window in a known place with the keyboard. Skipped, saying which package is missing,
where Orca cannot run (see ``scripts/setup.sh --tests``).
"""

from __future__ import annotations

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
    """Close whatever is open and put the keyboard in the text of the first section."""
    orca.press("Escape", "Escape", wait=0.5, quiet=0.3)
    orca.press("ctrl+shift+c", "Home", "Return", wait=1.0, quiet=0.5)
    orca.press("F6", wait=1.0, quiet=0.5)


def test_orca_starts_in_the_window_and_hears_the_contents(orca: OrcaSession) -> None:
    said = _said(orca.greeting)
    assert "Co-production Reader frame" in said
    assert "Contents tree" in said


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


def test_escape_leaves_the_reading_settings_panel(orca: OrcaSession) -> None:
    _home(orca)
    assert "Reading settings" in _said(orca.press("ctrl+shift+r"))
    said = _said(orca.press("Escape"))
    assert "Text of the section" in said, said
