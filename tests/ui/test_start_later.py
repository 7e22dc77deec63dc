"""Start-up shows the page first and builds the rest just after: a user never sees the difference.

Commands used before their feature is built still work, the keyboard stays where it was, and the
features' modules are not even imported before the first paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from reader import page_cache, paths
from reader.render import render_section
from reader.rendered import Block, Rendered
from reader.settings import Settings
from reader.ui.first_paint import has_painted
from reader.ui.main_window import LATER_FEATURES, MainWindow
from reader.ui.search_box import SearchBox

ROOT = Path(__file__).resolve().parents[2]


def _window(qtbot, guide, messages) -> MainWindow:
    window = MainWindow(guide, Settings(paths.settings_file()), messages=messages)
    qtbot.addWidget(window)
    return window


def test_nothing_but_the_page_is_built_or_imported_before_the_first_paint(tmp_path) -> None:
    # Reading comfort and the search panel come after the paint too: the toolbar's search box is there
    # from the start (the toolbar must not move), the panel and the index behind it are not.
    script = textwrap.dedent("""
        import json, sys
        from PySide6.QtWidgets import QApplication
        from reader import paths
        from reader.library import open_library
        from reader.settings import Settings
        from reader.ui.main_window import LATER_FEATURES, MainWindow
        app = QApplication([])
        window = MainWindow(open_library().guide, Settings(paths.settings_file()), remember=False)
        print(json.dumps({"built": [name for name in LATER_FEATURES if window.is_built(name)],
                          "imported": sorted(m for m in sys.modules if m in (
                              "reader.ui.speech_ui", "reader.ui.talking_book", "reader.ui.added_content",
                              "reader.ui.comfort", "reader.ui.search_panel", "whoosh", "pyttsx3"))}))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COPRODUCTION_READER_HOME=str(tmp_path))
    env.pop("PYTHONPATH", None)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=True)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"built": [], "imported": []}


def test_every_feature_is_built_soon_after_the_page_is_shown(qtbot, guide, messages) -> None:
    window = _window(qtbot, guide, messages)
    assert not any(window.is_built(name) for name in LATER_FEATURES)
    window.show()
    qtbot.waitUntil(lambda: all(window.is_built(name) for name in LATER_FEATURES), timeout=10000)
    assert window.commands.unbound() == []
    qtbot.waitUntil(lambda: not window.actions["search"].icon().isNull())  # icons, drawn after the features


def test_search_asked_for_before_its_feature_is_built_opens_with_the_keyboard_in_its_box(
        qtbot, guide, messages) -> None:
    window = _window(qtbot, guide, messages)
    window.show()
    window.actions["search"].trigger()  # as Ctrl+F does, before the event loop has run at all
    assert window.is_built("search")
    qtbot.waitUntil(lambda: window.search.dock.isVisible())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search.panel.box, timeout=5000)
    window.close()


def test_a_checkbox_command_used_early_keeps_the_users_choice(qtbot, guide, messages) -> None:
    window = _window(qtbot, guide, messages)
    carry_on = window.actions["speech_continue"]
    assert not carry_on.isChecked() and not window.is_built("speech")
    carry_on.trigger()  # ticked in the Listen menu before reading aloud was built
    assert window.is_built("speech")
    assert carry_on.isChecked()
    assert window.settings.get("speech_end_of_section") == "continue"


def test_the_keyboard_stays_put_while_the_rest_is_built(make_window, qtbot) -> None:
    window = make_window()
    window.contents.setFocus()
    qtbot.waitUntil(window.contents.hasFocus)
    qtbot.waitUntil(lambda: all(window.is_built(name) for name in LATER_FEATURES), timeout=10000)
    qtbot.wait(50)
    assert window.contents.hasFocus()  # no feature took the focus when it was built
    toolbar = window.commands.toolbars["main"]
    buttons = [toolbar.widgetForAction(a) for a in toolbar.actions() if not a.isSeparator()]
    named = [b.accessibleName() for b in buttons if isinstance(b, QToolButton)]
    assert "Read aloud" in named  # the Play button, there before reading aloud is built, is named for screen readers
    assert list(window.commands.toolbars) == ["main"]  # the feature filled the one toolbar, no second one


def _what_the_user_sees(window: MainWindow) -> dict[str, object]:
    focus = QApplication.focusWidget()
    return {"section": window.current, "title": window.windowTitle(), "text": window.view.toPlainText(),
            "contents": window.contents.currentIndex().data(), "rows": window.contents.model().rowCount(),
            "focus": focus.objectName() if focus is not None else None,
            "scroll": round(window.view.scroll_fraction(), 2)}


def test_a_start_from_the_kept_page_looks_as_a_start_that_renders_it(make_window, qtbot) -> None:
    first = make_window()
    first.open_section("introduction")
    first.view.set_scroll_fraction(0.5)
    first.close()  # keeps its place, and the page, for the next start
    saved = paths.settings_file().read_bytes()
    page_cache.page_file().unlink()
    rendering = make_window()  # renders the page, as every start did before pages were kept
    qtbot.wait(200)
    seen = _what_the_user_sees(rendering)
    assert seen["section"] == "introduction" and seen["rows"] and seen["focus"] == "contents", seen
    rendering.close()
    assert page_cache.load(rendering.guide.get("introduction")) is not None
    paths.settings_file().write_bytes(saved)  # the same start again, from the kept page
    kept = make_window()
    qtbot.wait(200)
    assert _what_the_user_sees(kept) == seen


def test_a_wrong_kept_page_is_replaced_just_after_the_first_paint(qtbot, guide, messages) -> None:
    section = guide.first()
    page_cache.store(section, Rendered("<p>Words from another time</p>", (Block("p1", "p", "Words"),)))
    window = _window(qtbot, guide, messages)
    assert "Words from another time" in window.view.toPlainText()  # what the cache said, checked after the paint
    window.show()
    qtbot.waitUntil(lambda: "Words from another time" not in window.view.toPlainText(), timeout=5000)
    assert window.rendered == render_section(section, guide)
    assert page_cache.load(section) == window.rendered  # and kept for the next start


def test_with_a_kept_page_markdown_is_not_imported_before_the_first_paint(tmp_path) -> None:
    script = textwrap.dedent("""
        import json, sys
        from PySide6.QtWidgets import QApplication
        from reader import paths
        from reader.library import open_library
        from reader.settings import Settings
        from reader.ui.main_window import MainWindow
        app = QApplication([])
        window = MainWindow(open_library().guide, Settings(paths.settings_file()), remember=False)
        print(json.dumps({"markdown": "markdown" in sys.modules}))
        window.close()
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COPRODUCTION_READER_HOME=str(tmp_path))
    env.pop("PYTHONPATH", None)
    reports = [json.loads(subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True,
                                         text=True, timeout=120, check=True).stdout.strip().splitlines()[-1])
               for _ in range(2)]
    assert reports == [{"markdown": True}, {"markdown": False}]  # the first start rendered and kept the page


def _closed_on(qtbot, messages, tmp_path, section: str) -> None:
    """A pack installed, and a reader closed on ``section`` with its page kept for the next start."""
    from reader.library import open_library
    from reader.packs import add, create
    from tests.packkit import write_pack_folder

    add(create(write_pack_folder(tmp_path / "pack"), tmp_path / "pack.zip").path)
    settings = Settings(paths.settings_file())
    settings.set("last_section", section)
    settings.save()
    before = _window(qtbot, open_library().guide, messages)
    before.show()
    qtbot.waitUntil(lambda: page_cache.page_file().is_file())  # the page is kept for the next start
    before.close()


def test_a_packs_file_edited_in_place_since_the_last_start_shows_just_after_the_first_paint(
        qtbot, messages, tmp_path) -> None:
    from reader.library import open_library
    from reader.loader import load_guide
    from reader.model import body_digest
    from reader.packs import packs_dir
    from reader.ui.app import check_after_first_paint

    _closed_on(qtbot, messages, tmp_path, "garden-group")
    page = packs_dir() / "local-stories" / "garden-group.md"
    folder_times = page.parent.stat().st_atime_ns, page.parent.stat().st_mtime_ns
    new_text = "---\nsummary: Changed by hand.\n---\nThe garden group now meets on Fridays.\n"
    page.write_text(new_text, encoding="utf-8")  # edited in place: its folder looks as it did
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 5_000_000_000))
    os.utime(page.parent, ns=folder_times)

    def page_now_reads(section_id: str) -> str:
        return load_guide(packs_dir() / "local-stories").get(section_id).body

    library = open_library(quick=True)
    window = _window(qtbot, library.guide, messages)
    check_after_first_paint(window, library)
    assert "vegetables" in window.view.toPlainText()  # the page kept from the last start, not yet checked
    window.show()
    qtbot.waitUntil(lambda: window.guide.get("garden-group").summary == "Changed by hand.", timeout=10000)
    assert "Fridays" in window.view.toPlainText()
    assert window.guide.get("garden-group").digest == body_digest(page_now_reads("garden-group"))  # search sees it
    assert window.current == "garden-group"
    assert messages.shown == []  # nothing to say: the page simply shows what the file says


def _places(window: MainWindow) -> dict[str, QRect]:
    """Where the page, the contents, the toolbar and the menu bar are in the window."""
    return {name: QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            for name, widget in (("page", window.view), ("contents", window.contents),
                                 ("toolbar", window.toolbar), ("menu bar", window.menuBar()))}


def test_what_arrives_after_the_first_paint_moves_nothing_and_changes_no_colour(qtbot, guide, messages) -> None:
    settings = Settings(paths.settings_file())
    settings.set("last_section", "introduction")
    settings.save()
    window = _window(qtbot, guide, messages)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: has_painted(window.view.viewport()))
    first = {"places": _places(window), "theme": window.property("reader_theme"), "sheet": window.styleSheet(),
             "palette": QApplication.palette().color(QApplication.palette().ColorRole.Window).name(),
             "menus": [a.text() for a in window.menuBar().actions()], "text": window.view.toPlainText(),
             "stop": window.commands.actions["speech_stop"].isEnabled()}
    assert not all(window.is_built(name) for name in LATER_FEATURES), "the test must see the window before the rest"
    assert window.toolbar.isVisible() and window.findChild(SearchBox, "toolbar_search").isVisible()
    qtbot.waitUntil(lambda: all(window.is_built(name) for name in LATER_FEATURES), timeout=10000)
    QApplication.processEvents()
    assert {"places": _places(window), "theme": window.property("reader_theme"), "sheet": window.styleSheet(),
            "palette": QApplication.palette().color(QApplication.palette().ColorRole.Window).name(),
            "menus": [a.text() for a in window.menuBar().actions()], "text": window.view.toPlainText(),
            "stop": window.commands.actions["speech_stop"].isEnabled()} == first
    assert not first["stop"]  # nothing is being read: Stop is greyed out from the first paint on


def test_once_the_rest_is_built_the_window_is_whole(make_window, qtbot) -> None:
    settings = Settings(paths.settings_file())
    settings.set("last_section", "examples")
    settings.save()
    window = make_window()
    qtbot.wait(100)  # placeholders replaced by the panels made after the paint, and deleted
    assert window.current == "examples" and window.view.toPlainText().startswith("Examples")
    assert window.windowTitle().startswith("Examples")
    assert window.contents.current_section() == "examples" and window.contents.model().rowCount() > 10
    assert QApplication.focusWidget() is window.contents  # where the keyboard starts, as before
    assert window.toolbar.isVisible() and window.commands.unbound() == []
    assert len(window.menus["presets"].actions()) > 3  # filled by reading comfort
    # Every menu is still there for Python to open (a walk round the focus chain once tied them to a
    # placeholder panel, and they were lost with it).
    for name, menu in window.menus.items():
        assert shiboken6.isValid(menu), name
        assert menu.sizeHint().height() > 0 and menu.actions(), name


def _active_before_the_rest_is_built(qtbot, guide, messages, monkeypatch) -> MainWindow:
    """A window painted and active, the features left for after the paint not built yet (as when a
    key comes between the paint and the rest)."""
    monkeypatch.setattr(MainWindow, "_build_later", lambda self, name: None)
    window = _window(qtbot, guide, messages)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and has_painted(window.view.viewport()))
    return window


def test_typing_in_the_search_box_before_search_is_built_searches(qtbot, guide, messages, monkeypatch) -> None:
    window = _active_before_the_rest_is_built(qtbot, guide, messages, monkeypatch)
    box = window.findChild(SearchBox, "toolbar_search")
    assert not window.is_built("search")
    box.setFocus()  # the keyboard enters the box: the search panel is built before the first key
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box, "Lochside")
    assert window.is_built("search") and window.search.dock.isVisible()
    qtbot.waitUntil(lambda: window.search.panel.results.count() > 0, timeout=20000)
    assert window.search.panel.box.text() == "Lochside" and box.hasFocus()


def test_a_reading_comfort_key_pressed_before_it_is_built_does_its_work(qtbot, guide, messages, monkeypatch) -> None:
    window = _active_before_the_rest_is_built(qtbot, guide, messages, monkeypatch)
    assert not window.is_built("comfort") and not window.settings.get("reading_ruler")
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.is_built("comfort")
    assert window.settings.get("reading_ruler") and window.actions["reading_ruler"].isChecked()
    assert window.comfort.ruler.isVisible()


def test_a_reading_ruler_left_on_is_there_at_the_first_paint(qtbot, guide, messages) -> None:
    settings = Settings(paths.settings_file())
    settings.set("reading_ruler", True)
    settings.save()
    window = _window(qtbot, guide, messages)
    assert window.is_built("comfort")  # the ruler is drawn over the first page
    window.show()
    qtbot.waitUntil(lambda: has_painted(window.view.viewport()))
    assert window.comfort.ruler.isVisible()


def test_packs_listed_just_after_the_first_paint_move_nothing_and_come_before_the_rest(
        qtbot, messages, tmp_path) -> None:
    from reader.library import open_for_start
    from reader.ui.app import list_packs_after_first_paint
    from reader.ui.first_paint import after_first_paint

    _closed_on(qtbot, messages, tmp_path, "introduction")

    library, later = open_for_start("introduction")
    assert later and "lunch-club" not in library.guide
    window = _window(qtbot, library.guide, messages)
    window.resize(1366, 768)
    list_packs_after_first_paint(window)
    seen: dict[str, object] = {}

    def at_the_first_paint() -> None:
        seen.update(places=_places(window), text=window.view.toPlainText(), title=window.windowTitle(),
                    rows=[window.contents.visualItemRect(window.contents.topLevelItem(i)) for i in range(5)],
                    sections=len(window.guide))

    after_first_paint(window.view.viewport(), at_the_first_paint, first=True)  # before the listing
    built_when_listed: list[str] = []
    window.context.sectionsChanged.connect(
        lambda _change: built_when_listed.extend(name for name in LATER_FEATURES if window.is_built(name)))
    window.show()
    qtbot.waitUntil(lambda: "lunch-club" in window.guide and window.contents.complete())
    qtbot.waitUntil(lambda: all(window.is_built(name) for name in LATER_FEATURES), timeout=10000)
    QApplication.processEvents()
    assert seen["sections"] == len(library.guide)  # the page came first, the packs after it
    assert built_when_listed == []  # every feature is built on the whole library
    assert window.contents.topLevelItemCount() == len(window.guide) == len(library.guide) + 2
    assert {"places": _places(window), "text": window.view.toPlainText(), "title": window.windowTitle(),
            "rows": [window.contents.visualItemRect(window.contents.topLevelItem(i)) for i in range(5)],
            "sections": len(library.guide)} == seen
    assert window.current == "introduction" and window.contents.current_section() == "introduction"
    assert messages.shown == []
