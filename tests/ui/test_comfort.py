"""Reading comfort in the real window: themes, spacing, line length, presets, preferences, ruler."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QPushButton, QSpinBox

from reader import paths, themes, zoom
from reader.settings import Settings
from reader.ui import look
from reader.ui.main_window import MainWindow


def _save(**values) -> Settings:
    """Settings as a previous run left them, written where the window will read them."""
    settings = Settings(paths.settings_file())
    for name, value in values.items():
        settings.set(name, value)
    settings.save()
    return settings


@pytest.fixture(autouse=True)
def light_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test machine's own colour preference must not change what the tests see."""
    monkeypatch.setattr(look, "system_theme", lambda app=None: "light")


def _paragraph_block(window: MainWindow, anchor: str = "p1"):
    block = window.view.block_for_anchor(anchor)
    assert block is not None
    return block


def test_theme_colours_the_whole_window_and_the_page(make_window) -> None:
    window = make_window(1280, 720)
    window.comfort.choose("theme", "dark")
    app = QApplication.instance()
    dark = themes.DARK
    assert app.palette().color(QPalette.ColorRole.Window) == QColor(dark.window)
    assert app.palette().color(QPalette.ColorRole.Base) == QColor(dark.base)
    assert window.view.palette().color(QPalette.ColorRole.Text) == QColor(dark.text)
    assert window.menuBar().palette().color(QPalette.ColorRole.Window) == QColor(dark.window)
    assert dark.focus in window.styleSheet()
    assert dark.link in window.view.document().defaultStyleSheet()
    assert window.settings.get("follow_system_theme") is False
    assert window.comfort.theme_actions["dark"].isChecked()
    # What the user sees: the page is dark where there is no text.
    image = window.view.viewport().grab().toImage()
    assert image.pixelColor(image.width() - 3, image.height() - 3) == QColor(dark.base)


def test_first_run_follows_the_system_high_contrast(make_window, monkeypatch) -> None:
    monkeypatch.setattr(look, "system_theme", lambda app=None: "high-contrast")
    window = make_window(1280, 720)
    assert window.settings.get("theme") == "high-contrast"
    assert QApplication.instance().palette().color(QPalette.ColorRole.Base) == QColor("#000000")
    assert window.comfort.follow_action.isChecked()


def test_a_chosen_theme_is_kept_whatever_the_system_says(make_window, monkeypatch) -> None:
    _save(follow_system_theme=False, theme="sepia")
    monkeypatch.setattr(look, "system_theme", lambda app=None: "dark")
    window = make_window(1280, 720)
    window.comfort.system_changed()
    assert window.settings.get("theme") == "sepia"


def test_spacing_settings_reach_the_rendered_document(make_window) -> None:
    window = make_window(1280, 720)
    for name, value in (("font_family", "atkinson"), ("line_spacing", 2.0), ("letter_spacing", 0.12),
                        ("word_spacing", 0.16), ("paragraph_spacing", 2.0)):
        window.comfort.choose(name, value)
    block = _paragraph_block(window)
    size = zoom.pixels(100)
    assert block.blockFormat().lineHeight() == 200
    assert block.blockFormat().bottomMargin() == pytest.approx(2 * size)
    char = block.begin().fragment().charFormat()
    assert char.fontLetterSpacing() == pytest.approx(0.12 * size, abs=0.05)
    assert char.fontWordSpacing() == pytest.approx(0.16 * size, abs=0.05)
    assert char.fontFamilies()[0] == "Atkinson Hyperlegible"
    assert window.view.document().defaultFont().families()[0] == "Atkinson Hyperlegible"
    assert block.blockFormat().alignment() & Qt.AlignmentFlag.AlignLeft or not (
        block.blockFormat().alignment() & Qt.AlignmentFlag.AlignJustify)


def test_the_bundled_fonts_are_really_loaded(qapp) -> None:
    loaded = look.register_fonts()
    families = {family for names in loaded.values() for family in names}
    assert {"Atkinson Hyperlegible", "OpenDyslexic"} <= families


def _longest_line(window: MainWindow) -> int:
    longest, block = 0, window.view.document().begin()
    while block.isValid():
        layout = block.layout()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            longest = max(longest, len(block.text()[line.textStart(): line.textStart() + line.textLength()].strip()))
        block = block.next()
    return longest


def test_line_length_keeps_even_margins(make_window) -> None:
    window = make_window(1600, 900)
    window.comfort.choose("line_length", 45)
    frame = window.view.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() > window.view.document().documentMargin()
    assert 30 <= _longest_line(window) <= 52
    window.comfort.choose("line_length", 150)
    assert _longest_line(window) > 60, "a long limit lets lines fill the page"


def test_400_percent_and_maximum_spacing_never_scroll_sideways(make_window, guide) -> None:
    window = make_window(1280, 720)
    window.set_text_size(400)
    for name, value in (("line_spacing", 2.5), ("letter_spacing", 0.3), ("word_spacing", 0.6),
                        ("paragraph_spacing", 3.0), ("font_family", "opendyslexic")):
        window.comfort.choose(name, value)
    for section in guide:
        window.open_section(section.id)
        QApplication.processEvents()
        bar = window.view.horizontalScrollBar()
        assert bar.maximum() == 0, f"{section.id} scrolls sideways at 400% with maximum spacing"
        assert window.view.document().size().width() <= window.view.viewport().width() + 1


def test_presets_from_the_panel_apply_together_and_reset(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    window.comfort.toggle_settings_panel()
    assert window.comfort.settings_dock.isVisible()
    panel = window.comfort.settings_form
    qtbot.mouseClick(panel.preset_buttons["low-vision"], Qt.MouseButton.LeftButton)
    assert window.text_size == 300 and window.settings.get("theme") == "high-contrast"
    assert QApplication.instance().palette().color(QPalette.ColorRole.Base) == QColor("#000000")
    assert panel.preset_buttons["low-vision"].isChecked()
    assert window.comfort.preset_actions["low-vision"].isChecked()
    assert window.comfort.ruler.isVisible()
    assert panel.controls["text_size"].value() == 300
    # Adjust after the preset: the preset is no longer exactly matched.
    panel.controls["line_spacing"].setValue(2.2)
    assert window.settings.get("line_spacing") == 2.2
    assert not panel.preset_buttons["low-vision"].isChecked()
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert window.text_size == 100 and window.settings.get("theme") == "light"
    assert window.settings.get("line_spacing") == 1.6 and not window.comfort.ruler.isVisible()
    assert "Text size 100%" in window.size_label.text()


def test_preferences_dialog_changes_show_live_and_agree_with_the_panel(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    dialog = window.comfort.show_preferences()
    assert window.comfort.show_preferences() is dialog, "asked again, the same window comes forward"
    form = dialog.findChild(QPushButton, "preset_dyslexia").parent().parent()
    combo = form.controls["font_family"]
    combo.setCurrentIndex(combo.findData("opendyslexic"))
    assert window.view.document().defaultFont().families()[0] == "OpenDyslexic"
    assert window.comfort.settings_form.controls["font_family"].currentData() == "opendyslexic"
    form.controls["text_size"].setValue(150)
    assert window.text_size == 150 and "150%" in window.size_label.text()
    window.actions["larger_text"].trigger()
    qtbot.waitUntil(lambda: form.controls["text_size"].value() == 175)
    dialog.close()


def test_settings_changes_are_saved_soon_and_survive_a_restart(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    window.comfort.choose("theme", "sepia")
    window.comfort.choose("line_length", 55)
    path = paths.settings_file()
    qtbot.waitUntil(lambda: path.exists(), timeout=3000)
    again = Settings(path)
    assert again.get("theme") == "sepia" and again.get("line_length") == 55


def test_every_control_of_the_form_is_named_and_reachable_by_tab(make_window) -> None:
    window = make_window(1280, 720)
    window.comfort.toggle_settings_panel()
    form = window.comfort.settings_form
    widgets = [*form.preset_buttons.values(), form.reset_button, *form.controls.values()]
    roles = {QPushButton: QAccessible.Role.Button, QCheckBox: QAccessible.Role.CheckBox,
             QComboBox: QAccessible.Role.ComboBox, QSpinBox: QAccessible.Role.SpinBox,
             QDoubleSpinBox: QAccessible.Role.SpinBox}
    for widget in widgets:
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface.text(QAccessible.Text.Name), widget.objectName()
        # A preset button stays pressed while its preset is in force: Qt reports it as a check box.
        kind_role = next(role for kind, role in roles.items() if isinstance(widget, kind))
        expected = QAccessible.Role.CheckBox if widget in form.preset_buttons.values() else kind_role
        assert interface.role() == expected, widget.objectName()
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, widget.objectName()
    # Tab order follows the order on screen: presets, reset, then each setting top to bottom.
    order, widget = [], widgets[0]
    for _ in range(len(widgets) - 1):
        widget = widget.nextInFocusChain()
        while widget not in widgets:
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order == widgets[1:]


def test_the_ruler_lines_name_greys_out_with_its_box(make_window, qtbot) -> None:
    """Without the ruler its number box is disabled; its name must look disabled too, not like a live setting."""
    window = make_window(1280, 720)
    window.comfort.toggle_settings_panel()
    form = window.comfort.settings_form
    box, name = form.controls["ruler_lines"], form.labels["ruler_lines"]
    assert name.text().startswith("Lines the ruler leaves clear")

    def colours() -> set[str]:
        image = name.grab().toImage()
        return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}

    assert not window.settings.get("reading_ruler") and not box.isEnabled()
    off = colours()
    assert themes.LIGHT.disabled_text in off and themes.LIGHT.window_text not in off
    assert not name.isEnabled()  # screen readers hear it as unavailable too
    qtbot.mouseClick(form.findChild(QLabel, "label_reading_ruler"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(box.isEnabled)
    assert name.isEnabled() and themes.LIGHT.window_text in colours()


def test_a_check_box_is_ticked_by_a_click_on_its_words_which_wrap(make_window, qtbot) -> None:
    """A check box's own text never wraps: its words are a label beside it, which wraps and still ticks it."""
    window = make_window(1280, 720)
    window.comfort.toggle_settings_panel()
    form = window.comfort.settings_form
    box = form.controls["reading_ruler"]
    words = form.findChild(QLabel, "label_reading_ruler")
    assert words.text() == "Reading ruler" and words.buddy() is box
    name = QAccessible.queryAccessibleInterface(box).text(QAccessible.Text.Name)
    assert name == "Reading ruler: dim all but the lines being read", "the box keeps its whole name"
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton)
    assert box.isChecked() and box.hasFocus() and window.settings.get("reading_ruler") is True
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton)
    assert not box.isChecked() and window.settings.get("reading_ruler") is False
    follow = form.findChild(QLabel, "label_follow_system_theme")
    assert follow.wordWrap() and follow.heightForWidth(follow.fontMetrics().horizontalAdvance("Follow the")) > \
        2 * follow.fontMetrics().height(), "narrow, the words go on three lines"


def test_reading_ruler_follows_the_text_cursor_and_dims_the_rest(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    window.open_section("introduction")
    view = window.view
    view.setFocus()
    window.comfort.choose("ruler_lines", 2)
    window.actions_of = None
    window.comfort.actions["reading_ruler"].trigger()
    ruler = window.comfort.ruler
    assert ruler.isVisible() and window.settings.get("reading_ruler") is True
    view.go_to_anchor("p2")
    view.verticalScrollBar().setValue(0)
    view.ensureCursorVisible()
    first = ruler.band()
    assert first is not None and first.height() > 0
    line = view.cursorRect().height()
    assert first.height() >= 2 * line * 0.9, "two lines are clear"
    qtbot.keyClick(view, Qt.Key.Key_Down)
    moved = ruler.band()
    assert moved.top() > first.top(), "the arrow key moved the ruler down"
    image = view.viewport().grab().toImage()
    ruler_pixels = ruler.grab()

    def darkest(top: int, bottom: int) -> int:
        values = [image.pixelColor(x, y).lightness() for y in range(max(0, top), min(image.height(), bottom), 2)
                  for x in range(0, image.width(), 2)]
        return min(values) if values else 255

    assert ruler_pixels is not None
    assert darkest(moved.top(), moved.bottom()) < 80, "text in the band is at full strength"
    assert darkest(moved.bottom() + 4, image.height()) > 140, "text below the band is dimmed"
    window.comfort.actions["reading_ruler"].trigger()
    assert not ruler.isVisible()


@pytest.mark.parametrize("name", list(themes.THEMES))
def test_focus_outline_is_drawn_in_each_themes_focus_colour(make_window, qtbot, name) -> None:
    from PySide6.QtCore import QPoint

    window = make_window(1280, 720)
    window.comfort.choose("theme", name)
    window.comfort.toggle_settings_panel()
    form = window.comfort.settings_form
    for widget in (window.view, window.contents, form.preset_buttons["dyslexia"], form.controls["theme"],
                   form.controls["line_spacing"]):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        image = window.grab().toImage()
        edge = widget.mapTo(window, QPoint(1, widget.height() // 2))
        assert QColor(image.pixel(edge)).name() == themes.THEMES[name].focus, (name, widget.objectName())


def test_escape_leaves_the_reading_settings_panel_for_the_text(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    window.comfort.toggle_settings_panel()
    qtbot.waitUntil(lambda: window.comfort.settings_dock.isVisible())
    focus = QApplication.focusWidget()
    assert focus is not None and window.comfort.settings_dock.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_Escape)
    assert not window.comfort.settings_dock.isVisible()
    assert window.view.hasFocus()
    # In the preferences dialog, Escape is left to the dialog (which closes on it).
    dialog = window.comfort.show_preferences()
    form = dialog.findChild(QPushButton, "preset_dyslexia").parent().parent()
    with qtbot.assertNotEmitted(form.closeRequested):
        qtbot.keyClick(form, Qt.Key.Key_Escape)
    dialog.close()
