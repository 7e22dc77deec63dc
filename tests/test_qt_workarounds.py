"""The reader survives the millions of Qt calls of a long session on every supported Python."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import sys
calls = min(4 * sys.getrefcount(None) + 100_000, 2_000_000)  # more than None's references at start
import reader.ui  # applies the guard when this Python and PySide6 need it
from PySide6.QtCore import QObject
probe = QObject()
for _ in range(calls):
    probe.setObjectName("x")
print("alive", calls)
"""


def test_many_void_qt_calls_do_not_abort_the_interpreter() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.startswith("alive")
