"""The core imports no Qt, so every rule can be tested fast and without a display."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader

from .conftest import ROOT


def test_core_modules_do_not_import_qt():
    modules = [m.name for m in pkgutil.walk_packages(reader.__path__, "reader.")
               if not m.name.startswith(("reader.ui", "reader.__main__"))]
    assert "reader.loader" in modules and "reader.render" in modules
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n"
            "    importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
