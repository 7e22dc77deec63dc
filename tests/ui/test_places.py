"""Bookmarks and recently read in the window, large-print PDF export, and what a screen reader is told."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from reader.ui import look
from reader.ui.main_window import MainWindow


class Answers:
    """Stands in for the dialogs: gives the answers a user would type or choose."""

    def __init__(self) -> None:
        self.labels: list[str | None] = []
        self.asked: list[tuple[str, str]] = []
        self.pdf_path: Path | None = None

    def text(self, title: str, label: str, value: str) -> str | None:
        self.asked.append((title, value))
        return self.labels.pop(0) if self.labels else value

    def save_path(self, title: str, suggested: Path) -> Path | None:
        self.suggested = suggested
        return self.pdf_path

    def printer(self, printer) -> bool:
        return False


@pytest.fixture(autouse=True)
def light_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(look, "system_theme", lambda app=None: "light")


@pytest.fixture
def open_window(make_window):
    def make() -> MainWindow:
        window = make_window(1280, 720)
        window.comfort.prompts = Answers()
        return window
    return make


def test_add_a_bookmark_at_the_paragraph_being_read_and_jump_back(open_window, qtbot) -> None:
    window = open_window()
    window.open_section("introduction")
    window.view.setFocus()
    window.view.go_to_anchor("p3")
    window.comfort.prompts.labels = ["  The Four Co's  "]
    window.comfort.actions["add_bookmark"].trigger()
    title, offered = window.comfort.prompts.asked[0]
    assert title == "Add bookmark" and offered.startswith("Introduction: ")
    marks = window.comfort.places.bookmarks
    assert [(m.section_id, m.anchor, m.label) for m in marks] == [("introduction", "p3", "The Four Co's")]
    panel = window.comfort.bookmarks_panel
    assert panel.list.count() == 1 and panel.list.item(0).text().startswith("The Four Co's")

    window.open_section("foreword")
    window.comfort.actions["show_bookmarks"].trigger()
    assert window.comfort.bookmarks_dock.isVisible() and panel.list.hasFocus()
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.current == "introduction"
    assert window.view.cursor_anchor() == "p3"
    assert window.view.hasFocus(), "after the jump the reader is in the text"


def test_the_same_place_twice_renames_instead_of_doubling(open_window) -> None:
    window = open_window()
    window.view.go_to_anchor("p1")
    window.comfort.prompts.labels = ["First", "Second name"]
    window.comfort.add_bookmark()
    window.comfort.add_bookmark()
    assert [m.label for m in window.comfort.places.bookmarks] == ["Second name"]


def test_rename_and_remove_from_the_panel_by_keyboard(open_window, qtbot) -> None:
    window = open_window()
    places = window.comfort.places
    places.add("foreword", "p1", "One")
    places.add("introduction", "p2", "Two")
    window.comfort._show_places()
    panel = window.comfort.bookmarks_panel
    window.comfort.toggle_bookmarks_panel()
    panel.list.setCurrentRow(0)
    window.comfort.prompts.labels = ["One, renamed"]
    qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    assert places.bookmarks[0].label == "One, renamed"
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert [m.label for m in places.bookmarks] == ["Two"]
    assert panel.list.count() == 1
    assert window.statusBar().currentMessage() == "Bookmark removed: One, renamed"


def test_bookmarks_and_recently_read_survive_a_restart(open_window, qtbot) -> None:
    window = open_window()
    window.open_section("introduction")
    window.view.go_to_anchor("p2")
    window.comfort.prompts.labels = ["Kept"]
    window.comfort.add_bookmark()
    window.open_section("examples")
    window.open_section("evoc")
    window.close()

    again = open_window()
    assert [m.label for m in again.comfort.places.bookmarks] == ["Kept"]
    recent = [v.section_id for v in again.comfort.places.recent]
    assert recent[:3] == ["evoc", "examples", "introduction"]
    again.comfort._fill_bookmarks_menu()
    menu = again.findChild(type(again.menus["view"]), "menu_recent")
    titles = [a.text() for a in menu.actions()]
    assert "EVOC" in titles[0] or titles, "recently read sections are offered in the menu"
    bookmark_entries = [a for a in again.comfort.bookmarks_menu.actions() if a.text() == "Kept"]
    bookmark_entries[0].trigger()
    assert again.current == "introduction" and again.view.cursor_anchor() == "p2"


def test_a_damaged_bookmarks_file_is_reported_not_lost(open_window, user_home: Path) -> None:
    path = user_home / "data" / "bookmarks.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ half a file")
    window = open_window()
    problems = window.comfort.startup_problems()
    assert problems and "could not be read" in problems[0]
    assert list(path.parent.glob("bookmarks.json.corrupt-*"))


def test_a_folder_in_place_of_the_bookmarks_never_stops_the_window(open_window, user_home: Path, qtbot) -> None:
    path = user_home / "data" / "bookmarks.json"
    (path / "inside").mkdir(parents=True)
    window = open_window()
    problems = window.comfort.startup_problems()
    assert problems and "folder" in problems[0]
    window.open_section("introduction")  # each section shown is recorded as recently read: never an error
    window.open_section("foreword")
    assert window.current == "foreword" and (path / "inside").is_dir()


def _pdftotext() -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext is not installed (Debian package poppler-utils)")
    return tool


def test_large_print_pdf_has_the_text_big_and_extractable(open_window, tmp_path: Path) -> None:
    tool = _pdftotext()
    window = open_window()
    window.comfort.choose("theme", "high-contrast")  # the paper is dark on white all the same
    window.comfort.choose("font_family", "atkinson")
    window.open_section("foreword")
    window.comfort.prompts.pdf_path = tmp_path / "out" / "foreword"
    written = window.comfort.export_pdf()
    assert written == tmp_path / "out" / "foreword.pdf" and written.read_bytes().startswith(b"%PDF")
    assert window.comfort.prompts.suggested.name == "foreword (large print).pdf"
    text = subprocess.run([tool, str(written), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Foreword" in flat
    assert "Sharing our strengths, stretching our vision" in flat
    assert "This was the theme of the 3rd National" in flat
    # Large print: a line of body text is at least 18 point high on the page.
    boxes = subprocess.run([tool, "-bbox", "-f", "1", "-l", "1", str(written), "-"], capture_output=True,
                           text=True, check=True).stdout
    import re

    heights = [float(b) - float(a) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">This<',
                                                           boxes)]
    assert heights and min(heights) >= 18
    fonts = subprocess.run(["pdffonts", str(written)], capture_output=True, text=True).stdout
    assert "AtkinsonHyperlegible" in fonts


def test_a_pdf_that_cannot_be_written_says_so_and_leaves_nothing(open_window, tmp_path: Path) -> None:
    window = open_window()
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    window.comfort.prompts.pdf_path = blocked / "foreword.pdf"
    assert window.comfort.export_pdf() is None
    assert window.messages.shown and window.messages.shown[0][:2] == ("warning", "PDF not saved")


def test_screen_reader_sees_names_roles_and_the_page_text(open_window) -> None:
    window = open_window()
    window.comfort.toggle_settings_panel()
    window.comfort.toggle_bookmarks_panel()
    view = QAccessible.queryAccessibleInterface(window.view)
    assert view.text(QAccessible.Text.Name) == "Text of the section"
    text = view.textInterface()
    assert text is not None and "Foreword" in text.text(0, text.characterCount())
    assert "Sharing our strengths" in text.text(0, text.characterCount())
    for widget, role in ((window.comfort.bookmarks_panel.list, QAccessible.Role.List),
                         (window.comfort.bookmarks_panel.recent, QAccessible.Role.List),
                         (window.comfort.bookmarks_panel.add_button, QAccessible.Role.Button),
                         (window.comfort.settings_form.controls["theme"], QAccessible.Role.ComboBox),
                         (window.comfort.settings_form.controls["reading_ruler"], QAccessible.Role.CheckBox)):
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface.role() == role and interface.text(QAccessible.Text.Name), widget.objectName()
        assert interface.text(QAccessible.Text.Description), widget.objectName()
    menu_titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menu_titles == ["File", "Go", "View", "Bookmarks", "Listen", "Help"]
    view_menu = [a.text().replace("&", "") for a in window.menus["view"].actions() if a.text()]
    for entry in ("Reading settings panel", "Presets", "Colours", "Reading ruler"):
        assert entry in view_menu
    for action in window.comfort.actions.values():
        assert action.shortcut().toString(), action.objectName()
    for dock in (window.comfort.settings_dock, window.comfort.bookmarks_dock):
        assert dock in window.panes, "F6 reaches the panels"
    assert QApplication.instance() is not None


def test_no_two_commands_share_a_key(open_window) -> None:
    from PySide6.QtGui import QAction

    window = open_window()
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in seen, f"{key} is both {seen[key]} and {action.objectName()}"
            seen[key] = action.objectName()
    assert {"Ctrl+D", "Ctrl+B", "Ctrl+P", "Ctrl+Shift+R", "Ctrl+Shift+L", "Ctrl+Shift+E"} <= set(seen)


def test_the_bookmark_name_box_is_one_line_that_enter_accepts(make_window, qtbot) -> None:
    """The name box is a plain-text box (screen readers say its chosen text whole; a line edit's lost its
    last character) that behaves as a line: the suggestion chosen, Enter accepts, line breaks become spaces."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPlainTextEdit

    from reader.ui.comfort import Prompts

    window = make_window(1280, 720)
    dialog = Prompts(window).text_dialog("Add bookmark", "Name of the bookmark:", "Foreword: the start…")
    box = dialog.findChild(QPlainTextEdit)
    assert box is not None and box.accessibleName() == "Name of the bookmark:"
    dialog.show()
    qtbot.waitUntil(box.hasFocus)
    assert box.textCursor().selectedText() == "Foreword: the start…"
    assert box.height() < 2 * box.fontMetrics().lineSpacing() + 12, "one line high"
    qtbot.keyClicks(box, "My place")
    box.insertPlainText("\nand more")
    assert dialog.textValue() == "My place and more"
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert not box.hasFocus() and dialog.textValue() == "My place and more", "Tab moves on, adds nothing"
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and not dialog.isVisible()
