"""The core the first page needs is imported before Qt, so PySide6 does not read its sources."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from tests.conftest import ROOT


def test_the_core_the_first_page_needs_is_all_imported_before_qt(tmp_path) -> None:
    script = textwrap.dedent("""
        import atexit, json, sys
        from reader import window_start
        early = set(sys.modules)
        def report():
            late = sorted(m for m in set(sys.modules) - early
                          if m.startswith("reader.") and not m.startswith("reader.ui"))
            print(json.dumps({"qt_first": "PySide6" in early, "late": late, "painted": painted}))
        atexit.register(report)
        painted = False
        from reader.ui import app
        def probe_report(self, report=app._FirstPaintProbe._report):
            global painted
            painted = True
            report(self)
        app._FirstPaintProbe._report = probe_report
        app.run_app()
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COPRODUCTION_READER_HOME=str(tmp_path),
               COPRODUCTION_READER_STARTUP_PROBE="1")
    env.pop("PYTHONPATH", None)
    for _ in range(2):  # the first start, then one from the kept page and library cache
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=120, check=True)
        report = json.loads(result.stdout.strip().splitlines()[-1])
        # Modules a first start needs to render the page (Markdown) may come later; none of the kept start's.
        assert report["qt_first"] is False and report["painted"] is True
    assert report["late"] == []



def test_the_collector_waits_until_the_page_is_on_screen_then_runs_as_before(tmp_path) -> None:
    script = textwrap.dedent("""
        import gc, json
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from reader.cli import main
        from reader.ui import app
        before = gc.get_threshold()
        passes = []
        gc.callbacks.append(lambda phase, info: phase == "start" and passes.append(info["generation"]))
        seen = {}
        def run_app(language=None, on_first_paint=None, run_app=app.run_app):
            def painted():
                seen["passes_before_paint"] = len(passes)
                seen["threshold_before_paint"] = gc.get_threshold()
                on_first_paint()
                seen["threshold_after_paint"] = gc.get_threshold()
                QTimer.singleShot(0, QApplication.quit)
            return run_app(language, painted)
        app.run_app = run_app
        passes.clear()
        main([])
        print(json.dumps(dict(seen, threshold_at_start=before)))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COPRODUCTION_READER_HOME=str(tmp_path))
    env.pop("PYTHONPATH", None)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=True)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # With the usual threshold (700), building the window (its modules imported already) collects 14 times.
    assert report["passes_before_paint"] <= 1
    assert report["threshold_before_paint"] != report["threshold_at_start"]
    assert report["threshold_after_paint"] == report["threshold_at_start"]
