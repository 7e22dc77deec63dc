"""Every control announces itself: names from QAccessible as a screen reader would get them."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from reader.ui.search_panel import SearchBox

INTERACTIVE = (QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit, QPlainTextEdit)


def _interactive(window) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget)
            if isinstance(w, INTERACTIVE) and w.isVisible() and w.objectName() != "qt_toolbar_ext_button"]


def test_every_visible_control_has_an_accessible_name(make_window):
    window = make_window()
    controls = _interactive(window)
    assert len(controls) >= 8
    for widget in controls:
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name)
        assert name, f"{type(widget).__name__} {widget.objectName()!r} has no accessible name"


def test_toolbar_buttons_say_what_they_do_and_take_focus(make_window):
    window = make_window()
    buttons = [w for w in window.toolbar.findChildren(QToolButton) if w.defaultAction()]
    names = {b.accessibleName() for b in buttons}
    assert {"Contents", "Back", "Previous section", "Next section", "Read aloud", "Stop reading", "Smaller text",
            "Larger text", "Reading settings panel"} <= names
    assert window.findChild(SearchBox, "toolbar_search").accessibleName() == "Search the guide"
    for button in buttons:
        assert button.focusPolicy() & button.focusPolicy().TabFocus
        assert button.accessibleDescription()


def test_reading_view_text_is_readable_through_the_accessible_text_interface(make_window):
    window = make_window()
    interface = QAccessible.queryAccessibleInterface(window.view)
    text = interface.textInterface()
    assert text is not None
    whole = text.text(0, text.characterCount())
    assert "Dr. Margaret Whoriskey" in whole
    assert "Foreword: section 1 of" in interface.text(QAccessible.Text.Description)


def test_every_menu_action_has_a_shortcut_or_is_in_a_menu(make_window):
    window = make_window()
    for name, action in window.actions.items():
        assert action.associatedObjects(), f"{name} is in no menu"
        assert action.toolTip(), name


def test_keyboard_focus_is_drawn_as_a_clear_outline(make_window, qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QColor

    from reader.ui.style import DEFAULT_FOCUS_COLOUR

    window = make_window()
    button = next(w for w in window.toolbar.findChildren(QToolButton) if w.defaultAction() and w.isEnabled())
    for widget in (window.contents, window.view, button):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        image = window.grab().toImage()
        corner = widget.mapTo(window, QPoint(1, widget.height() // 2))
        assert QColor(image.pixel(corner)).name() == DEFAULT_FOCUS_COLOUR, widget.objectName()
