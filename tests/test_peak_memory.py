"""The start-up probe's peak-memory figure comes from a helper that works on every platform."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT

MEASURE = """
import json
from reader.peak_memory import peak_rss_kb
before = peak_rss_kb()
block = bytearray(100 * 1024 * 1024)
block[::4096] = b"x" * len(block[::4096])  # touch every page so it is resident
print(json.dumps([before, peak_rss_kb()]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the Unix figure is checked here")
def test_peak_memory_is_in_kilobytes_and_grows_with_use():
    # A fresh interpreter, whose peak is not already far above what it holds now.
    result = subprocess.run([sys.executable, "-c", MEASURE], cwd=ROOT, capture_output=True, text=True,
                            check=True, timeout=60)
    before, after = json.loads(result.stdout)
    # (``before`` may carry the parent's peak: Linux keeps the figure across fork and exec.)
    assert before is not None and after is not None and after >= before
    assert 100 * 1024 <= after < 2 * 1024 * 1024  # at least the 100 MiB block, counted in KiB (not bytes)
