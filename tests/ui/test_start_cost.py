"""What start-up leaves until the page is on screen still arrives, and works, once it is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from reader import paths
from reader.settings import Settings
from reader.ui.first_paint import has_painted
from reader.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _file_dialog_key_watchers(window: MainWindow) -> list[QObject]:
    return [child for child in window.findChildren(QObject)
            if type(child).__name__ == "_EscapeLeavesFileDialogs"]


def test_modules_only_later_work_needs_are_not_imported_before_the_first_paint(tmp_path) -> None:
    script = textwrap.dedent("""
        import json, sys
        from PySide6.QtWidgets import QApplication
        from reader import paths
        from reader.library import open_library
        from reader.settings import Settings
        from reader.ui import translation
        from reader.ui.main_window import MainWindow
        app = QApplication([])
        translation.install("")
        window = MainWindow(open_library().guide, Settings(paths.settings_file()), remember=False)
        print(json.dumps(sorted(m for m in sys.modules if m in (
            "reader.ui.dialog_keys", "reader.pseudo_translation"))))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COPRODUCTION_READER_HOME=str(tmp_path))
    env.pop("PYTHONPATH", None)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=True)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_escape_in_file_dialogs_is_watched_once_the_page_has_painted(qtbot, guide, messages) -> None:
    window = MainWindow(guide, Settings(paths.settings_file()), messages=messages)
    qtbot.addWidget(window)
    assert _file_dialog_key_watchers(window) == [], "no application-wide filter before the page is shown"
    window.show()
    qtbot.waitUntil(lambda: has_painted(window.view.viewport()))
    qtbot.waitUntil(lambda: len(_file_dialog_key_watchers(window)) == 1)


def test_the_search_boxs_clear_button_shows_its_icon_when_there_is_text(make_window, qtbot) -> None:
    window = make_window()
    box = window.search_box
    clear = box.findChild(QToolButton, "search_clear")
    assert not clear.isVisible()
    box.setFocus()
    qtbot.keyClicks(box, "scot")
    qtbot.waitUntil(clear.isVisible)
    qtbot.waitUntil(lambda: not clear.icon().isNull())
    image = clear.grab().toImage()
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    assert len(colours) > 1, "the button draws its icon, not an empty square"
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert box.text() == ""
    QApplication.processEvents()
