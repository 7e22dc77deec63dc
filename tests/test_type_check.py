"""The type check scripts/test.sh runs over reader/ is strict where it matters.

mypy passing says little if its settings let everything through: this runs it, with the
project's own settings, over a small file with the faults those settings exist to refuse.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

FAULTS = {
    "no-untyped-def": "def untyped(value):\n    return value\n",
    "unused-ignore": "needless: int = 1  # type: ignore[assignment]\n",
    "ignore-without-code": "vague: int = 'one'  # type: ignore\n",
    "redundant-cast": "same = cast(int, 1)\n",
    "no-any-return": "def loose(value: Any) -> int:\n    return value\n",
    # The bodies of untyped functions are checked too (check_untyped_defs), not only signatures.
    "operator": "def body():  # type: ignore[no-untyped-def]\n    print(1 + 'one')\n",
}


def test_the_settings_cover_reader_and_the_test_script_runs_them() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'files = ["reader"]' in pyproject
    assert '"$VENV/bin/python" -m mypy' in (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")


def test_the_type_check_refuses_each_fault(tmp_path: Path) -> None:
    faulty = tmp_path / "faulty.py"
    faulty.write_text("from typing import Any, cast\n\n\n" + "\n\n".join(FAULTS.values()), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
                             "--cache-dir", str(tmp_path / "cache"), str(faulty)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=240)
    assert result.returncode == 1, result.stdout + result.stderr
    missed = [code for code in FAULTS if f"[{code}]" not in result.stdout]
    assert not missed, result.stdout
