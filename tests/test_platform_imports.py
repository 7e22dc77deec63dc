"""Nothing Unix-only (or Windows-only) is imported where the other platform would run it.

Most users are on Windows: one bare ``import resource`` stops the window from starting there.
Every module under ``reader/`` is read with ``ast`` (not imported, so Windows-only code is
checked on Linux too); an import of a platform-only module must sit under an
``if sys.platform``/``os.name`` branch or in a ``try`` that catches ``ImportError`` (or in
its ``except`` fallback).
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

from .conftest import ROOT

UNIX_ONLY = frozenset({
    "resource", "fcntl", "termios", "pwd", "grp", "posix", "tty", "pty", "curses", "_curses", "readline",
    "syslog", "crypt", "spwd", "nis", "ossaudiodev", "_posixsubprocess", "_posixshmem", "posix_ipc",
})
WINDOWS_ONLY = frozenset({"msvcrt", "winreg", "winsound", "_winapi", "_overlapped", "nt", "msilib", "winerror"})
PLATFORM_ONLY = UNIX_ONLY | WINDOWS_ONLY
IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError"}


def _names(node: ast.AST) -> list[str]:
    """The top-level modules an import statement brings in."""
    if isinstance(node, ast.Import):
        return [alias.name.split(".")[0] for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return [node.module.split(".")[0]]
    return []


def _tests_platform(test: ast.expr) -> bool:
    """Whether an ``if`` condition asks which platform this is."""
    for node in ast.walk(test):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and (node.value.id, node.attr) in {("sys", "platform"), ("os", "name"), ("platform", "system")}):
            return True
        if isinstance(node, ast.Name) and node.id in {"IS_WINDOWS", "WINDOWS", "IS_MAC", "IS_LINUX"}:
            return True
    return False


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    caught = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(c, ast.Name) and c.id in IMPORT_ERRORS for c in caught)


def _guarded(path: list[ast.AST]) -> bool:
    """Whether the innermost statement of ``path`` (root first) runs only on a suitable platform."""
    for parent, child in itertools.pairwise(path):
        if isinstance(parent, ast.If) and _tests_platform(parent.test):
            return True
        if (isinstance(parent, ast.Try) and any(_catches_import_error(h) for h in parent.handlers)
                and (child in parent.body or child in parent.handlers)):
            return True
    return False


def unguarded_imports(source: str, filename: str = "<source>") -> list[str]:
    """``file:line module`` for each platform-only import outside a guarded path."""
    found: list[str] = []

    def visit(node: ast.AST, path: list[ast.AST]) -> None:
        for name in _names(node):
            if name in PLATFORM_ONLY and not _guarded(path):
                found.append(f"{filename}:{node.lineno} {name}")  # type: ignore[attr-defined]
        for child in ast.iter_child_nodes(node):
            visit(child, [*path, child])

    tree = ast.parse(source, filename)
    visit(tree, [tree])
    return found


def reader_modules() -> list[Path]:
    return sorted((ROOT / "reader").rglob("*.py"))


def test_no_module_under_reader_imports_a_platform_only_module_unguarded():
    modules = reader_modules()
    names = {m.relative_to(ROOT).as_posix() for m in modules}
    assert {"reader/ui/app.py", "reader/search/store.py", "reader/cli.py"} <= names
    found = [hit for module in modules
             for hit in unguarded_imports(module.read_text(encoding="utf-8"), module.relative_to(ROOT).as_posix())]
    assert found == [], "platform-only modules imported outside a platform check:\n" + "\n".join(found)


@pytest.mark.parametrize("source", [
    "import resource\n",
    "import os, fcntl\n",
    "from termios import tcgetattr\n",
    "def f():\n    import pwd\n    return pwd\n",
    "try:\n    import fcntl\nexcept OSError:\n    pass\n",  # catches the wrong error
    "try:\n    pass\nexcept ImportError:\n    pass\nelse:\n    import grp\n",  # else runs when nothing failed
    "if DEBUG:\n    import msvcrt\n",  # a branch that is not about the platform
    "import curses.ascii\n",
])
def test_the_check_finds_unguarded_imports(source):
    assert unguarded_imports(source)


@pytest.mark.parametrize("source", [
    "import sys\nif sys.platform != 'win32':\n    import resource\n",
    "import os\nif os.name == 'nt':\n    import msvcrt\nelse:\n    import fcntl\n",
    "try:\n    import fcntl\nexcept ImportError:  # Windows\n    import msvcrt\n",
    "def f():\n    try:\n        import resource\n    except (ImportError, AttributeError):\n        return None\n",
    "import posixpath, ntpath, os.path\n",  # both exist everywhere
    "from . import resource\n",  # a module of our own that happens to share the name
])
def test_the_check_accepts_guarded_imports(source):
    assert unguarded_imports(source) == []
