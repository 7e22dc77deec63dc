"""``coproduction-reader screenshot``: render the main window offscreen to a PNG and exit."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from reader import presets, themes, zoom
from reader.commands import guide_or_report, whole_number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, help="the PNG file to write")
    parser.add_argument("--section", help="id of the section to show (default: the first)")
    parser.add_argument("--text-size", type=whole_number(zoom.MINIMUM, zoom.MAXIMUM), default=None, metavar="PERCENT",
                        help=f"text size, {zoom.MINIMUM} to {zoom.MAXIMUM} (default {zoom.NORMAL})")
    parser.add_argument("--theme", choices=list(themes.THEMES), help="colours (default: light)")
    parser.add_argument("--preset", choices=list(presets.PRESETS),
                        help="a reading preset, applied before --theme and --text-size")
    parser.add_argument("--width", type=whole_number(200, 8000, "pixels"), default=1280)
    parser.add_argument("--height", type=whole_number(200, 8000, "pixels"), default=800)


def run(args: argparse.Namespace) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

    guide = guide_or_report()
    if guide is None:
        return 1
    if args.section and args.section not in guide:
        print(f"coproduction-reader screenshot: error: no section '{args.section}' "
              f"(see 'coproduction-reader sections')", file=sys.stderr)
        return 2
    from reader.settings import Settings
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
        if args.section:
            settings.set("last_section", args.section)
        window = MainWindow(guide, settings, remember=False)
        window.resize(args.width, args.height)
        window.show()
        for _ in range(3):
            app.processEvents()
        image = window.grab().toImage()
        window.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # PySide6 6.11's stub types the format as bytes, but the call accepts only str (bytes: ValueError).
    if not image.save(str(args.out), "PNG"):  # type: ignore[call-overload]
        print(f"coproduction-reader screenshot: error: could not write {args.out}", file=sys.stderr)
        return 1
    print(f"Wrote {args.out} ({image.width()}x{image.height()})")
    return 0
