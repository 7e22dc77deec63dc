"""How long the reading comfort changes take, as a reader would feel them.

Opens the real window offscreen with a fresh user folder and times, each several times
(median and worst): switching the theme of the whole window, applying a preset, changing
one spacing setting (the page is laid out again), moving the reading ruler one line,
adding a bookmark (written to disk with fsync), and exporting the longest section as a
large-print PDF. Prints figures; asserts nothing. Usage: python bench/comfort.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(action: Callable[[], object], runs: int, settle: Callable[[], object]) -> dict[str, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        settle()
        samples.append((time.perf_counter() - started) * 1000)
    return {"median_ms": round(statistics.median(samples), 1), "worst_ms": round(max(samples), 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="comfort-bench-"))
    os.environ["COPRODUCTION_READER_HOME"] = str(home)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from reader import paths
    from reader.library import open_guide
    from reader.settings import Settings
    from reader.ui.app import application
    from reader.ui.large_print import document, export_pdf
    from reader.ui.main_window import MainWindow

    app = application()
    guide = open_guide()
    window = MainWindow(guide, Settings(paths.settings_file()), remember=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    longest = max(guide, key=lambda s: s.word_count)
    window.open_section(longest.id)
    comfort = window.comfort

    def settle() -> None:
        app.processEvents()
        window.view.viewport().repaint()

    themes = iter(["dark", "sepia", "high-contrast", "light"] * args.runs)
    presets = iter(["dyslexia", "low-vision", "large-print", "screen-reader"] * args.runs)
    spacing = iter([1.8, 2.0] * args.runs)
    results: dict[str, object] = {"section": longest.id, "words": longest.word_count, "runs": args.runs}
    results["theme_switch"] = timed(lambda: comfort.choose("theme", next(themes)), args.runs, settle)
    results["preset"] = timed(lambda: comfort.choose_preset(next(presets)), args.runs, settle)
    comfort.reset()
    results["line_spacing_change"] = timed(lambda: comfort.choose("line_spacing", next(spacing)), args.runs, settle)
    comfort.choose("reading_ruler", True)
    window.view.setFocus()
    results["ruler_one_line_down"] = timed(lambda: QTest.keyClick(window.view, Qt.Key.Key_Down), args.runs,
                                           settle)
    counter = iter(range(10**6))
    results["add_bookmark"] = timed(lambda: comfort.places.add(longest.id, f"p{next(counter)}", "Bench"),
                                    args.runs, lambda: None)
    out = home / "out.pdf"
    results["large_print_pdf"] = timed(lambda: export_pdf(document(guide, longest.id, window.settings), out),
                                       max(3, args.runs // 3), lambda: None)
    results["pdf_bytes"] = out.stat().st_size
    results["cpus"] = os.cpu_count()
    print(json.dumps(results, indent=2))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
