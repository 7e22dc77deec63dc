"""Adding and removing content from the open window, as a user does it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.packs import create, list_packs
from reader.ui.added_content import ManageDialog
from reader.ui.contents_panel import SECTION_ROLE
from reader.ui.main_window import MainWindow
from tests.packkit import write_pack_folder, zip_entries


@pytest.fixture
def window(make_window):
    return make_window()


def _titles(window: MainWindow) -> dict[str, str]:
    found = {}
    iterator = [window.contents.topLevelItem(i) for i in range(window.contents.topLevelItemCount())]
    while iterator:
        item = iterator.pop(0)
        found[item.data(0, SECTION_ROLE)] = item.text(0)
        iterator += [item.child(i) for i in range(item.childCount())]
    return found


def _choose(window: MainWindow, path: Path) -> None:
    window.added_content.choose_file = lambda: str(path)


def test_a_pack_added_from_the_menu_appears_at_once(window: MainWindow, tmp_path: Path) -> None:
    pack = create(write_pack_folder(tmp_path / "stories"), tmp_path / "stories.zip").path
    _choose(window, pack)
    action = window.actions["add_content"]
    assert action in window.menus["file"].actions() and action.text() == "&Add content…"
    action.trigger()
    titles = _titles(window)
    assert titles["lunch-club"] == "The lunch club (added)" and titles["garden-group"] == "The garden group (added)"
    assert titles["foreword"] == "Foreword"
    assert window.current == "lunch-club"  # the new content is opened
    assert "planned the lunch club together" in window.view.toPlainText()
    assert "Added “stories.zip”: 2 new sections" in window.statusBar().currentMessage()
    assert window.messages.shown == []


def test_a_document_added_from_the_menu_appears_at_once(window: MainWindow, tmp_path: Path) -> None:
    page = tmp_path / "walks.html"
    page.write_text("<h1>Walking group</h1><p>Every Tuesday.</p><script>alert(1)</script>")
    _choose(window, page)
    window.actions["add_content"].trigger()
    assert _titles(window)["walking-group"] == "Walking group (added)"
    assert window.current == "walking-group"
    assert "Every Tuesday." in window.view.toPlainText() and "alert" not in window.view.toPlainText()


def test_a_refused_pack_is_explained_and_changes_nothing(window: MainWindow, tmp_path: Path) -> None:
    before = _titles(window)
    current = window.current
    bad = zip_entries(tmp_path / "bad.zip", [("manifest.yaml", "name: x\n"), ("../evil.md", "x")])
    _choose(window, bad)
    window.actions["add_content"].trigger()
    [(kind, title, text)] = window.messages.shown
    assert (kind, title) == ("error", "Content not added")
    assert "“bad.zip” was not added, and nothing in the reader was changed." in text
    assert "'../evil.md' points outside the pack's folder" in text
    assert _titles(window) == before and window.current == current


def test_cancelling_the_file_dialog_does_nothing(window: MainWindow) -> None:
    window.added_content.choose_file = lambda: ""
    before = _titles(window)
    window.actions["add_content"].trigger()
    assert _titles(window) == before and window.messages.shown == []


def test_replacing_asks_first(window: MainWindow, tmp_path: Path) -> None:
    pack = create(write_pack_folder(tmp_path / "stories"), tmp_path / "stories.zip").path
    window.added_content.add_path(pack)
    spoken = window.speech.section_script("lunch-club")  # read aloud once, before the pack is replaced
    assert "planned the lunch club" in " ".join(u.text for u in spoken)
    newer = write_pack_folder(tmp_path / "v2", sections=[("lunch-club", "The Friday lunch club", "Fridays.\n")])
    newer_zip = create(newer, tmp_path / "v2.zip").path
    window.messages.confirm_answer = False
    assert not window.added_content.add_path(newer_zip)
    assert window.messages.shown[-1][:2] == ("confirm", "Replace added content?")
    assert _titles(window)["lunch-club"] == "The lunch club (added)"
    window.messages.confirm_answer = True
    assert window.added_content.add_path(newer_zip)
    assert _titles(window)["lunch-club"] == "The Friday lunch club (added)" and "garden-group" not in _titles(window)
    assert "Fridays." in window.view.toPlainText()
    spoken = " ".join(u.text for u in window.speech.section_script("lunch-club"))
    assert "Fridays." in spoken and "planned the lunch club" not in spoken  # the new text is read, not the old


def test_removing_from_the_manage_dialog(window: MainWindow, qtbot, tmp_path: Path) -> None:
    pack = create(write_pack_folder(tmp_path / "stories"), tmp_path / "stories.zip").path
    window.open_section("introduction")
    window.added_content.add_path(pack)
    assert window.current == "lunch-club"
    window.open_section("words")
    window.open_section("lunch-club")
    dialog = ManageDialog(window.added_content, window)
    qtbot.addWidget(dialog)
    assert dialog.packs.count() == 1
    assert dialog.packs.item(0).text() == "Local stories (2 sections; name: local-stories)"
    assert dialog.selected_name() == "local-stories" and dialog.remove_button.isEnabled()
    assert dialog.packs.accessibleName() and dialog.remove_button.accessibleDescription()

    window.messages.confirm_answer = False
    dialog.remove_button.click()
    assert list_packs() != []
    window.messages.confirm_answer = True
    dialog.remove_button.click()
    assert list_packs() == []
    assert "lunch-club" not in _titles(window)
    assert window.current == window.guide.first().id  # the open section went: back to the start
    visited = []
    while window.history.can_go_back():  # Back never leads to the removed section
        window.go_back()
        visited.append(window.current)
    assert "words" in visited and "introduction" in visited and "lunch-club" not in visited
    assert not [m for m in window.messages.shown if m[0] == "warning"]
    assert dialog.packs.item(0).text() == "No content has been added yet."
    assert not dialog.remove_button.isEnabled()


def test_features_hear_once_of_added_and_removed_sections(window: MainWindow, tmp_path: Path) -> None:
    heard: list[tuple[list[str], list[str], bool]] = []
    window.context.sectionsChanged.connect(
        lambda change: heard.append(([s.id for s in change.added], list(change.removed), change.outside)))
    pack = create(write_pack_folder(tmp_path / "stories"), tmp_path / "stories.zip").path
    window.added_content.add_path(pack)
    assert "lunch-club" in window.guide  # the window shows the new sections before anyone is told
    window.added_content.remove_pack("local-stories")
    assert heard == [(["lunch-club", "garden-group"], [], False), ([], ["lunch-club", "garden-group"], False)]


def test_added_content_is_searchable_at_once_without_a_full_rebuild(window: MainWindow, qtbot, tmp_path: Path,
                                                                    monkeypatch) -> None:
    from reader.search.index import SearchIndex
    from reader.ui.search_panel import HIT_ROLE

    builds: list[int] = []
    original = SearchIndex._build
    monkeypatch.setattr(SearchIndex, "_build", lambda self, *args: builds.append(1) or original(self, *args))
    dock = window.search
    dock.show_and_focus()
    qtbot.waitUntil(lambda: dock.ready, timeout=30_000)
    before = len(builds)  # the first open builds the guide's index in this fresh test folder

    folder = write_pack_folder(tmp_path / "allot", name="allotments", title="Allotments",
                               sections=[("allotment-society", "The allotment society",
                                          "Neighbours share the polytunnel and the harvest.\n")])
    window.added_content.add_path(create(folder, tmp_path / "allot.zip").path)
    panel = dock.panel
    assert panel.kind.findData("examples") >= 0 and panel.tag.findData("local") >= 0  # the pack's tag
    qtbot.keyClicks(panel.box, "polytunnel")
    panel.flush()
    qtbot.waitUntil(lambda: panel.results.count() == 1, timeout=15_000)
    found = panel.results.item(0).data(HIT_ROLE)
    assert (found.section, found.title) == ("allotment-society", "The allotment society")
    assert len(builds) == before  # the passages were added to the index, not the index rebuilt

    window.added_content.remove_pack("allotments")  # searches again for what is typed
    qtbot.waitUntil(lambda: panel.results.count() == 0 and "No" in panel.status.text(), timeout=15_000)
    assert len(builds) == before


def test_content_added_from_the_command_line_appears_in_the_open_window(window: MainWindow, qtbot, tmp_path: Path,
                                                                       user_home: Path) -> None:
    from tests.clirun import run_cli

    dock = window.search
    dock.show_and_focus()
    qtbot.waitUntil(lambda: dock.ready, timeout=30_000)
    folder = write_pack_folder(tmp_path / "allot", name="allotments", title="Allotments",
                               sections=[("allotment-society", "The allotment society",
                                          "Neighbours share the polytunnel and the harvest.\n")])
    added = run_cli("pack", "add", create(folder, tmp_path / "allot.zip").path, home=user_home)
    assert added.returncode == 0, added.stderr
    qtbot.waitUntil(lambda: "allotment-society" in _titles(window), timeout=10_000)
    assert "outside this window" in window.statusBar().currentMessage()
    panel = dock.panel
    qtbot.keyClicks(panel.box, "polytunnel")
    panel.flush()
    qtbot.waitUntil(lambda: panel.results.count() == 1, timeout=15_000)

    removed = run_cli("pack", "remove", "allotments", home=user_home)
    assert removed.returncode == 0, removed.stderr
    qtbot.waitUntil(lambda: "allotment-society" not in _titles(window), timeout=10_000)
