"""The main window as a user meets it: keyboard navigation, text size, links, and coming back later."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.ui.messages import LinkChoice


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the user types it: delivered to whatever has the keyboard focus."""
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focused, key, modifier)


def _body_pixel_size(window) -> int:
    block = window.view.block_for_anchor("p2")
    return block.begin().fragment().charFormat().font().pixelSize() or window.view.document().defaultFont().pixelSize()


def test_first_run_opens_the_foreword_readably(make_window):
    window = make_window()
    assert window.current == "foreword"
    assert window.contents.current_section() == "foreword"
    assert "This was the theme of the 3rd National" in window.view.toPlainText()
    assert _body_pixel_size(window) >= 16
    assert "Foreword: section 1 of" in window.location_label.text()


def test_contents_by_keyboard_then_next_previous_and_history(make_window, qtbot):
    window = make_window()
    window.contents.setFocus()
    qtbot.waitUntil(window.contents.hasFocus)
    qtbot.keyClick(window.contents, Qt.Key.Key_Down)
    qtbot.keyClick(window.contents, Qt.Key.Key_Return)
    assert window.current == "introduction"
    assert window.view.toPlainText().startswith("Introduction")

    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current == "examples"
    press(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current == "introduction"

    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current == "examples"
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current == "introduction"
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current == "examples"
    assert window.contents.current_section() == "examples"


def test_f6_moves_focus_between_contents_and_text(make_window, qtbot):
    window = make_window()
    window.contents.setFocus()
    qtbot.waitUntil(window.contents.hasFocus)
    press(qtbot, Qt.Key.Key_F6)
    qtbot.waitUntil(window.view.hasFocus)
    press(qtbot, Qt.Key.Key_F6)
    qtbot.waitUntil(window.contents.hasFocus)


def test_tab_reaches_toolbar_contents_and_text(make_window, qtbot):
    window = make_window()
    window.contents.setFocus()
    reached = set()
    for _ in range(20):
        press(qtbot, Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget().accessibleName() or QApplication.focusWidget().objectName())
    assert {"Contents", "Text of the section", "Next section", "Larger text"} <= reached


def test_text_size_keys_wheel_and_limits(make_window, qtbot):
    window = make_window()
    normal = _body_pixel_size(window)
    press(qtbot, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == 110 and _body_pixel_size(window) > normal
    assert window.size_label.text() == "Text size 110%"
    press(qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == 100 and _body_pixel_size(window) == normal
    press(qtbot, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == 90 and _body_pixel_size(window) < normal

    wheel = QWheelEvent(QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(window.view.viewport(), wheel)
    assert window.text_size == 100
    for _ in range(30):
        window.actions["larger_text"].trigger()
    assert window.text_size == 400 and not window.actions["larger_text"].isEnabled()
    assert _body_pixel_size(window) == 4 * normal
    assert window.contents.font().pixelSize() > normal


def test_400_percent_in_1280x720_wraps_without_horizontal_scrolling(make_window, qtbot):
    window = make_window(1280, 720)
    window.set_text_size(400)
    for section in ("foreword", "introduction", "examples", "using-this-reader", "words"):
        window.open_section(section)
        qtbot.wait(10)
        bar = window.view.horizontalScrollBar()
        assert bar.maximum() == 0, f"{section} scrolls sideways at 400%"
        assert not window.contents.isVisible(), "at 400 % the contents give way to the page"
    window.pane_fit.toggle_contents()  # asked for: over the page, without scrolling sideways
    QApplication.processEvents()
    assert window.contents.isVisible() and window.contents.horizontalScrollBar().maximum() == 0


def test_place_window_size_and_text_size_survive_a_restart(make_window, qtbot):
    window = make_window(760, 560)  # within the offscreen screen, which restoreGeometry clamps to
    window.open_section("introduction")
    window.set_text_size(150)
    window.view.set_scroll_fraction(0.5)
    scrolled = window.view.scroll_fraction()
    assert scrolled > 0.3
    window.close()

    again = make_window()
    qtbot.wait(20)
    assert again.current == "introduction"
    assert again.text_size == 150
    assert abs(again.view.scroll_fraction() - scrolled) < 0.05
    assert (again.width(), again.height()) == (760, 560)


def test_link_to_another_section_opens_its_paragraph(make_window, qtbot):
    window = make_window()
    window.open_section("evoc")
    window.follow_link("section:introduction#p2")
    assert window.current == "introduction"
    assert window.view.cursor_anchor() == "p2"
    assert window.view.top_anchor() in {"p1", "p2"}  # scrolled to it (p1 may share the top if the page is short)
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current == "evoc"


def test_web_link_asks_first_and_can_copy_the_address(make_window, messages):
    window = make_window()
    url = "https://www.coproductionscotland.org.uk/"
    window.follow_link(url)
    assert messages.shown == [("web_link", url, "")]
    messages.link_choice = LinkChoice.COPY
    window.follow_link(url)
    assert QGuiApplication.clipboard().text() == url
    assert "Address copied" in window.statusBar().currentMessage()


def test_web_link_opens_in_the_browser_only_when_chosen(make_window, messages, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    window = make_window()
    url = "https://www.coproductionscotland.org.uk/"
    window.follow_link(url)
    assert opened == []
    messages.link_choice = LinkChoice.OPEN
    window.follow_link(url)
    assert opened == [url]


def test_help_key_opens_using_this_reader(make_window, qtbot):
    window = make_window()
    press(qtbot, Qt.Key.Key_F1)
    assert window.current == "using-this-reader"
    assert "Ctrl+Plus" in window.view.toPlainText()


def test_the_keyboard_comes_back_to_the_text_after_a_dialog(make_window, qtbot):
    """With no window manager to hand the focus back (or one that does not), closing one of the
    reader's dialogs must not leave the keyboard nowhere."""
    from PySide6.QtCore import QTimer

    window = make_window()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    answered = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        answered.append(dialog is not None)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    QTimer.singleShot(200, answer)
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # add a bookmark: asks for its name
    assert answered == [True]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    press(qtbot, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)  # and keys work again
    assert window.text_size == 110


def test_ctrl_q_closes_and_keeps_the_place(make_window, qtbot):
    window = make_window()
    window.open_section("words")
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert make_window().current == "words"
