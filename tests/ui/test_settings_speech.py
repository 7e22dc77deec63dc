"""The reading settings say what a blind user changes with the arrow keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.settings import REGISTRY
from reader.ui.reading_settings import ReadingSettingsForm


def test_arrowing_a_closed_list_of_choices_says_the_new_choice(qtbot, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr("reader.ui.reading_settings.announce", lambda widget, message, **kw: said.append(message))
    form = ReadingSettingsForm()
    qtbot.addWidget(form)
    form.show()
    combo = form.controls["font_family"]
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert said == [combo.currentText()] and combo.currentIndex() == 1
    # Values shown from the settings (not chosen by the user) are not announced.
    form.show_values(lambda name: {"font_family": combo.itemData(0)}.get(name, _default(name)), None)
    assert said == [combo.itemText(1)]


def _default(name: str) -> object:
    return REGISTRY[name].default
