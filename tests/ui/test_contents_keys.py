"""The contents from the keyboard, as in any tree: Left goes from an example up to the section it is
listed under, Right from that section down to its first example (screen readers announce the move)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui.contents_panel import ContentsPanel


def _panel(qtbot, guide) -> ContentsPanel:
    panel = ContentsPanel(guide)
    qtbot.addWidget(panel)
    panel.show()
    panel.setFocus()
    return panel


def test_left_goes_up_to_the_overview_and_right_down_to_its_first_example(qtbot, guide) -> None:
    panel = _panel(qtbot, guide)
    examples = [section for section in guide if section.parent]
    overview, second = examples[0].parent, examples[1]
    assert examples[1].parent == overview
    panel.show_current(second.id)
    qtbot.keyClick(panel, Qt.Key.Key_Left)
    assert panel.current_section() == overview
    assert panel.selectedItems() == [panel.currentItem()]  # what the screen reader is told is the row shown
    qtbot.keyClick(panel, Qt.Key.Key_Right)
    assert panel.current_section() == examples[0].id


def test_left_and_right_elsewhere_leave_the_place_alone(qtbot, guide) -> None:
    panel = _panel(qtbot, guide)
    first = guide.first().id  # the foreword: no examples under it, none above it
    panel.show_current(first)
    qtbot.keyClick(panel, Qt.Key.Key_Left)
    assert panel.current_section() == first
    qtbot.keyClick(panel, Qt.Key.Key_Right)
    assert panel.current_section() == first


def test_opening_still_takes_enter_after_moving_up(qtbot, guide) -> None:
    panel = _panel(qtbot, guide)
    example = next(section for section in guide if section.parent)
    panel.show_current(example.id)
    qtbot.keyClick(panel, Qt.Key.Key_Left)
    with qtbot.waitSignal(panel.sectionChosen) as chosen:
        qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert chosen.args == [example.parent]
