"""Interface size reaches every control, live and remembered; icons and disabled controls per theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QSpinBox, QStyle, QStyleOptionComboBox

from reader import paths, themes
from reader.settings import Settings
from reader.ui import icons, interface_scale, look


@pytest.fixture(autouse=True)
def normal_size_after(qapp):
    """Later tests start from the normal interface size, whatever this one chose."""
    monkey = pytest.MonkeyPatch()
    monkey.setattr(look, "system_theme", lambda app=None: "light")
    yield
    monkey.undo()
    interface_scale.apply(qapp, 100)


def _points(widget) -> float:
    return widget.font().pointSizeF()


def test_choosing_an_interface_size_grows_menus_dialogs_and_icons_at_once(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    app = QApplication.instance()
    normal_menu = _points(window.menus["file"])
    normal_icon = app.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    normal_status = _points(window.location_label)
    window.comfort.toggle_settings_panel()
    box = window.comfort.settings_form.controls["interface_size"]
    assert isinstance(box, QSpinBox)
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "200")
    qtbot.keyClick(box, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: window.settings.get("interface_size") == 200)
    assert _points(window.menus["file"]) == pytest.approx(normal_menu * 2, rel=0.05)
    assert _points(window.location_label) == pytest.approx(normal_status * 2, rel=0.05)
    assert app.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) == normal_icon * 2
    dialog = QMessageBox(QMessageBox.Icon.Information, "Title", "Something to read", parent=window)
    assert _points(dialog) == pytest.approx(normal_menu * 2, rel=0.05)
    assert "Interface size: 200%" in window.comfort.settings_form.labels["interface_size"].text()
    # The page keeps its own size: interface size stands beside text size.
    assert window.text_size == 100


def test_interface_size_is_remembered_and_set_by_the_low_vision_preset(make_window, qtbot) -> None:
    settings = Settings(paths.settings_file())
    settings.set("interface_size", 150)
    settings.save()
    window = make_window(1280, 720)
    assert interface_scale.current() == 150
    window.comfort.toggle_settings_panel()
    qtbot.mouseClick(window.comfort.settings_form.preset_buttons["low-vision"], Qt.MouseButton.LeftButton)
    assert interface_scale.current() == 200
    qtbot.mouseClick(window.comfort.settings_form.reset_button, Qt.MouseButton.LeftButton)
    assert interface_scale.current() == 100


def test_the_stylesheet_scales_and_gives_menus_an_edge() -> None:
    small, large = look.stylesheet(themes.LIGHT, 100), look.stylesheet(themes.LIGHT, 300)
    assert "QMenu {" in small and f"solid {themes.LIGHT.border}" in small.split("QMenu {")[1].split("}")[0]
    assert "width: 16px" in small and "width: 32px" in large  # scroll bars grow, up to twice normal


def test_menu_ticks_and_arrows_grow_with_the_words_and_paddings_stop_at_twice_normal() -> None:
    def rule(sheet: str, selector: str) -> str:
        return sheet.split(selector + " {", 1)[1].split("}", 1)[0]

    small, large = look.stylesheet(themes.LIGHT, 100), look.stylesheet(themes.LIGHT, 400)
    assert "width: 12px" in rule(small, "QMenu::right-arrow") and "width: 48px" in rule(large, "QMenu::right-arrow")
    assert "width: 64px" in rule(large, "QMenu::indicator") and "check" in rule(large, "QMenu::indicator:checked")
    assert "padding: 8px 48px 8px 24px" in rule(large, "QMenu::item")  # as at 200 %, not 16px 96px


@pytest.mark.parametrize("name", ["high-contrast", "high-contrast-light", "light"])
def test_disabled_buttons_look_disabled_and_quieter(make_window, qtbot, name) -> None:
    window = make_window(1280, 720)
    window.comfort.choose("theme", name)
    theme = themes.get(name)
    button = window.toolbar.widgetForAction(window.actions["back"])  # nowhere to go back to yet
    assert not button.isEnabled()
    image = button.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert theme.disabled_text in colours  # its words and dashed edge
    assert theme.button_text not in colours, "a disabled button must not look like an enabled one"


def test_focus_outline_stays_clear_of_the_button_text(make_window, qtbot) -> None:
    window = make_window(1280, 720)
    window.comfort.toggle_settings_panel()
    button = window.comfort.settings_form.reset_button
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    image = button.grab().toImage()
    focus = QColor(themes.LIGHT.focus)
    margin = look.FOCUS_WIDTH + 1
    inside = [(x, y) for x in range(margin, image.width() - margin) for y in range(margin, image.height() - margin)
              if image.pixelColor(x, y) == focus]
    assert inside == [], "the focus outline runs through the label"
    edge = [(x, 1) for x in range(image.width()) if image.pixelColor(x, 1) == focus]
    assert edge, "the focus outline must still be drawn around the button"


def test_every_main_command_has_an_icon_in_the_themes_colours(make_window, qapp, qtbot) -> None:
    for drawing in set(icons.COMMANDS.values()):
        assert drawing in icons.names()
    window = make_window(1280, 720)
    qtbot.waitUntil(lambda: not window.actions["back"].icon().isNull())  # drawn just after the first paint
    window.comfort.choose("theme", "high-contrast")
    for name in ("back", "next_section", "search", "larger_text", "speech_play", "speech_stop",
                 "show_bookmarks", "reading_settings", "speech_save_section"):
        assert not window.findChild(type(window.actions["back"]), name).icon().isNull(), name
    hc = themes.HIGH_CONTRAST
    icon = icons.icon("stop", hc)
    normal = icon.pixmap(24, 24).toImage()
    disabled = icon.pixmap(24, 24, QIcon.Mode.Disabled).toImage()
    assert normal.pixelColor(12, 12) == QColor(hc.button_text)
    assert disabled.pixelColor(12, 12) == QColor(hc.disabled_text)


def test_number_boxes_show_their_arrows(make_window) -> None:
    window = make_window(1280, 720)
    window.comfort.toggle_settings_panel()
    box = window.comfort.settings_form.controls["line_spacing"]
    image = box.grab().toImage()
    ink = QColor(themes.LIGHT.button_text)
    arrow_column = range(image.width() - 18, image.width() - 4)
    assert any(image.pixelColor(x, y) == ink for x in arrow_column for y in range(image.height())), \
        "no arrow drawn at the right of the number box"


def test_list_arrows_grow_with_the_interface_as_number_box_arrows_do(make_window, qapp, qtbot) -> None:
    window = make_window(1280, 720)
    window.comfort.toggle_settings_panel()
    combo = window.comfort.settings_form.controls["font_family"]
    assert isinstance(combo, QComboBox)
    ink = QColor(themes.LIGHT.button_text)

    def part(which: QStyle.SubControl):
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option, which, combo)

    def arrow_ink() -> tuple[int, int]:
        """How wide and how tall the arrow is drawn, in pixels of the button's text colour."""
        area = part(QStyle.SubControl.SC_ComboBoxArrow)
        image = combo.grab().toImage()
        inked = [(x, y) for x in range(area.left(), area.right() + 1) for y in range(area.top(), area.bottom() + 1)
                 if image.pixelColor(x, y) == ink]
        assert inked, "no arrow drawn at the right of the list"
        return (max(x for x, _ in inked) - min(x for x, _ in inked) + 1,
                max(y for _, y in inked) - min(y for _, y in inked) + 1)

    normal_box, normal_ink = part(QStyle.SubControl.SC_ComboBoxArrow), arrow_ink()
    interface_scale.apply(qapp, 400)
    qtbot.waitUntil(lambda: combo.height() > 3 * normal_box.height())
    large_box, large_ink = part(QStyle.SubControl.SC_ComboBoxArrow), arrow_ink()
    assert large_box.width() >= 3 * normal_box.width(), (normal_box, large_box)
    assert large_ink[0] >= 3 * normal_ink[0] and large_ink[1] >= 3 * normal_ink[1], (normal_ink, large_ink)
    field = part(QStyle.SubControl.SC_ComboBoxEditField)
    assert field.right() < large_box.left(), "the chosen name must not run under the arrow"


@pytest.mark.parametrize("name", ["high-contrast", "high-contrast-light", "dark"])
def test_check_boxes_show_their_box_and_tick(make_window, name) -> None:
    window = make_window(1280, 720)
    window.comfort.choose("theme", name)
    window.comfort.toggle_settings_panel()
    box = window.comfort.settings_form.controls["reading_ruler"]
    theme = themes.get(name)
    indicator_area = box.grab().toImage().copy(0, 0, box.height() + 8, box.height())
    colours = {indicator_area.pixelColor(x, y).name() for x in range(indicator_area.width())
               for y in range(indicator_area.height())}
    assert theme.border in colours, "the empty box must be visible"

    def inked() -> int:
        image = box.grab().toImage().copy(0, 0, box.height() + 8, box.height())
        return sum(image.pixelColor(x, y).name() == theme.text for x in range(image.width())
                   for y in range(image.height()))

    empty = inked()
    window.comfort.choose("reading_ruler", True)
    assert inked() > empty + 10, "the tick must be drawn in the text colour"


@pytest.mark.parametrize("percent", [100, 400])
def test_the_status_lines_parts_stand_apart_at_any_interface_size(make_window, percent) -> None:
    """At 400 % the place and the text size ran together ("0% through Text size 400%")."""
    settings = Settings(paths.settings_file())
    settings.set("interface_size", percent)
    settings.save()
    window = make_window(1366, 768)
    place, size = window.location_label, window.size_label
    room_ends = place.mapTo(window, place.contentsRect().topRight()).x()
    assert place.fontMetrics().horizontalAdvance(place.text()) <= place.contentsRect().width()
    size_starts = size.mapTo(window, size.contentsRect().topLeft()).x()
    assert size_starts - room_ends >= size.fontMetrics().horizontalAdvance("n"), (room_ends, size_starts)
