"""``coproduction-reader screenshot``: render the main window offscreen to a PNG and exit."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from reader import atomic, interface_size, presets, themes, zoom
from reader.commands import guide_or_report, whole_number

if TYPE_CHECKING:  # Qt is imported when the command runs, not when the command line is read
    from reader.ui.main_window import MainWindow

PANELS = ("search", "settings", "bookmarks")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, help="the PNG file to write")
    parser.add_argument("--section", help="id of the section to show (default: the first)")
    parser.add_argument("--text-size", type=whole_number(zoom.MINIMUM, zoom.MAXIMUM), default=None, metavar="PERCENT",
                        help=f"text size, {zoom.MINIMUM} to {zoom.MAXIMUM} (default {zoom.NORMAL})")
    parser.add_argument("--theme", choices=list(themes.THEMES), help="colours (default: light)")
    parser.add_argument("--preset", choices=list(presets.PRESETS),
                        help="a reading preset, applied before --theme and --text-size")
    parser.add_argument("--interface-size", type=whole_number(interface_size.MINIMUM, interface_size.MAXIMUM),
                        default=None, metavar="PERCENT",
                        help=f"size of menus, buttons and panels, {interface_size.MINIMUM} to "
                             f"{interface_size.MAXIMUM} (default {interface_size.NORMAL})")
    parser.add_argument("--panel", choices=list(PANELS), help="open a panel beside the page")
    parser.add_argument("--search", metavar="WORDS",
                        help="search for these words in the search panel and draw its results")
    parser.add_argument("--open-result", type=whole_number(1, 100, "result"), default=None, metavar="N",
                        help="with --search: open the Nth result, as Enter on it does, and draw the page at "
                             "its match")
    parser.add_argument("--reading-aloud", type=whole_number(1, 60, "seconds"), default=None, metavar="SECONDS",
                        help="read the section aloud with a silent stand-in voice for this long, then draw the "
                             "window with the sentence being read highlighted")
    parser.add_argument("--width", type=whole_number(200, 8000, "pixels"), default=1280)
    parser.add_argument("--height", type=whole_number(200, 8000, "pixels"), default=800)


def _screen_config(folder: Path, width: int, height: int) -> Path:
    """An offscreen screen the size of the window, as on a laptop with the window maximised: menus, panels
    and dialogs fit themselves to the screen. ``QT_SCALE_FACTOR=2`` draws what a 200 % system scaling shows."""
    try:
        factor = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    except ValueError:
        factor = 1.0
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "screenshot", "x": 0, "y": 0, "width": round(width * factor),
                                               "height": round(height * factor), "logicalDpi": 96}]}),
                      encoding="utf-8")
    return config


def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen_config(Path(folder), args.width, args.height)}"
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    if args.open_result and not args.search:
        print("coproduction-reader screenshot: error: --open-result needs --search", file=sys.stderr)
        return 2
    if args.reading_aloud:  # the same picture on every computer, and no sound
        from reader.speech.engine import ENGINE_ENV
        from reader.speech.player import AUDIO_ENV

        os.environ[ENGINE_ENV], os.environ[AUDIO_ENV] = "fake", "null"

    guide = guide_or_report()
    if guide is None:
        return 1
    if args.section and args.section not in guide:
        print(f"coproduction-reader screenshot: error: no section '{args.section}' "
              f"(see 'coproduction-reader sections')", file=sys.stderr)
        return 2
    from PySide6.QtCore import Qt

    from reader.settings import Settings
    from reader.ui import interface_scale
    from reader.ui.app import application
    from reader.ui.main_window import MainWindow

    app = application()
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(Path(scratch) / "settings.json")  # a clean look, never the user's own
        if args.preset:
            presets.apply(settings, args.preset, system_theme=themes.DEFAULT)
        settings.set("follow_system_theme", False)  # the same picture on every computer
        if args.theme:
            settings.set("theme", args.theme)
        if args.text_size is not None:
            settings.set("text_size", args.text_size)
        if args.interface_size is not None:
            settings.set("interface_size", args.interface_size)
        if args.section:
            settings.set("last_section", args.section)
        interface_scale.apply(app, settings.get("interface_size"))  # as the app does, before the window
        window = MainWindow(guide, settings, remember=False)
        window.setWindowState(Qt.WindowState.WindowNoState)  # the size asked for, not the screen's
        window.resize(args.width, args.height)
        window.show()
        _open_panel(window, "search" if args.search else args.panel)
        for _ in range(3):
            app.processEvents()
        if args.search and not _search(window, args.search, args.open_result):
            print("coproduction-reader screenshot: error: the search gave no results to draw", file=sys.stderr)
            window.close()
            return 1
        if args.reading_aloud:
            _read_aloud(window, args.reading_aloud)
        image = window.grab().toImage()
        window.close()
    try:  # written beside, then renamed: a full disk never destroys a picture already there
        with atomic.replacing(args.out, ".png") as temporary:
            # PySide6 6.11's stub types the format as bytes, but the call accepts only str (bytes: ValueError).
            if not image.save(str(temporary), "PNG"):  # type: ignore[call-overload]
                raise OSError(f"could not write {args.out}")
    except OSError as error:
        print(f"coproduction-reader screenshot: error: could not write {args.out} "
              f"({error.strerror or error})", file=sys.stderr)
        return 1
    print(f"Wrote {args.out} ({image.width()}x{image.height()})")
    return 0


def _open_panel(window: MainWindow, panel: str | None) -> None:
    if panel == "search":
        window.search.show_and_focus()
    elif panel == "settings":
        window.comfort.toggle_settings_panel()
    elif panel == "bookmarks":
        window.comfort.toggle_bookmarks_panel()


def _search(window: MainWindow, words: str, open_result: int | None) -> bool:
    """Type ``words`` in the search panel and wait for the results, as a reader would see them; then
    open the chosen result. False when no result came (or fewer than ``open_result``)."""
    import time

    from PySide6.QtWidgets import QApplication

    from reader.ui.search_panel import HIT_ROLE

    search = window.search
    panel = search.panel
    answered: list[int] = []  # the numbers of the requests answered
    search.worker.worker.found.connect(lambda request, _found: answered.append(request))  # the worker's thread
    panel.box.setText(words)
    search.search_now()  # now, or as soon as the index is open

    def waiting() -> bool:  # for the answer to the last search asked for (typing may ask again)
        return not search.ready or not answered or answered[-1] != search.worker.latest

    end = time.monotonic() + 30
    while waiting() and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    for _ in range(5):  # the answer reaches the panel
        QApplication.processEvents()
    if panel.results.count() == 0 or (open_result or 0) > panel.results.count():
        return False
    panel.focus_results()
    if open_result:
        panel.results.setCurrentRow(open_result - 1)
        search.open_passage(*_where(panel.results.currentItem().data(HIT_ROLE)))
    end = time.monotonic() + 1  # the page settles: panels give way, the match scrolls into view
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    return True


def _where(hit: object) -> tuple[str, str]:
    return hit.section, hit.anchor  # type: ignore[attr-defined]


def _read_aloud(window: MainWindow, seconds: int) -> None:
    """Press Read aloud and let the stand-in voice read for ``seconds``, as a reader would see it."""
    import time

    from PySide6.QtWidgets import QApplication

    window.commands.actions["speech_play"].trigger()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
