"""The look-and-places core works without Qt, so its rules are testable without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MODULES = ["reader.contrast", "reader.themes", "reader.typography", "reader.reading_style",
           "reader.presets", "reader.bookmarks", "reader.settings"]


def test_importing_the_look_modules_loads_no_qt() -> None:
    code = ("import sys; " + "; ".join(f"import {m}" for m in MODULES)
            + "; print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
