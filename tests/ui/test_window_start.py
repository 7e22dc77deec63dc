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
