"""The core imports no Qt, so every rule can be tested fast and without a display."""

from __future__ import annotations

import pkgutil
import re
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


def test_window_features_see_the_context_not_the_window():
    """Features get explicit collaborators (reader/ui/context.py): only the start-up code knows the window."""
    import ast

    starters = {"app.py", "main_window.py"}
    for path in sorted((ROOT / "reader" / "ui").glob("*.py")):
        if path.name in starters:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert "reader.ui.main_window" not in imported, path.name
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"self\.window\b(?!\()", text) and "getattr(self.host" not in text, path.name
