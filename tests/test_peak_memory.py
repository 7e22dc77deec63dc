"""The start-up probe's peak-memory figure comes from a helper that works on every platform."""

from __future__ import annotations

import sys

import pytest

from reader.peak_memory import peak_rss_kb


@pytest.mark.skipif(sys.platform == "win32", reason="the Unix figure is checked here")
def test_peak_memory_is_in_kilobytes_and_grows_with_use():
    before = peak_rss_kb()
    assert before is not None and 5_000 < before < 5_000_000  # a Python process: megabytes, not bytes
    block = bytearray(64 * 1024 * 1024)
    block[::4096] = b"x" * len(block[::4096])  # touch every page so it is resident
    after = peak_rss_kb()
    assert after is not None and after >= before + 60 * 1024
