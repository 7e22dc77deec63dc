"""A library of thousands of sections: the contents panel shows its first lines at once and the
rest after the window has painted, in order, without losing the reader's place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader import paths
from reader.model import Guide, Section
from reader.settings import Settings
from reader.ui.contents_panel import FIRST_BATCH, LEVEL_ROLE, SECTION_ROLE, ContentsPanel
from reader.ui.first_paint import has_painted
from reader.ui.main_window import MainWindow

LONG_WORD = "Antidisestablishmentarianism"  # wider than the contents would like to be


def _large_guide(guide: Guide, packs: int = 30, per_pack: int = 100) -> Guide:
    extra = []
    for pack in range(packs):
        extra.append(Section(f"p{pack}-overview", f"Pack {pack} overview", "examples", Path("x.md"), "",
                             pack=f"pack-{pack}"))
        extra += [Section(f"p{pack}-s{number}", f"Pack {pack}, section {number}", "examples", Path("x.md"), "",
                          parent=f"p{pack}-overview", pack=f"pack-{pack}") for number in range(per_pack - 1)]
    return guide.extended(extra)


def _ids_in_order(panel: ContentsPanel) -> list[str]:
    found: list[str] = []

    def walk(item) -> None:
        found.append(item.data(0, SECTION_ROLE))
        for index in range(item.childCount()):
            walk(item.child(index))

    for index in range(panel.topLevelItemCount()):
        walk(panel.topLevelItem(index))
    return found


def test_a_large_library_fills_in_after_the_first_lines(qtbot, guide) -> None:
    large = _large_guide(guide)
    panel = ContentsPanel(large)
    qtbot.addWidget(panel)
    assert not panel.complete()
    assert len(_ids_in_order(panel)) == FIRST_BATCH  # the guide's own sections come first
    assert _ids_in_order(panel)[:len(guide)] == [section.id for section in guide]
    late = "p29-s98"
    panel.show_current(late)  # the saved place is among the last: selected when its line arrives
    panel.show()
    qtbot.waitUntil(panel.complete, timeout=10_000)
    assert _ids_in_order(panel) == [section.id for section in large]
    assert panel.current_section() == late
    child = panel.currentItem()
    assert panel.selectedItems() == [child]  # what a screen reader is told is the row shown
    assert child.data(0, LEVEL_ROLE) == 1  # drawn indented under its overview, and said to be in it
    assert child.data(0, Qt.ItemDataRole.AccessibleDescriptionRole) == "In “Pack 29 overview (added)”"
    assert child.text(0) == "Pack 29, section 98 (added)"


def test_a_small_library_is_complete_at_once(qtbot, guide) -> None:
    panel = ContentsPanel(guide)
    qtbot.addWidget(panel)
    assert panel.complete()
    assert _ids_in_order(panel) == [section.id for section in guide]
    assert panel.topLevelItem(0).data(0, Qt.ItemDataRole.DisplayRole) == guide.first().title


def test_the_rest_of_the_lines_wait_until_the_list_has_painted(qtbot, guide) -> None:
    panel = ContentsPanel(_large_guide(guide))
    qtbot.addWidget(panel)
    qtbot.wait(300)  # turns of the event loop: a window still building its first page
    assert panel.topLevelItemCount() == FIRST_BATCH
    panel.show()
    qtbot.waitUntil(panel.complete, timeout=10_000)


def test_a_long_word_in_a_line_made_after_the_paint_is_not_cut(qtbot, guide, messages) -> None:
    large = _large_guide(guide)
    late = large.get("p29-s98")
    assert late is not None and large.position(late.id) > FIRST_BATCH
    large = large.extended([Section("p29-long", f"Pack 29 and {LONG_WORD}", late.kind, Path("x.md"), "",
                                    parent=late.parent, pack=late.pack, replaces=late.id)])
    settings = Settings(paths.settings_file())
    settings.set("text_size", 75)  # room for the contents beside the page on the test's small screen
    window = MainWindow(large, settings, messages=messages)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitUntil(lambda: has_painted(window.contents.viewport()))
    painted_width = window.contents.width()
    qtbot.waitUntil(window.contents.complete, timeout=10_000)
    qtbot.wait(50)
    assert window.contents.isVisible()
    assert window.contents.width() == painted_width  # nothing moved when the rest of the lines came
    widest = window.contents.fontMetrics().horizontalAdvance(LONG_WORD)
    assert window.contents.viewport().width() >= widest + window.contents.indentation()



def _lines(panel: ContentsPanel) -> tuple[bool, list[int], int]:
    """Whether the open section's line is wholly in view, every line's height, and the scroll position."""
    shown = panel.viewport().rect().contains(panel.visualItemRect(panel.currentItem()))
    heights = [panel.visualItemRect(panel.topLevelItem(i)).height() for i in range(panel.topLevelItemCount())]
    return shown, heights, panel.verticalScrollBar().value()


def test_a_place_far_down_the_list_is_in_view_at_the_first_paint_and_stays_put(qtbot, guide) -> None:
    from PySide6.QtCore import QEvent, QObject

    panel = ContentsPanel(_large_guide(guide, packs=1, per_pack=120))  # every line made before the paint
    qtbot.addWidget(panel)
    panel.resize(160, 400)  # narrow: every title wraps, to two lines or more
    panel.show_current("p0-s110")  # as the window restores the reader's place, before it shows
    at_paint: list[tuple[bool, list[int], int]] = []

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not at_paint:
                at_paint.append(_lines(panel))
            return False

    probe = Probe()
    panel.viewport().installEventFilter(probe)
    panel.show()
    qtbot.waitUntil(lambda: bool(at_paint))
    qtbot.wait(200)
    shown, heights, top = at_paint[0]
    assert shown and top > 0
    assert max(heights) > min(heights)  # wrapped titles were measured, not guessed at one line
    assert _lines(panel) == at_paint[0]  # nothing moved once painted


def test_contents_shown_again_after_a_new_text_size_have_their_lines_measured(qtbot, guide) -> None:
    from PySide6.QtWidgets import QSplitter

    splitter = QSplitter()
    qtbot.addWidget(splitter)
    panel = ContentsPanel(guide)
    splitter.addWidget(panel)
    splitter.resize(200, 600)
    splitter.show()
    qtbot.waitExposed(splitter)
    panel.hide()  # Contents turned off
    panel.set_text_pixels(30)  # a larger text size chosen meanwhile: the lines are laid out again, hidden
    qtbot.wait(100)
    panel.show()
    qtbot.wait(100)
    heights = _lines(panel)[1]
    assert max(heights) > 2 * min(heights)  # a long title wraps, and its line is taller
